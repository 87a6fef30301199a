package cn.medicare.campaign.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.codes.EnrolmentChannel;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.testing.EventTraffic;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContributionAssessmentIntegrationTests extends SubsidyIntegrationTestBase {

    private static final String ASSESSED = "ContributionAssessed";

    @Test
    void anEnrolledPersonIsAssessedAtTheStandardOfTheCampaignOnce() {
        PersonEnrolled enrolled = Liancheng.enrolled(Liancheng.idNumber(401), 2018);

        EventTraffic.publish(enrolled);

        String payload = awaitPublished(ASSESSED, enrolled.personId(), 1).get(0);
        assertThat(JsonPath.<String>read(payload, "$.standardAmount")).isEqualTo("180.00");
        assertThat(JsonPath.<String>read(payload, "$.subsidyAmount")).isEqualTo("0.00");
        assertThat(JsonPath.<String>read(payload, "$.payableAmount")).isEqualTo("180.00");
        assertThat(JsonPath.<String>read(payload, "$.reason")).isEqualTo("ENROLLED");
        assertThat(JsonPath.<String>read(payload, "$.region")).isEqualTo(Liancheng.REGION);
        assertThat(JsonPath.<Integer>read(payload, "$.coverageYear")).isEqualTo(2018);
        assertThat(payload).doesNotContain("assistanceCategory");
        // the API answers the field API.md lists, null for no assistance, where the event leaves it out
        assertThat(get("bureau", "/api/v1/assessments/" + enrolled.personId() + "?coverageYear=2018").body())
                .contains("\"assistanceCategory\":null");

        publishAndAwaitApplied(enrolled);
        assertThat(published(ASSESSED, enrolled.personId())).hasSize(1);
    }

    /**
     * Assessed all the same, withdrawn: what they paid before the withdrawal is judged against what they owed (a payable of
     * none left the money owed back by nobody).
     */
    @Test
    void aReplayedEnrolmentOlderThanItsWithdrawalLeavesThePersonWithdrawnAndAssessed() {
        PersonEnrolled enrolled = Liancheng.enrolled(Liancheng.idNumber(409), 2018);
        Instant enrolledAt = Instant.parse("2017-10-09T02:00:00Z");
        // the enrolment went to the dead-letter topic; its withdrawal was applied meanwhile
        awaitApplied(EventTraffic.publishAt(enrolledAt.plusSeconds(3_600), new PersonWithdrawn(enrolled.personId(), 2018,
                Liancheng.REGION, WithdrawalReason.MOVED_AWAY, LocalDate.of(2017, 10, 9))));

        awaitApplied(EventTraffic.publishAt(enrolledAt, enrolled));

        assertThat(jdbc.queryForMap("select withdrawn, person_category from enrolment where person_id = ? and coverage_year = 2018",
                enrolled.personId())).containsEntry("withdrawn", true).containsEntry("person_category", enrolled.personCategory().name());
        assertThat(awaitPublished(ASSESSED, enrolled.personId(), 1)).hasSize(1);
    }

    /**
     * Enrolled, withdrawn as a duplicate, enrolled again as a pupil (dead-lettered) and withdrawn again: the pupil's
     * registration replayed after the withdrawal that ended it is the one the person held, withdrawn, whatever order the two
     * registrations are replayed in.
     */
    @Test
    void aReplayedRegistrationBetweenTwoWithdrawalsIsTheOneTheLastWithdrawalEnded() {
        PersonEnrolled first = Liancheng.enrolled(Liancheng.idNumber(422), 2018);
        PersonEnrolled again = new PersonEnrolled(first.personId(), 2018, first.region(), first.idNumberMasked(), first.idNumberSealed(),
                first.nameMasked(), first.birthYear(), first.sex(), PersonCategory.STUDENT, first.township(), first.village(), null,
                true, false, EnrolmentChannel.TOWNSHIP, first.coverageStart(), null, 0, first.enrolledOn(), null, null, null, null, null,
                null, null);
        Instant at = Instant.parse("2017-10-09T02:00:00Z");
        awaitApplied(EventTraffic.publishAt(at, first));
        awaitApplied(EventTraffic.publishAt(at.plusSeconds(60), new PersonWithdrawn(first.personId(), 2018, Liancheng.REGION,
                WithdrawalReason.DUPLICATE, LocalDate.of(2017, 10, 9))));
        awaitApplied(EventTraffic.publishAt(at.plusSeconds(180), new PersonWithdrawn(first.personId(), 2018, Liancheng.REGION,
                WithdrawalReason.MOVED_AWAY, LocalDate.of(2017, 10, 9))));

        awaitApplied(EventTraffic.publishAt(at.plusSeconds(120), again));
        awaitApplied(EventTraffic.publishAt(at, first));

        assertThat(jdbc.queryForMap("select withdrawn, person_category from enrolment where person_id = ? and coverage_year = 2018",
                first.personId())).containsEntry("withdrawn", true).containsEntry("person_category", "STUDENT");
    }

    /**
     * The enrolment went to the dead-letter topic; the clerk's change of category and village was applied meanwhile and
     * the replayed enrolment arrives after it: the person is assessed as changed, not as first enrolled (the payable
     * follows the category).
     */
    @Test
    void aReplayedEnrolmentOlderThanItsUpdateKeepsTheUpdatesFields() {
        PersonEnrolled enrolled = Liancheng.enrolled(Liancheng.idNumber(410), 2018);
        Instant enrolledAt = Instant.parse("2017-10-09T02:00:00Z");
        awaitApplied(EventTraffic.publishAt(enrolledAt.plusSeconds(3_600), new PersonUpdated(enrolled.personId(), 2018, Liancheng.REGION,
                null, "新华村", null, PersonCategory.STUDENT, null, null, null)));

        awaitApplied(EventTraffic.publishAt(enrolledAt, enrolled));

        assertThat(jdbc.queryForMap("select person_category, village from enrolment where person_id = ? and coverage_year = 2018",
                enrolled.personId())).containsEntry("person_category", "STUDENT").containsEntry("village", "新华村");
        assertThat(awaitPublished(ASSESSED, enrolled.personId(), 1)).hasSize(1);
    }

    /**
     * The clerk changed the category, then the village; the first change went to the dead-letter topic and is replayed
     * after the second: the enrolment, which the payable is assessed on, takes the category it gave and keeps the second's
     * village (one roster time per person-year dropped the older change whole).
     */
    @Test
    void aChangeReplayedAfterANewerChangeOfAnotherFieldStillApplies() {
        PersonEnrolled enrolled = Liancheng.enrolled(Liancheng.idNumber(414), 2018);
        Instant enrolledAt = Instant.parse("2017-10-09T02:00:00Z");
        awaitApplied(EventTraffic.publishAt(enrolledAt, enrolled));
        awaitPublished(ASSESSED, enrolled.personId(), 1);
        awaitApplied(EventTraffic.publishAt(enrolledAt.plusSeconds(7_200), new PersonUpdated(enrolled.personId(), 2018, Liancheng.REGION,
                null, "新华村", null, null, null, null, null)));

        awaitApplied(EventTraffic.publishAt(enrolledAt.plusSeconds(3_600), new PersonUpdated(enrolled.personId(), 2018, Liancheng.REGION,
                null, null, null, PersonCategory.STUDENT, null, null, null)));

        assertThat(jdbc.queryForMap("select person_category, village from enrolment where person_id = ? and coverage_year = 2018",
                enrolled.personId())).containsEntry("person_category", "STUDENT").containsEntry("village", "新华村");
    }

    /**
     * The withdrawal went to the dead-letter topic and is replayed after a change made later: the person is withdrawn all
     * the same (a change used to move the roster time past the withdrawal, which was then dropped as older).
     */
    @Test
    void aWithdrawalReplayedAfterALaterChangeStillWithdrawsThePerson() {
        PersonEnrolled enrolled = Liancheng.enrolled(Liancheng.idNumber(416), 2018);
        Instant enrolledAt = Instant.parse("2017-10-09T02:00:00Z");
        awaitApplied(EventTraffic.publishAt(enrolledAt, enrolled));
        awaitApplied(EventTraffic.publishAt(enrolledAt.plusSeconds(7_200), new PersonUpdated(enrolled.personId(), 2018, Liancheng.REGION,
                null, "新华村", null, null, null, null, null)));

        awaitApplied(EventTraffic.publishAt(enrolledAt.plusSeconds(3_600), new PersonWithdrawn(enrolled.personId(), 2018,
                Liancheng.REGION, WithdrawalReason.MOVED_AWAY, LocalDate.of(2017, 10, 9))));

        assertThat(jdbc.queryForObject("select withdrawn from enrolment where person_id = ? and coverage_year = 2018",
                Boolean.class, enrolled.personId())).isTrue();
    }

    /**
     * A change of category went to the dead-letter topic and is replayed after the person's withdrawal, which it came
     * before: it applies, as it did in their order, and as the tax adapter and reporting apply it (what the person paid
     * before the withdrawal is judged against the payable of the category they had). A withdrawn person-year used to take
     * no change at all.
     */
    @Test
    void aChangeReplayedAfterTheWithdrawalItCameBeforeStillApplies() {
        PersonEnrolled enrolled = Liancheng.enrolled(Liancheng.idNumber(419), 2018);
        Instant enrolledAt = Instant.parse("2017-10-09T02:00:00Z");
        awaitApplied(EventTraffic.publishAt(enrolledAt, enrolled));
        awaitApplied(EventTraffic.publishAt(enrolledAt.plusSeconds(7_200), new PersonWithdrawn(enrolled.personId(), 2018,
                Liancheng.REGION, WithdrawalReason.MOVED_AWAY, LocalDate.of(2017, 11, 1))));

        awaitApplied(EventTraffic.publishAt(enrolledAt.plusSeconds(3_600), new PersonUpdated(enrolled.personId(), 2018, Liancheng.REGION,
                null, null, null, PersonCategory.STUDENT, null, null, null)));

        assertThat(jdbc.queryForMap("select person_category, withdrawn from enrolment where person_id = ? and coverage_year = 2018",
                enrolled.personId())).containsEntry("person_category", "STUDENT").containsEntry("withdrawn", true);
    }

    /** Two changes of the same field, the newer applied first: the older one replayed later changes nothing. */
    @Test
    void aChangeReplayedAfterANewerChangeOfTheSameFieldChangesNothing() {
        PersonEnrolled enrolled = Liancheng.enrolled(Liancheng.idNumber(415), 2018);
        Instant enrolledAt = Instant.parse("2017-10-09T02:00:00Z");
        awaitApplied(EventTraffic.publishAt(enrolledAt, enrolled));
        awaitApplied(EventTraffic.publishAt(enrolledAt.plusSeconds(7_200), new PersonUpdated(enrolled.personId(), 2018, Liancheng.REGION,
                null, "新华村", null, PersonCategory.STUDENT, null, null, null)));

        awaitApplied(EventTraffic.publishAt(enrolledAt.plusSeconds(3_600), new PersonUpdated(enrolled.personId(), 2018, Liancheng.REGION,
                null, "文亨村", null, PersonCategory.MINOR, null, null, null)));

        assertThat(jdbc.queryForMap("select person_category, village from enrolment where person_id = ? and coverage_year = 2018",
                enrolled.personId())).containsEntry("person_category", "STUDENT").containsEntry("village", "新华村");
    }

    /** An older TargetsSet replayed from the dead-letter topic after a newer one renames no township back. */
    @Test
    void anOlderTargetsSetArrivingLateRenamesNoTownshipBack() {
        Instant renamedAt = Instant.parse("2017-09-20T02:00:00Z");
        awaitApplied(EventTraffic.publishAt(renamedAt, new TargetsSet("350899", 2018,
                List.of(new TargetsSet.Target("350899100", "新城街道", 10)))));

        awaitApplied(EventTraffic.publishAt(renamedAt.minusSeconds(86_400), new TargetsSet("350899", 2018,
                List.of(new TargetsSet.Target("350899100", "城关镇", 10)))));

        assertThat(jdbc.queryForObject("select name from township where township = '350899100'", String.class)).isEqualTo("新城街道");
    }

    @Test
    void anEnrolmentArrivingBeforeItsCampaignIsAssessedWhenTheCampaignArrives() {
        PersonEnrolled enrolled = Liancheng.enrolled(Liancheng.idNumber(402), 2019);

        publishAndAwaitApplied(enrolled);
        assertThat(published(ASSESSED, enrolled.personId())).isEmpty();

        EventTraffic.publish(Liancheng.apiExample(2019));
        String first = awaitPublished(ASSESSED, enrolled.personId(), 1).get(0);
        assertThat(JsonPath.<String>read(first, "$.payableAmount")).isEqualTo("180.00");
        assertThat(JsonPath.<String>read(first, "$.reason")).isEqualTo("ENROLLED");

        EventTraffic.publish(Liancheng.apiExample(2019, 2, "200.00", "140.00"));
        String changed = awaitPublished(ASSESSED, enrolled.personId(), 2).get(1);
        assertThat(JsonPath.<String>read(changed, "$.payableAmount")).isEqualTo("200.00");
        assertThat(JsonPath.<String>read(changed, "$.reason")).isEqualTo("CAMPAIGN_CHANGED");

        // a stale version arriving late replaces nothing
        publishAndAwaitApplied(Liancheng.apiExample(2019));
        assertThat(published(ASSESSED, enrolled.personId())).hasSize(2);
        assertThat(JsonPath.<String>read(get("bureau", "/api/v1/assessments/" + enrolled.personId() + "?coverageYear=2019").body(),
                "$.payableAmount")).isEqualTo("200.00");
    }

    @Test
    void aWithdrawnPersonIsNoLongerReassessed() {
        PersonEnrolled enrolled = Liancheng.enrolled(Liancheng.idNumber(403), 2018);
        EventTraffic.publish(enrolled);
        awaitPublished(ASSESSED, enrolled.personId(), 1);

        publishAndAwaitApplied(new PersonWithdrawn(enrolled.personId(), 2018, Liancheng.REGION, WithdrawalReason.MOVED_AWAY,
                LocalDate.of(2017, 11, 1)));
        publishAndAwaitApplied(new PersonUpdated(enrolled.personId(), 2018, Liancheng.REGION, null, null, null,
                PersonCategory.STUDENT, null, null, null));

        assertThat(published(ASSESSED, enrolled.personId())).hasSize(1);
    }

    @Test
    void anUnknownAssessmentIsNotFound() {
        String unknown = "/api/v1/assessments/" + Liancheng.personId(Liancheng.idNumber(499)) + "?coverageYear=2018";
        // what earlier tests published to the person's partition is read first: until then the answer is "not yet known"
        var response = await().atMost(PATIENCE).until(() -> get("bureau", unknown), answered -> answered.statusCode() != 503);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(get("bureau", "/api/v1/assessments/x?coverageYear=next").statusCode()).isEqualTo(400);
        assertThat(get(null, "/api/v1/assessments/x?coverageYear=2018").statusCode()).isEqualTo(401);
        // the category says why someone is assisted: not for agencies, the tax bureau or viewers
        assertThat(get("viewer", "/api/v1/assessments/x?coverageYear=2018").statusCode()).isEqualTo(403);
        assertThat(get("township-350825101", "/api/v1/assessments/" + Liancheng.personId(Liancheng.idNumber(499)) + "?coverageYear=2018")
                .statusCode()).isEqualTo(403);
    }
}
