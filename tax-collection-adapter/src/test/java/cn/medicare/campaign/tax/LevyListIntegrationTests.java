package cn.medicare.campaign.tax;

import static cn.medicare.campaign.tax.TaxBureauBodies.confirmation;
import static cn.medicare.campaign.tax.TaxBureauBodies.confirmationBy;
import static cn.medicare.campaign.tax.TaxBureauBodies.confirmations;
import static cn.medicare.campaign.tax.TaxBureauBodies.refund;
import static cn.medicare.campaign.tax.TaxBureauBodies.refundNo;
import static cn.medicare.campaign.tax.TaxBureauBodies.refunds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.codes.AssessmentReason;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.fixtures.IdNumbers;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.testing.EventTraffic;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

class LevyListIntegrationTests extends TaxIntegrationTestBase {

    @Value("${spring.kafka.consumer.group-id}")
    String consumerGroup;

    /** Only the paging test uses this year, so it sees exactly its own people. */
    private static final int PAGING_YEAR = 2019;

    @Test
    void anEnrolledAndAssessedPersonIsListedWithThePlainIdNumberWhichIsNeverStored() {
        String idNumber = IdNumbers.next(Liancheng.REGION);

        EventTraffic.publish(residents.enrolled(idNumber, 2018), residents.assessed(idNumber, 2018, null));

        JsonNode item = await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber),
                found -> found != null && found.get("status").asString().equals("UNPAID"));
        assertThat(item.get("name").asString()).isEqualTo("张**");
        assertThat(item.get("coverageYear").asInt()).isEqualTo(2018);
        assertThat(item.get("payableAmount").asString()).isEqualTo("180.00");
        assertThat(item.get("assistanceCategory").isNull()).isTrue();
        assertThat(item.get("cursor").asLong()).isPositive();
        assertThat(jdbc.queryForObject("""
                select count(*) from levy_item
                where coalesce(id_number_sealed, '') || coalesce(id_number_masked, '') || coalesce(name_masked, '') like ?""",
                Integer.class, "%" + idNumber + "%")).isZero();
    }

    @Test
    void anEnrolmentNotYetAssessedIsListedAsPendingWithoutAnAmountNeverAsPaid() {
        String idNumber = IdNumbers.next(Liancheng.REGION);

        EventTraffic.publish(residents.enrolled(idNumber, 2018));

        JsonNode item = await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber), found -> found != null);
        assertThat(item.get("status").asString()).isEqualTo("PENDING_ASSESSMENT");
        assertThat(item.get("payableAmount").isNull()).isTrue();
    }

    @Test
    void anAssessmentArrivingBeforeTheEnrolmentIsKeptAndListedOnceTheEnrolmentComes() {
        String idNumber = IdNumbers.next(Liancheng.REGION);
        String personId = residents.personId(idNumber);

        EventTraffic.publish(residents.assessed(idNumber, 2018, AssistanceCategory.MINIMUM_LIVING));
        await().atMost(PATIENCE).until(() -> jdbc.queryForList(
                "select payable_amount::text from levy_item where person_id = ? and coverage_year = 2018", String.class, personId),
                payable -> payable.equals(List.of("40.00")));
        assertThat(api.levyItem(2018, idNumber)).isNull();

        EventTraffic.publish(residents.enrolled(idNumber, 2018));

        JsonNode item = await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber), found -> found != null);
        assertThat(item.get("status").asString()).isEqualTo("UNPAID");
        assertThat(item.get("payableAmount").asString()).isEqualTo("40.00");
        assertThat(item.get("assistanceCategory").asString()).isEqualTo("MINIMUM_LIVING");
    }

    @Test
    void theTaxBureauPagesThroughChangesAndAChangedItemComesBackAfterItsCursor() {
        List<String> people = List.of(IdNumbers.next(Liancheng.REGION), IdNumbers.next(Liancheng.REGION), IdNumbers.next(Liancheng.REGION));
        for (String idNumber : people) {
            EventTraffic.publish(residents.enrolled(idNumber, PAGING_YEAR), residents.assessed(idNumber, PAGING_YEAR, null));
        }
        await().atMost(PATIENCE).until(() -> page(0, 5000).get("items"),
                items -> items.size() == 3 && statuses(items).stream().allMatch("UNPAID"::equals));

        JsonNode first = page(0, 2);
        assertThat(first.get("items")).hasSize(2);
        long next = first.get("next").asLong();
        assertThat(next).isEqualTo(first.get("items").get(1).get("cursor").asLong())
                .isGreaterThan(first.get("items").get(0).get("cursor").asLong());
        JsonNode second = page(next, 2);
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("next").isNull()).isTrue();
        List<String> listed = new ArrayList<>(numbers(first.get("items")));
        listed.addAll(numbers(second.get("items")));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(people);
        long last = second.get("items").get(0).get("cursor").asLong();
        assertThat(last).isGreaterThan(next);
        assertThat(page(last, 2).get("items")).isEmpty();

        String reassessed = people.get(0);
        EventTraffic.publish(residents.assessed(reassessed, PAGING_YEAR, AssistanceCategory.MINIMUM_LIVING));
        JsonNode changed = await().atMost(PATIENCE).until(() -> page(last, 500).get("items"), items -> items.size() == 1);
        assertThat(changed.get(0).get("idNumber").asString()).isEqualTo(reassessed);
        assertThat(changed.get(0).get("payableAmount").asString()).isEqualTo("40.00");
        long afterChange = changed.get(0).get("cursor").asLong();

        String leaving = people.get(1);
        EventTraffic.publish(residents.withdrawn(leaving, PAGING_YEAR));
        JsonNode withdrawn = await().atMost(PATIENCE).until(() -> page(afterChange, 500).get("items"), items -> items.size() == 1);
        assertThat(withdrawn.get(0).get("idNumber").asString()).isEqualTo(leaving);
        assertThat(withdrawn.get(0).get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(page(0, 5000).get("items")).hasSize(3);
    }

    @Test
    void aReplayedEnrolmentOlderThanItsWithdrawalLeavesThePersonWithdrawn() {
        String idNumber = IdNumbers.next(Liancheng.REGION);
        Instant enrolledAt = Instant.parse("2017-10-09T02:00:00Z");
        // the enrolment went to the dead-letter topic; its withdrawal was applied meanwhile
        UUID withdrawal = EventTraffic.publishAt(enrolledAt.plusSeconds(3_600), residents.withdrawn(idNumber, 2018));
        await().atMost(PATIENCE).until(() -> applied(withdrawal));

        UUID replay = EventTraffic.publishAt(enrolledAt, residents.enrolled(idNumber, 2018));
        await().atMost(PATIENCE).until(() -> applied(replay));

        assertThat(jdbc.queryForObject("select withdrawn from levy_item where person_id = ? and coverage_year = 2018",
                Boolean.class, residents.personId(idNumber))).isTrue();
    }

    /**
     * Paid in October, withdrawn, registered again in March as a late enrolee who owes the individual and the fiscal part
     * (2025's rule, 1,070.00 here), and refunded the October money after that: the new registration is settled anew
     * without it, so the tax bureau is asked for 1,070.00, not the 180.00 the earlier one settled at (it was asked for
     * 180.00 and counted the person paid by it).
     */
    @Test
    void aRegistrationAfterAWithdrawalAndARefundOwesWhatTheNewRegistrationIsAssessed() {
        String idNumber = IdNumbers.next(Liancheng.REGION);
        enrolledInOctober(residents.enrolled(idNumber, 2018), idNumber, null);
        String voucherNo = paid(idNumber, "180.00");
        await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber).get("status").asString().equals("PAID"));
        EventTraffic.publishAt(Instant.parse("2017-10-30T02:00:00Z"), residents.withdrawn(idNumber, 2018));
        await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber).get("status").asString().equals("WITHDRAWN"));

        registeredAgainInMarchOwing1070(idNumber);
        assertAcceptedOne(api.refund(refunds(refund(refundNo(), voucherNo, "180.00", "2018-03-20T03:00:00Z"))));

        JsonNode item = api.levyItem(2018, idNumber);
        assertThat(item.get("status").asString()).isEqualTo("UNPAID");
        assertThat(item.get("payableAmount").asString()).isEqualTo("1070.00");
        assertAcceptedOne(api.confirm(confirmations(confirmation(Vouchers.next(), idNumber, "1070.00", "2018-03-06T02:00:00Z"))));
        await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber).get("status").asString().equals("PAID"));
    }

    /**
     * 低保 in October, paid the 40.00 and refunded, withdrawn, registered again in March, unassisted, owing 1,070.00; the
     * withdrawal went to the dead-letter topic and is replayed after that registration: the registration is settled anew all
     * the same, as when the withdrawal comes first. Until then the October settlement of 40.00 is the cap, moved by the
     * standard's rise (180.00 to 1,070.00), not by the assistance ended.
     */
    @Test
    void aWithdrawalReplayedAfterTheRegistrationThatFollowedItStillSettlesThatRegistrationAnew() {
        String idNumber = IdNumbers.next(Liancheng.REGION);
        enrolledInOctober(residents.enrolled(idNumber, 2018), idNumber, AssistanceCategory.MINIMUM_LIVING);
        String voucherNo = paid(idNumber, "40.00");
        assertAcceptedOne(api.refund(refunds(refund(refundNo(), voucherNo, "40.00"))));
        registeredAgainInMarchOwing1070(idNumber);
        assertThat(api.levyItem(2018, idNumber).get("payableAmount").asString()).as("the withdrawal not read yet").isEqualTo("930.00");

        UUID replayed = EventTraffic.publishAt(Instant.parse("2017-10-30T02:00:00Z"), residents.withdrawn(idNumber, 2018));
        await().atMost(PATIENCE).until(() -> applied(replayed));

        JsonNode item = api.levyItem(2018, idNumber);
        assertThat(item.get("status").asString()).isEqualTo("UNPAID");
        assertThat(item.get("payableAmount").asString()).isEqualTo("1070.00");
    }

    /**
     * 撤销终止参保: a 低保 person paid their 40.00 and lost the assistance after (held to the 40.00 they settled at), was
     * withdrawn by mistake and the withdrawal revoked. Enrollment announces the enrolment again with its own day, and the
     * registration goes on, settlement and all: settled anew, it would have owed 180.00.
     */
    @Test
    void aRevokedWithdrawalLeavesTheSettlementAsItWas() {
        String idNumber = IdNumbers.next(Liancheng.REGION);
        PersonEnrolled enrolment = residents.enrolledOn(idNumber, 2018, LocalDate.of(2017, 10, 9));
        enrolledInOctober(enrolment, idNumber, AssistanceCategory.MINIMUM_LIVING);
        paid(idNumber, "40.00");
        UUID ended = EventTraffic.publishAt(Instant.parse("2017-10-20T02:00:00Z"), residents.assessed(idNumber, 2018, null));
        UUID withdrawal = EventTraffic.publishAt(Instant.parse("2017-10-30T02:00:00Z"), residents.withdrawn(idNumber, 2018));
        await().atMost(PATIENCE).until(() -> applied(ended) && applied(withdrawal));

        UUID revoked = EventTraffic.publishAt(Instant.parse("2017-11-05T02:00:00Z"), enrolment);
        await().atMost(PATIENCE).until(() -> applied(revoked));

        JsonNode item = api.levyItem(2018, idNumber);
        assertThat(item.get("status").asString()).isEqualTo("PAID");
        assertThat(item.get("payableAmount").asString()).isEqualTo("40.00");
    }

    /**
     * As {@link #aRevokedWithdrawalLeavesTheSettlementAsItWas}, the withdrawal dated the enrolment's own day (a duplicate
     * found the day it was made), which the enrolment announced again no longer tells apart from a registration after it:
     * the announcement says it revokes the withdrawal, and the settlement stands, the withdrawal read first or replayed
     * after it. Before, both people were settled anew and asked for 180.00.
     */
    @Test
    void aWithdrawalDatedTheEnrolmentsDayAndRevokedLeavesTheSettlementAsItWasInEitherOrder() {
        List<String> people = List.of(IdNumbers.next(Liancheng.REGION), IdNumbers.next(Liancheng.REGION));
        List<UUID> applied = new ArrayList<>();
        for (String idNumber : people) {
            PersonEnrolled enrolment = residents.enrolledOn(idNumber, 2018, LocalDate.of(2017, 10, 9));
            enrolledInOctober(enrolment, idNumber, AssistanceCategory.MINIMUM_LIVING);
            paid(idNumber, "40.00");
            applied.add(EventTraffic.publishAt(Instant.parse("2017-10-20T02:00:00Z"), residents.assessed(idNumber, 2018, null)));
            PersonWithdrawn sameDay = new PersonWithdrawn(residents.personId(idNumber), 2018, Liancheng.REGION, WithdrawalReason.DUPLICATE,
                    LocalDate.of(2017, 10, 9));
            Instant withdrawnAt = Instant.parse("2017-10-30T02:00:00Z");
            PersonEnrolled revocation = enrolment.revokingAWithdrawal();
            Instant revokedAt = Instant.parse("2017-11-05T02:00:00Z");
            if (idNumber.equals(people.get(0))) {
                applied.add(EventTraffic.publishAt(withdrawnAt, sameDay));
                applied.add(EventTraffic.publishAt(revokedAt, revocation));
            } else {
                applied.add(EventTraffic.publishAt(revokedAt, revocation));
                applied.add(EventTraffic.publishAt(withdrawnAt, sameDay));
            }
        }
        await().atMost(PATIENCE).until(() -> applied.stream().allMatch(this::applied));

        for (String idNumber : people) {
            JsonNode item = api.levyItem(2018, idNumber);
            assertThat(item.get("status").asString()).as(idNumber.equals(people.get(0)) ? "in order" : "replayed").isEqualTo("PAID");
            assertThat(item.get("payableAmount").asString()).isEqualTo("40.00");
        }
    }

    /**
     * The withdrawal went to the dead-letter topic and is replayed after a change made later: the person is withdrawn all
     * the same (a change used to move the roster time past the withdrawal, which was then dropped as older, and the person
     * stayed on the list to be levied).
     */
    @Test
    void aWithdrawalReplayedAfterALaterChangeStillWithdrawsThePerson() {
        String idNumber = IdNumbers.next(Liancheng.REGION);
        String personId = residents.personId(idNumber);
        Instant enrolledAt = Instant.parse("2017-10-09T02:00:00Z");
        EventTraffic.publishAt(enrolledAt, residents.enrolled(idNumber, 2018));
        UUID moved = EventTraffic.publishAt(enrolledAt.plusSeconds(7_200),
                new PersonUpdated(personId, 2018, Liancheng.REGION, null, "文亨村", null, null, null, null, null));
        await().atMost(PATIENCE).until(() -> applied(moved));

        UUID withdrawal = EventTraffic.publishAt(enrolledAt.plusSeconds(3_600), residents.withdrawn(idNumber, 2018));
        await().atMost(PATIENCE).until(() -> applied(withdrawal));

        assertThat(jdbc.queryForMap("select withdrawn, village from levy_item where person_id = ? and coverage_year = 2018", personId))
                .containsEntry("withdrawn", true).containsEntry("village", "文亨村");
    }

    /**
     * An enrolment an older replica of this service parked during a rolling update (it did not know the type yet) is
     * applied by this one while it runs, not only at its start: the person comes onto the levy list.
     */
    @Test
    void anEnrolmentAnOlderReplicaParkedIsAppliedWhileTheServiceRuns() {
        String idNumber = IdNumbers.next(Liancheng.REGION);
        UUID eventId = UUID.randomUUID();
        jdbc.update("""
                insert into parked_event (consumer_group, event_id, topic, record_key, type, source, event_time, schema_version, payload)
                values (?, ?, ?, ?, 'PersonEnrolled', 'enrollment-service', ?, 1, ?)""", consumerGroup, eventId, Topics.ROSTER,
                residents.personId(idNumber), Timestamp.from(Instant.parse("2017-10-09T02:00:00Z")),
                EventJson.write(residents.enrolled(idNumber, 2018)));
        jdbc.update("insert into inbox (consumer_group, event_id, topic, type) values (?, ?, ?, 'PersonEnrolled')", consumerGroup, eventId,
                Topics.ROSTER);

        await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber) != null);
        assertThat(jdbc.queryForObject("select count(*) from parked_event where event_id = ?", Integer.class, eventId)).isZero();
    }

    @Test
    void aReplayedAssessmentOlderThanTheCurrentOneChangesNothingAlsoWhenTheCurrentOneKeptTheAmount() {
        String idNumber = IdNumbers.next(Liancheng.REGION);
        Instant enrolledAt = Instant.parse("2017-10-09T02:00:00Z");
        EventTraffic.publishAt(enrolledAt, residents.enrolled(idNumber, 2018));
        UUID first = EventTraffic.publishAt(enrolledAt.plusSeconds(60), residents.assessed(idNumber, 2018, null));
        await().atMost(PATIENCE).until(() -> applied(first));
        // reassessed with the same amount; the assistance assessed in between went to the dead-letter topic
        UUID current = EventTraffic.publishAt(enrolledAt.plusSeconds(7_200), residents.assessed(idNumber, 2018, null));
        await().atMost(PATIENCE).until(() -> applied(current));

        UUID replay = EventTraffic.publishAt(enrolledAt.plusSeconds(3_600),
                residents.assessed(idNumber, 2018, AssistanceCategory.MINIMUM_LIVING));
        await().atMost(PATIENCE).until(() -> applied(replay));

        assertThat(api.levyItem(2018, idNumber).get("payableAmount").asString()).isEqualTo("180.00");
    }

    /** The township decides who may apply for a refund, the name is on the tax bureau's list: an older change replayed changes neither. */
    @Test
    void aReplayedChangeOlderThanTheCurrentOneMovesAndRenamesNobody() {
        String idNumber = IdNumbers.next(Liancheng.REGION);
        String personId = residents.personId(idNumber);
        Instant enrolledAt = Instant.parse("2017-10-09T02:00:00Z");
        EventTraffic.publishAt(enrolledAt, residents.enrolled(idNumber, 2018));
        UUID current = EventTraffic.publishAt(enrolledAt.plusSeconds(7_200),
                new PersonUpdated(personId, 2018, Liancheng.REGION, "350825101", "文亨村", null, null, null, null, "李**"));
        await().atMost(PATIENCE).until(() -> applied(current));

        UUID replay = EventTraffic.publishAt(enrolledAt.plusSeconds(3_600),
                new PersonUpdated(personId, 2018, Liancheng.REGION, "350825102", "北团村", null, null, null, null, "王**"));
        await().atMost(PATIENCE).until(() -> applied(replay));

        assertThat(jdbc.queryForMap("select township, village, name_masked from levy_item where person_id = ? and coverage_year = 2018",
                personId)).containsEntry("township", "350825101").containsEntry("village", "文亨村").containsEntry("name_masked", "李**");
    }

    /**
     * The enrolment was dead-lettered and is replayed after two changes made later, which came in the wrong order: the
     * person still comes onto the levy list (a change used to set the roster time past the enrolment, which was then
     * dropped as older), in the township, village and name the changes left, the newer one's where both changed a field
     * (the changes used to be dropped, and the replay brought back the enrolment's).
     */
    @Test
    void anEnrolmentReplayedAfterLaterChangesPutsThePersonOnTheListAsChanged() {
        String idNumber = IdNumbers.next(Liancheng.REGION);
        String personId = residents.personId(idNumber);
        Instant enrolledAt = Instant.parse("2017-10-09T02:00:00Z");
        UUID assessed = EventTraffic.publishAt(enrolledAt.plusSeconds(60), residents.assessed(idNumber, 2018, null));
        await().atMost(PATIENCE).until(() -> applied(assessed));
        UUID renamed = EventTraffic.publishAt(enrolledAt.plusSeconds(7_200),
                new PersonUpdated(personId, 2018, Liancheng.REGION, null, "文亨村", null, null, null, null, "李**"));
        await().atMost(PATIENCE).until(() -> applied(renamed));
        UUID moved = EventTraffic.publishAt(enrolledAt.plusSeconds(3_600),
                new PersonUpdated(personId, 2018, Liancheng.REGION, "350825102", "北团村", null, null, null, null, null));
        await().atMost(PATIENCE).until(() -> applied(moved));

        EventTraffic.publishAt(enrolledAt, residents.enrolled(idNumber, 2018));

        JsonNode listed = await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber), found -> found != null);
        assertThat(listed.get("payableAmount").asString()).isEqualTo("180.00");
        assertThat(listed.get("name").asString()).isEqualTo("李**");
        assertThat(jdbc.queryForMap("select township, village from levy_item where person_id = ? and coverage_year = 2018", personId))
                .containsEntry("township", "350825102").containsEntry("village", "文亨村");
    }

    /**
     * A change of township and village went to the dead-letter topic and is replayed after a newer change of the name: the
     * item takes the older change's township and village and keeps the newer one's name (one roster time per person-year
     * dropped the older change whole, and the person stayed in the township they had left, which decides who may apply
     * for their refund).
     */
    @Test
    void aChangeReplayedAfterANewerChangeOfAnotherFieldStillApplies() {
        String idNumber = IdNumbers.next(Liancheng.REGION);
        String personId = residents.personId(idNumber);
        Instant enrolledAt = Instant.parse("2017-10-09T02:00:00Z");
        EventTraffic.publishAt(enrolledAt, residents.enrolled(idNumber, 2018));
        UUID renamed = EventTraffic.publishAt(enrolledAt.plusSeconds(7_200),
                new PersonUpdated(personId, 2018, Liancheng.REGION, null, null, null, null, null, null, "李**"));
        await().atMost(PATIENCE).until(() -> applied(renamed));

        UUID replay = EventTraffic.publishAt(enrolledAt.plusSeconds(3_600),
                new PersonUpdated(personId, 2018, Liancheng.REGION, "350825102", "北团村", null, null, null, null, null));
        await().atMost(PATIENCE).until(() -> applied(replay));

        assertThat(jdbc.queryForMap("select township, village, name_masked from levy_item where person_id = ? and coverage_year = 2018",
                personId)).containsEntry("township", "350825102").containsEntry("village", "北团村").containsEntry("name_masked", "李**");
    }

    /**
     * Where the assistance fund paid beyond the subsidy, the amount listed follows the subsidy too: a campaign version
     * raising the standard and the subsidy alike leaves the payable at 40.00 and raises what the person owes from 30.00 to
     * 40.00, a change the tax bureau must page to.
     */
    @Test
    void aSubsidyThatAloneChangesTheListedAmountIsAChangeTheTaxBureauPagesTo() {
        String idNumber = enrolledAndAssessed(AssistanceCategory.MINIMUM_LIVING);
        assertAcceptedOne(api.confirm(confirmations(confirmationBy(Vouchers.next(), idNumber, "150.00", "ASSISTANCE_FUND"))));
        long before = await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber),
                item -> item.get("payableAmount").asString().equals("30.00")).get("cursor").asLong();

        EventTraffic.publish(new ContributionAssessed(residents.personId(idNumber), 2018, Liancheng.REGION, new BigDecimal("200.00"),
                new BigDecimal("160.00"), new BigDecimal("40.00"), AssistanceCategory.MINIMUM_LIVING, AssessmentReason.CAMPAIGN_CHANGED));

        JsonNode after = await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber),
                item -> item.get("payableAmount").asString().equals("40.00"));
        assertThat(after.get("cursor").asLong()).isGreaterThan(before);
    }

    @Test
    void aNewNameIsAChangeTheTaxBureauPagesTo() {
        String idNumber = IdNumbers.next(Liancheng.REGION);
        EventTraffic.publish(residents.enrolled(idNumber, 2018));
        long before = await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber), found -> found != null)
                .get("cursor").asLong();

        EventTraffic.publish(new PersonUpdated(residents.personId(idNumber), 2018, Liancheng.REGION, null, "文亨村", null, null,
                null, null, "李**"));

        JsonNode renamed = await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber),
                found -> found.get("name").asString().equals("李**"));
        assertThat(renamed.get("cursor").asLong()).isGreaterThan(before);
    }

    @Test
    void theBureauReadsNumbersMaskedAndOtherClientsMayNotRead() {
        String idNumber = IdNumbers.next(Liancheng.REGION);
        EventTraffic.publish(residents.enrolled(idNumber, 2018));
        await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber), found -> found != null);

        HttpResponse<String> bureau = api.get("bureau", "/api/v1/levy-items?region=350825&coverageYear=2018&limit=5000");
        assertThat(bureau.statusCode()).isEqualTo(200);
        assertThat(bureau.body()).doesNotContain(idNumber).contains(PersonIds.maskIdNumber(idNumber));
        for (String client : List.of("viewer", "township-350825100", "civil-affairs")) {
            HttpResponse<String> refused = api.get(client, "/api/v1/levy-items?region=350825&coverageYear=2018");
            assertThat(refused.statusCode()).as(client).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        }
        assertThat(api.get("nobody", "/api/v1/levy-items?region=350825&coverageYear=2018").statusCode()).isEqualTo(401);
    }

    @Test
    void aBadQueryIsRefusedNamingTheParameter() {
        assertRefused("region=350825&coverageYear=2018&limit=5001", "limit");
        assertRefused("region=350825&coverageYear=2018&limit=0", "limit");
        assertRefused("region=350825&coverageYear=2018&after=-1", "after");
        assertRefused("coverageYear=2018", "region");
        assertRefused("region=350825&coverageYear=year", "coverageYear");
        assertThat(api.get("tax-bureau", "/api/v1/levy-items?region=350825&coverageYear=2018&limit=5000").statusCode()).isEqualTo(200);
    }

    /** Enrolled on 9 October and assessed a second later, as listed to be levied. */
    private void enrolledInOctober(PersonEnrolled enrolment, String idNumber, AssistanceCategory category) {
        Instant october = Instant.parse("2017-10-09T01:00:00Z");
        EventTraffic.publishAt(october, enrolment);
        EventTraffic.publishAt(october.plusSeconds(1), residents.assessed(idNumber, 2018, category));
        await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber), item -> item != null && item.get("status").asString().equals("UNPAID"));
    }

    /** Registered on 5 March as a late enrolee owing the individual and the fiscal part (2025's rule, 1,070.00 here). */
    private void registeredAgainInMarchOwing1070(String idNumber) {
        Instant march = Instant.parse("2018-03-05T01:00:00Z");
        UUID registration = EventTraffic.publishAt(march, residents.enrolledLateWaitingFromPayment(idNumber, 2018, 90, LocalDate.of(2018, 3, 5)));
        BigDecimal late = new BigDecimal("1070.00");
        UUID assessment = EventTraffic.publishAt(march.plusSeconds(1), new ContributionAssessed(residents.personId(idNumber), 2018,
                Liancheng.REGION, late, BigDecimal.ZERO, late, null, AssessmentReason.ENROLLED));
        await().atMost(PATIENCE).until(() -> applied(registration) && applied(assessment));
    }

    private void assertRefused(String query, String field) {
        HttpResponse<String> response = api.get("tax-bureau", "/api/v1/levy-items?" + query);
        assertThat(response.statusCode()).as(query).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(TaxApi.json(response).get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private JsonNode page(long after, int limit) {
        return api.levyItems("region=350825&coverageYear=" + PAGING_YEAR + "&after=" + after + "&limit=" + limit);
    }

    private static List<String> statuses(JsonNode items) {
        List<String> statuses = new ArrayList<>();
        items.forEach(item -> statuses.add(item.get("status").asString()));
        return statuses;
    }

    private static List<String> numbers(JsonNode items) {
        List<String> numbers = new ArrayList<>();
        items.forEach(item -> numbers.add(item.get("idNumber").asString()));
        return numbers;
    }
}
