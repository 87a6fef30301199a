package cn.medicare.campaign.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.codes.CoverageFrom;
import cn.medicare.campaign.contracts.codes.EnrolmentChannel;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.Sex;
import cn.medicare.campaign.contracts.codes.SpecialCase;
import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.contracts.identity.Contact;
import cn.medicare.campaign.contracts.identity.IdNumberOpener;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.fixtures.Campaigns;
import cn.medicare.campaign.fixtures.IdNumbers;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.kit.security.LocalSecrets;
import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdjustmentBatchIntegrationTests extends SubsidyIntegrationTestBase {

    private static final String BATCHES = "/api/v1/adjustment-batches";
    private static final String JSON = "application/json";
    private static final String CSV_HEADER = "township,village,idNumber,phone,action,category,effectiveDate\n";

    @Test
    void aListForAMonthStillToComeIsRefused() {
        HttpResponse<String> response = post("civil-affairs", BATCHES + "?month=2017-12", JSON, rows(row(Liancheng.idNumber(498), "ADD", "ORPHAN")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].field")).isEqualTo("month");
    }

    @Test
    void aCivilAffairsListAssistsItsPeopleAndRefusesACategoryItDoesNotCertify() {
        String extremelyPoor = Liancheng.idNumber(411);
        String minimumLiving = Liancheng.idNumber(412);
        String monitored = Liancheng.idNumber(413);
        enrolAndAwaitAssessment(extremelyPoor);
        enrolAndAwaitAssessment(minimumLiving);

        HttpResponse<String> response = post("civil-affairs", BATCHES + "?month=2017-10", JSON, rows(
                row(extremelyPoor, "ADD", "EXTREME_POVERTY"), row(monitored, "ADD", "MONITORED"), row(minimumLiving, "新增", "MINIMUM_LIVING")));

        assertThat(response.statusCode()).isEqualTo(202);
        String batch = response.body();
        String batchId = JsonPath.read(batch, "$.batchId");
        assertThat(JsonPath.<String>read(batch, "$.agency")).isEqualTo("CIVIL_AFFAIRS");
        assertThat(JsonPath.<String>read(batch, "$.month")).isEqualTo("2017-10");
        assertThat(JsonPath.<Boolean>read(batch, "$.onTime")).isTrue();
        assertThat(JsonPath.<Integer>read(batch, "$.accepted")).isEqualTo(2);
        assertThat(JsonPath.<List<Integer>>read(batch, "$.rejected[*].row")).containsExactly(2);
        assertThat(JsonPath.<String>read(batch, "$.rejected[0].errors[0].field")).isEqualTo("category");
        assertThat(JsonPath.<String>read(batch, "$.rejected[0].errors[0].message")).contains("RURAL_REVITALIZATION");

        String adjusted = published("EligibilityAdjusted", Liancheng.personId(extremelyPoor)).get(0);
        assertThat(JsonPath.<Integer>read(adjusted, "$.coverageYear")).isEqualTo(2018);
        assertThat(JsonPath.<String>read(adjusted, "$.region")).isEqualTo(Liancheng.REGION);
        assertThat(JsonPath.<String>read(adjusted, "$.agency")).isEqualTo("CIVIL_AFFAIRS");
        assertThat(JsonPath.<String>read(adjusted, "$.category")).isEqualTo("EXTREME_POVERTY");
        assertThat(JsonPath.<String>read(adjusted, "$.action")).isEqualTo("ADD");
        assertThat(JsonPath.<String>read(adjusted, "$.effectiveDate")).isEqualTo("2017-10-15");
        assertThat(JsonPath.<String>read(adjusted, "$.batchId")).isEqualTo(batchId);
        assertThat(JsonPath.<String>read(adjusted, "$.township")).isEqualTo(Liancheng.LIANFENG);
        assertThat(JsonPath.<String>read(adjusted, "$.village")).isEqualTo(Liancheng.VILLAGE);
        // the list's phone, sealed for the reporting service alone, which opens it for the Friday lists
        assertThat(adjusted).doesNotContain("13800000000");
        assertThat(Contact.open(JsonPath.<String>read(adjusted, "$.contactSealed"), IdNumberOpener.fromBase64(Map.of("local-contacts-2018",
                LocalSecrets.BY_PROPERTY.get("insurance.identity.contact-opening-keys.local-contacts-2018")))).phone())
                .isEqualTo("13800000000");
        assertThat(JsonPath.<String>read(published("EligibilityAdjusted", Liancheng.personId(minimumLiving)).get(0), "$.action"))
                .isEqualTo("ADD");
        assertThat(published("EligibilityAdjusted", Liancheng.personId(monitored))).isEmpty();

        assertAssessed(extremelyPoor, "180.00", "0.00", "EXTREME_POVERTY", "ELIGIBILITY_CHANGED");
        assertAssessed(minimumLiving, "140.00", "40.00", "MINIMUM_LIVING", "ELIGIBILITY_CHANGED");

        String assessment = get("bureau", "/api/v1/assessments/" + Liancheng.personId(minimumLiving) + "?coverageYear=2018").body();
        assertThat(JsonPath.<String>read(assessment, "$.personId")).isEqualTo(Liancheng.personId(minimumLiving));
        assertThat(JsonPath.<Integer>read(assessment, "$.coverageYear")).isEqualTo(2018);
        assertThat(JsonPath.<String>read(assessment, "$.standardAmount")).isEqualTo("180.00");
        assertThat(JsonPath.<String>read(assessment, "$.subsidyAmount")).isEqualTo("140.00");
        assertThat(JsonPath.<String>read(assessment, "$.payableAmount")).isEqualTo("40.00");
        assertThat(JsonPath.<String>read(assessment, "$.assistanceCategory")).isEqualTo("MINIMUM_LIVING");

        HttpResponse<String> stored = get("civil-affairs", BATCHES + "/" + batchId);
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(stored.body(), "$.rows[*].status")).containsExactly("ACCEPTED", "REJECTED", "ACCEPTED");
        assertThat(JsonPath.<String>read(stored.body(), "$.rows[0].idNumberMasked")).isEqualTo(PersonIds.maskIdNumber(extremelyPoor));
        assertThat(stored.body()).doesNotContain(extremelyPoor, monitored, minimumLiving);
        assertThat(get("bureau", BATCHES + "/" + batchId).statusCode()).isEqualTo(200);
        assertThat(get("rural-revitalization", BATCHES + "/" + batchId).statusCode()).isEqualTo(403);
    }

    /**
     * 先缴后返 does not hang on which came first, the agency's list or the withdrawal: a resident assessed 180 (and paid, say) who joined
     * employee insurance is withdrawn, and civil affairs' list certifying them 低保 from 15 October then arrives. The payable
     * falls to 40 as it would have had the list come first (the tax adapter owes the 140 back). Someone withdrawn before the
     * roster ever registered them is still assessed by nobody.
     */
    @Test
    void aListCertifyingSomeoneWithdrawnSinceStillLowersWhatTheyOwe() {
        String withdrawnAfterPaying = Liancheng.idNumber(417);
        String neverRegistered = Liancheng.idNumber(418);
        enrolAndAwaitAssessment(withdrawnAfterPaying);
        publishAndAwaitApplied(new PersonWithdrawn(Liancheng.personId(withdrawnAfterPaying), 2018, Liancheng.REGION,
                WithdrawalReason.EMPLOYEE_INSURANCE, LocalDate.of(2017, 11, 1)));
        publishAndAwaitApplied(new PersonWithdrawn(Liancheng.personId(neverRegistered), 2018, Liancheng.REGION,
                WithdrawalReason.EMPLOYEE_INSURANCE, LocalDate.of(2017, 11, 1)));

        HttpResponse<String> response = post("civil-affairs", BATCHES + "?month=2017-10", JSON, rows(
                row(withdrawnAfterPaying, "ADD", "MINIMUM_LIVING"), row(neverRegistered, "ADD", "MINIMUM_LIVING")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertAssessed(withdrawnAfterPaying, "140.00", "40.00", "MINIMUM_LIVING", "ELIGIBILITY_CHANGED");
        assertThat(published("ContributionAssessed", Liancheng.personId(neverRegistered))).isEmpty();
    }

    @Test
    void aCertificationSentBeforeTheEnrolmentAppliesWhenThePersonEnrols() {
        String notYetEnrolled = Liancheng.idNumber(421);
        String personId = Liancheng.personId(notYetEnrolled);

        HttpResponse<String> response = post("civil-affairs", BATCHES + "?month=2017-10", "text/csv; charset=utf-8",
                CSV_HEADER + Liancheng.LIANFENG + "," + Liancheng.VILLAGE + "," + notYetEnrolled + ",13800000000,新增,MINIMUM_LIVING,2017-10-01\n");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JsonPath.<Integer>read(response.body(), "$.accepted")).isEqualTo(1);
        assertThat(published("EligibilityAdjusted", personId)).hasSize(1);
        assertThat(published("ContributionAssessed", personId)).isEmpty();

        EventTraffic.publish(Liancheng.enrolled(notYetEnrolled, 2018));

        String assessed = awaitPublished("ContributionAssessed", personId, 1).get(0);
        assertThat(JsonPath.<String>read(assessed, "$.payableAmount")).isEqualTo("40.00");
        assertThat(JsonPath.<String>read(assessed, "$.assistanceCategory")).isEqualTo("MINIMUM_LIVING");
        assertThat(JsonPath.<String>read(assessed, "$.reason")).isEqualTo("ENROLLED");
    }

    /**
     * Gaolou's 新认定困难人员 enrol after the period and pay "individual after assistance": their certification counts for
     * the year whatever the cut-off (同缴同补 holds back only the ordinary enrolment's), where the ordinary resident
     * certified on the same day waits for next year's.
     */
    @Test
    void aNewlyAssistedEnrolmentIsAssessedWithTheAssistanceCertifiedAfterTheCutOff() {
        EventTraffic.publish(Liancheng.apiExample(2017));
        String newlyAssisted = Liancheng.idNumber(481);
        String ordinary = Liancheng.idNumber(482);
        HttpResponse<String> response = post("civil-affairs", BATCHES + "?month=2017-03", "text/csv; charset=utf-8", CSV_HEADER
                + Liancheng.LIANFENG + "," + Liancheng.VILLAGE + "," + newlyAssisted + ",13800000000,新增,MINIMUM_LIVING,2017-03-01\n"
                + Liancheng.LIANFENG + "," + Liancheng.VILLAGE + "," + ordinary + ",13800000000,新增,MINIMUM_LIVING,2017-03-01\n");
        assertThat(JsonPath.<Integer>read(response.body(), "$.accepted")).isEqualTo(2);

        PersonEnrolled enrolled = Liancheng.enrolled(newlyAssisted, 2017);
        EventTraffic.publish(new PersonEnrolled(enrolled.personId(), 2017, enrolled.region(), enrolled.idNumberMasked(),
                enrolled.idNumberSealed(), enrolled.nameMasked(), enrolled.birthYear(), enrolled.sex(), enrolled.personCategory(),
                enrolled.township(), enrolled.village(), null, true, false, EnrolmentChannel.TOWNSHIP, null, null, 0,
                LocalDate.of(2017, 3, 20), null, CoverageFrom.DAY_AFTER_PAYMENT, null, "NEWLY_ASSISTED"), Liancheng.enrolled(ordinary, 2017));

        String assisted = awaitPublished("ContributionAssessed", Liancheng.personId(newlyAssisted), 1).get(0);
        assertThat(JsonPath.<String>read(assisted, "$.payableAmount")).isEqualTo("40.00");
        assertThat(JsonPath.<String>read(assisted, "$.assistanceCategory")).isEqualTo("MINIMUM_LIVING");
        String notYet = awaitPublished("ContributionAssessed", Liancheng.personId(ordinary), 1).get(0);
        assertThat(JsonPath.<String>read(notYet, "$.payableAmount")).isEqualTo("180.00");

        // 特困 in October, after the enrolment: from the next year, as anyone's (it lowered the paid payable to 0, a refund)
        HttpResponse<String> october = post("civil-affairs", BATCHES + "?month=2017-10", "text/csv; charset=utf-8", CSV_HEADER
                + Liancheng.LIANFENG + "," + Liancheng.VILLAGE + "," + newlyAssisted + ",13800000000,新增,EXTREME_POVERTY,2017-10-01\n");
        assertThat(JsonPath.<Integer>read(october.body(), "$.accepted")).isOne();
        assertThat(published("ContributionAssessed", Liancheng.personId(newlyAssisted))).as("applied with the list").hasSize(1);
    }

    /**
     * How long after a newly assisted enrolment its certification may take effect is the campaign's: enrolled on 20 March,
     * 低保 from 1 May counts for the year under a version that allows two months (the default, the next month, would hold
     * it back for next year). The version changes no other person's rule, so the class's other tests keep theirs.
     */
    @Test
    void theCampaignSaysHowLongAfterANewlyAssistedEnrolmentItsCertificationMayTakeEffect() {
        publishAndAwaitApplied(Liancheng.apiExample(2017, 2, "180.00", "140.00").withAdditions(null, null,
                List.of(new CampaignDefined.SpecialCaseRule(SpecialCase.NEWLY_ASSISTED, null, null, null, CoverageFrom.DAY_AFTER_PAYMENT,
                        null, null, 2, null)), null, null, null, null, null));
        String newlyAssisted = Liancheng.idNumber(483);
        String personId = Liancheng.personId(newlyAssisted);
        PersonEnrolled enrolled = Liancheng.enrolled(newlyAssisted, 2017);
        EventTraffic.publish(new PersonEnrolled(personId, 2017, enrolled.region(), enrolled.idNumberMasked(),
                enrolled.idNumberSealed(), enrolled.nameMasked(), enrolled.birthYear(), enrolled.sex(), enrolled.personCategory(),
                enrolled.township(), enrolled.village(), null, true, false, EnrolmentChannel.TOWNSHIP, null, null, 0,
                LocalDate.of(2017, 3, 20), null, CoverageFrom.DAY_AFTER_PAYMENT, null, "NEWLY_ASSISTED"));
        assertThat(JsonPath.<String>read(awaitPublished("ContributionAssessed", personId, 1).get(0), "$.payableAmount")).isEqualTo("180.00");

        HttpResponse<String> may = post("civil-affairs", BATCHES + "?month=2017-05", "text/csv; charset=utf-8", CSV_HEADER
                + Liancheng.LIANFENG + "," + Liancheng.VILLAGE + "," + newlyAssisted + ",13800000000,新增,MINIMUM_LIVING,2017-05-01\n");

        assertThat(JsonPath.<Integer>read(may.body(), "$.accepted")).isOne();
        String assisted = published("ContributionAssessed", personId).get(1);
        assertThat(JsonPath.<String>read(assisted, "$.payableAmount")).isEqualTo("40.00");
        assertThat(JsonPath.<String>read(assisted, "$.assistanceCategory")).isEqualTo("MINIMUM_LIVING");
    }

    /**
     * 农转城: civil affairs moves a 低保 family from rural to urban with EXIT 农村低保 and ADD 城镇低保 on one day. The person
     * stays 低保 (the EXIT ends the rural certification only) and pays 40 throughout; an EXIT of 城镇低保 later ends it.
     */
    @Test
    void aTransferFromRuralToUrbanMinimumLivingKeepsThePersonAssisted() {
        String transferred = Liancheng.idNumber(493);
        String personId = Liancheng.personId(transferred);
        String line = Liancheng.LIANFENG + "," + Liancheng.VILLAGE + "," + transferred + ",13800000000,";
        assertThat(post("civil-affairs", BATCHES + "?month=2017-09", "text/csv; charset=utf-8",
                CSV_HEADER + line + "新增,农村低保,2017-09-01\n").statusCode()).isEqualTo(202);
        enrolAndAwaitAssessment(transferred);
        assertThat(JsonPath.<String>read(published("ContributionAssessed", personId).get(0), "$.payableAmount")).isEqualTo("40.00");

        HttpResponse<String> october = post("civil-affairs", BATCHES + "?month=2017-10", "text/csv; charset=utf-8",
                CSV_HEADER + line + "退出,农村低保,2017-10-15\n" + line + "新增,城镇低保,2017-10-15\n");

        assertThat(JsonPath.<Integer>read(october.body(), "$.accepted")).isEqualTo(2);
        assertThat(published("EligibilityAdjusted", personId)).extracting(adjusted -> JsonPath.<String>read(adjusted, "$.action")
                + " " + JsonPath.read(adjusted, "$.category") + " " + JsonPath.read(adjusted, "$.subcategory"))
                .containsExactly("ADD MINIMUM_LIVING RURAL_MINIMUM_LIVING", "EXIT MINIMUM_LIVING RURAL_MINIMUM_LIVING",
                        "ADD MINIMUM_LIVING URBAN_MINIMUM_LIVING");
        String assessment = get("bureau", "/api/v1/assessments/" + personId + "?coverageYear=2018").body();
        assertThat(JsonPath.<String>read(assessment, "$.payableAmount")).isEqualTo("40.00");
        assertThat(JsonPath.<String>read(assessment, "$.assistanceCategory")).isEqualTo("MINIMUM_LIVING");
        assertThat(published("ContributionAssessed", personId)).as("nothing changed to publish").hasSize(1);

        assertThat(post("civil-affairs", BATCHES + "?month=2017-10", "text/csv; charset=utf-8", CSV_HEADER + line + "退出,城镇低保,2017-11-20\n")
                .statusCode()).isEqualTo(202);
        assertThat(JsonPath.<String>read(published("ContributionAssessed", personId).get(1), "$.payableAmount")).isEqualTo("180.00");
    }

    /** 免申即享 where registered: Liancheng's 低保 enrolling in the neighbouring county pays that county's full amount. */
    @Test
    void aCertificationCountsForAnEnrolmentInItsOwnCountyOnly() {
        String neighbour = "350821";
        EventTraffic.publish(Campaigns.inRegion(Liancheng.apiExample(2018), neighbour));
        String stays = Liancheng.idNumber(491);
        String moved = Liancheng.idNumber(492);
        HttpResponse<String> response = post("civil-affairs", BATCHES + "?month=2017-10", "text/csv; charset=utf-8", CSV_HEADER
                + Liancheng.LIANFENG + "," + Liancheng.VILLAGE + "," + stays + ",13800000000,新增,MINIMUM_LIVING,2017-10-01\n"
                + Liancheng.LIANFENG + "," + Liancheng.VILLAGE + "," + moved + ",13800000000,新增,MINIMUM_LIVING,2017-10-01\n");
        assertThat(JsonPath.<Integer>read(response.body(), "$.accepted")).isEqualTo(2);

        PersonEnrolled elsewhere = Liancheng.enrolled(moved, 2018);
        EventTraffic.publish(Liancheng.enrolled(stays, 2018), new PersonEnrolled(elsewhere.personId(), 2018, neighbour,
                elsewhere.idNumberMasked(), elsewhere.idNumberSealed(), elsewhere.nameMasked(), elsewhere.birthYear(), elsewhere.sex(),
                elsewhere.personCategory(), neighbour + "100", elsewhere.village(), null, true, false, EnrolmentChannel.TOWNSHIP,
                LocalDate.of(2018, 1, 1), null, 0, null));

        String home = awaitPublished("ContributionAssessed", Liancheng.personId(stays), 1).get(0);
        assertThat(JsonPath.<String>read(home, "$.payableAmount")).isEqualTo("40.00");
        String away = awaitPublished("ContributionAssessed", Liancheng.personId(moved), 1).get(0);
        assertThat(JsonPath.<String>read(away, "$.payableAmount")).isEqualTo("180.00");
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheFirstResultAndChangesNothing() {
        String idNumber = Liancheng.idNumber(431);
        String first = post("civil-affairs", BATCHES + "?month=2017-10", JSON, rows(row(idNumber, "ADD", "ORPHAN")),
                "Idempotency-Key", "civil-affairs-2017-10-list-1").body();
        int outbox = outboxRows();
        int certifications = certificationRows();

        HttpResponse<String> repeated = post("civil-affairs", BATCHES + "?month=2017-10", JSON,
                rows(row(idNumber, "EXIT", "ORPHAN"), row(Liancheng.idNumber(432), "ADD", "ORPHAN")),
                "Idempotency-Key", "civil-affairs-2017-10-list-1");

        assertThat(repeated.statusCode()).isEqualTo(202);
        assertThat(repeated.body()).isEqualTo(first);
        assertThat(outboxRows()).isEqualTo(outbox);
        assertThat(certificationRows()).isEqualTo(certifications);
        assertThat(JsonPath.<String>read(post("health", BATCHES + "?month=2017-10", JSON,
                rows(row(idNumber, "ADD", "FAMILY_PLANNING_SPECIAL")), "Idempotency-Key", "civil-affairs-2017-10-list-1").body(),
                "$.batchId")).isNotEqualTo(JsonPath.read(first, "$.batchId"));
    }

    @Test
    void badMonthAndUnreadableBodyAreProblems() {
        HttpResponse<String> badMonth = post("civil-affairs", BATCHES + "?month=2017-13", JSON, rows(row(Liancheng.idNumber(441), "ADD", "ORPHAN")));
        assertProblem(badMonth, "month");
        assertProblem(post("civil-affairs", BATCHES, JSON, rows(row(Liancheng.idNumber(441), "ADD", "ORPHAN"))), "month");
        assertProblem(post("civil-affairs", BATCHES + "?month=2017-10", JSON, "{\"rows\": [{"), "body");
        assertProblem(post("civil-affairs", BATCHES + "?month=2017-10", JSON, "{\"rows\": [{\"township\": {\"code\": 1}}]}"),
                "rows[0].township");
        assertProblem(post("civil-affairs", BATCHES + "?month=2017-10", "text/csv", "name,idNumber\n张三,1"), "header");
        assertThat(published("EligibilityAdjusted", Liancheng.personId(Liancheng.idNumber(441)))).isEmpty();
    }

    @Test
    void onlyAgenciesSubmitLists() {
        String body = rows(row(Liancheng.idNumber(451), "ADD", "ORPHAN"));

        assertThat(post(null, BATCHES + "?month=2017-10", JSON, body).statusCode()).isEqualTo(401);
        assertThat(post("township-350825100", BATCHES + "?month=2017-10", JSON, body).statusCode()).isEqualTo(403);
        assertThat(post("viewer", BATCHES + "?month=2017-10", JSON, body).statusCode()).isEqualTo(403);
        assertThat(post("bureau", BATCHES + "?month=2017-10", JSON, body).statusCode()).isEqualTo(403);
        assertThat(published("EligibilityAdjusted", Liancheng.personId(Liancheng.idNumber(451)))).isEmpty();
    }

    @Test
    void theBureauSeesWhoSentTheirListOnTime() {
        post("veterans-affairs", BATCHES + "?month=2017-09", JSON, rows(row(Liancheng.idNumber(461), "ADD", "PRIORITY_VETERAN")));
        String late = JsonPath.read(post("veterans-affairs", BATCHES + "?month=2017-09", JSON,
                rows(row(Liancheng.idNumber(462), "ADD", "PRIORITY_VETERAN"))).body(), "$.batchId");

        HttpResponse<String> response = get("bureau", "/api/v1/submissions?month=2017-09");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(response.body(), "$[*].agency"))
                .containsExactly("CIVIL_AFFAIRS", "RURAL_REVITALIZATION", "DISABLED_FEDERATION", "VETERANS_AFFAIRS", "HEALTH");
        List<Map<String, Object>> veterans = JsonPath.read(response.body(), "$[?(@.agency == 'VETERANS_AFFAIRS')]");
        assertThat(veterans.get(0).get("status")).isEqualTo("LATE");
        assertThat(JsonPath.<List<String>>read(response.body(), "$[?(@.agency == 'VETERANS_AFFAIRS')].batches[*]")).hasSize(2).contains(late);
        assertThat(JsonPath.<List<String>>read(response.body(), "$[?(@.agency == 'HEALTH')].status")).containsExactly("MISSING");
        assertThat(get("civil-affairs", "/api/v1/submissions?month=2017-09").statusCode()).isEqualTo(403);
    }

    /** 零报告: an agency with no change in a month sends its list with no rows, and is not chased as MISSING for it. */
    @Test
    void aListOfNoRowsIsTheMonthsNilReturn() {
        HttpResponse<String> csv = post("health", BATCHES + "?month=2017-06", "text/csv", CSV_HEADER);
        HttpResponse<String> json = post("disabled-federation", BATCHES + "?month=2017-06", JSON, "{\"rows\":[]}");

        for (HttpResponse<String> nil : List.of(csv, json)) {
            assertThat(nil.statusCode()).as(nil.body()).isEqualTo(202);
            assertThat(JsonPath.<Integer>read(nil.body(), "$.accepted")).isZero();
            assertThat(JsonPath.<List<Object>>read(nil.body(), "$.rejected")).isEmpty();
        }
        String submissions = get("bureau", "/api/v1/submissions?month=2017-06").body();
        // received (sent today, long after June's 10th: late), not owed
        assertThat(JsonPath.<List<String>>read(submissions, "$[?(@.agency in ['HEALTH', 'DISABLED_FEDERATION'])].status"))
                .containsExactly("LATE", "LATE");
        assertThat(JsonPath.<List<String>>read(submissions, "$[?(@.agency == 'CIVIL_AFFAIRS')].status")).containsExactly("MISSING");
    }

    @Test
    void aListWhoseEveryRowWasRejectedIsStillOwed() {
        HttpResponse<String> rejected = post("rural-revitalization", BATCHES + "?month=2017-10", JSON,
                rows(row(Liancheng.idNumber(471), "ADD", "ORPHAN")));
        assertThat(JsonPath.<Boolean>read(rejected.body(), "$.onTime")).isTrue();
        assertThat(JsonPath.<Integer>read(rejected.body(), "$.accepted")).isZero();

        String submissions = get("bureau", "/api/v1/submissions?month=2017-10").body();

        assertThat(JsonPath.<List<String>>read(submissions, "$[?(@.agency == 'RURAL_REVITALIZATION')].status")).containsExactly("MISSING");
        assertThat(JsonPath.<List<String>>read(submissions, "$[?(@.agency == 'RURAL_REVITALIZATION')].batches[*]"))
                .containsExactly(JsonPath.<String>read(rejected.body(), "$.batchId"));
    }

    @Test
    void noPublishedEventCarriesAPlainIdNumber() {
        post("disabled-federation", BATCHES + "?month=2017-10", JSON, rows(row(Liancheng.idNumber(471), "ADD", "DISABILITY_MODERATE")));
        enrolAndAwaitAssessment(Liancheng.idNumber(471));

        List<String> payloads = jdbc.queryForList("select payload::text from outbox", String.class);
        assertThat(payloads).isNotEmpty();
        for (int sequence = 400; sequence < 500; sequence++) {
            String idNumber = Liancheng.idNumber(sequence);
            assertThat(payloads).noneMatch(payload -> payload.contains(idNumber));
        }
    }

    /**
     * A newborn of a 低保 family added on the day it was born: the date is the birth date, which next to the region leaves
     * about a thousand candidate numbers, so it travels as the flag alone (EVENTS.md) and the batch shows it as 出生之日
     * beside the masked number; the assistance still applies.
     */
    @Test
    void aRowEffectiveOnTheBirthDateTravelsAsTheFlagAndStillAssists() {
        String newborn = IdNumbers.of(Liancheng.REGION, LocalDate.of(2017, 10, 3), 481);
        String personId = Liancheng.personId(newborn);

        HttpResponse<String> response = post("civil-affairs", BATCHES + "?month=2017-10", "text/csv; charset=utf-8",
                CSV_HEADER + Liancheng.LIANFENG + "," + Liancheng.VILLAGE + "," + newborn + ",13800000000,新增,MINIMUM_LIVING,2017-10-03\n");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String adjusted = published("EligibilityAdjusted", personId).get(0);
        assertThat(JsonPath.<Boolean>read(adjusted, "$.effectiveFromBirth")).isTrue();
        assertThat(adjusted).doesNotContain("effectiveDate", "2017-10-03");
        HttpResponse<String> batch = get("bureau", BATCHES + "/" + JsonPath.read(response.body(), "$.batchId"));
        assertThat(JsonPath.<String>read(batch.body(), "$.rows[0].effectiveDate")).isEqualTo("出生之日或其后数日");
        assertThat(batch.body()).doesNotContain("2017-10-03");
        EventTraffic.publish(Liancheng.enrolled(newborn, 2018));
        assertThat(JsonPath.<String>read(awaitPublished("ContributionAssessed", personId, 1).get(0), "$.assistanceCategory"))
                .isEqualTo("MINIMUM_LIVING");
    }

    /**
     * A row effective a week after a birth early in the period: beside the newborn's enrolment (NEWBORN: born after the
     * period opened on Sept 1; its sex) on the same person id, the date left 11 x 500 = 5,500 numbers. Within 21 days of the
     * earliest birth the records show it travels as the birth's; from then on as the date it is, whatever the birth (decided
     * on the birth itself, the flag would have told it): three days after a birth late in September travels.
     */
    @Test
    void aRowEffectiveWithinDaysOfTheEarliestBirthShownTravelsAsTheBirthsAndALaterOneAsItsDate() {
        String early = IdNumbers.of(Liancheng.REGION, LocalDate.of(2017, 9, 5), 483);
        String alsoEarly = IdNumbers.of(Liancheng.REGION, LocalDate.of(2017, 9, 5), 485);
        String late = IdNumbers.of(Liancheng.REGION, LocalDate.of(2017, 9, 28), 487);

        HttpResponse<String> response = post("civil-affairs", BATCHES + "?month=2017-09", "text/csv; charset=utf-8", CSV_HEADER
                + Liancheng.LIANFENG + "," + Liancheng.VILLAGE + "," + early + ",13800000000,新增,MINIMUM_LIVING,2017-09-12\n"
                + Liancheng.LIANFENG + "," + Liancheng.VILLAGE + "," + alsoEarly + ",13800000000,新增,MINIMUM_LIVING,2017-09-23\n"
                + Liancheng.LIANFENG + "," + Liancheng.VILLAGE + "," + late + ",13800000000,新增,MINIMUM_LIVING,2017-10-01\n");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String nearBirth = published("EligibilityAdjusted", Liancheng.personId(early)).get(0);
        assertThat(JsonPath.<Boolean>read(nearBirth, "$.effectiveFromBirth")).isTrue();
        assertThat(nearBirth).doesNotContain("effectiveDate", "2017-09-12");
        assertThat(JsonPath.<String>read(published("EligibilityAdjusted", Liancheng.personId(alsoEarly)).get(0), "$.effectiveDate"))
                .as("the 21st day after the earliest birth shown").isEqualTo("2017-09-23");
        assertThat(JsonPath.<String>read(published("EligibilityAdjusted", Liancheng.personId(late)).get(0), "$.effectiveDate"))
                .as("days after a birth weeks after the earliest shown").isEqualTo("2017-10-01");
        HttpResponse<String> batch = get("bureau", BATCHES + "/" + JsonPath.read(response.body(), "$.batchId"));
        assertThat(JsonPath.<List<String>>read(batch.body(), "$.rows[*].effectiveDate"))
                .containsExactly("出生之日或其后数日", "2017-09-23", "2017-10-01");
        // infants: the county alone, as enrollment masks them (the check character beside a date of their first weeks)
        assertThat(JsonPath.<List<String>>read(batch.body(), "$.rows[*].idNumberMasked")).allMatch(masked -> masked.endsWith("*"));
    }

    /**
     * A newborn of 10 March 2017 enrolled on 1 June under a NEWBORN case of 90 days (Gaolou's), which says born on or after
     * 3 March: a 低保 row effective 15 March beside that enrolment (county alone, sex, NEWBORN, the day) left 13 x 500 = 6,500
     * numbers. Within 21 days of the bound the enrolment this service holds gives, the row travels as the birth's, as
     * enrollment-service judges its own dates.
     */
    @Test
    void aRowNearTheBirthANewbornEnrolmentBoundsTravelsAsTheBirths() {
        String region = "350896";
        String township = region + "100";
        publishAndAwaitApplied(Campaigns.inRegion(Liancheng.apiExample(2017), region).withAdditions(null, null,
                List.of(new CampaignDefined.SpecialCaseRule(SpecialCase.NEWBORN, 90, null, null, CoverageFrom.EVENT_DATE, null, null,
                        null, null)), null, null, null, null, null));
        publishAndAwaitApplied(new TargetsSet(region, 2017, List.of(new TargetsSet.Target(township, "新生镇", 1_000))));
        LocalDate born = LocalDate.of(2017, 3, 10);
        String newborn = IdNumbers.of(region, born, 489);
        String personId = Liancheng.personId(newborn);
        EventTraffic.publish(new PersonEnrolled(personId, 2017, region, PersonIds.maskIdNumberToCounty(newborn), "sealed-not-used-here",
                "张*", null, Sex.FEMALE, PersonCategory.NEWBORN, township, "新生村", null, true, false, EnrolmentChannel.TOWNSHIP, null,
                true, 0, LocalDate.of(2017, 6, 1), null, null, null, "NEWBORN"));
        awaitPublished("ContributionAssessed", personId, 1);

        HttpResponse<String> response = post("civil-affairs", BATCHES + "?month=2017-07", "text/csv; charset=utf-8", CSV_HEADER
                + township + ",新生村," + newborn + ",13800000000,新增,MINIMUM_LIVING,2017-03-15\n");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(JsonPath.<Integer>read(response.body(), "$.accepted")).isOne();
        String adjusted = published("EligibilityAdjusted", personId).get(0);
        assertThat(JsonPath.<Boolean>read(adjusted, "$.effectiveFromBirth")).isTrue();
        assertThat(adjusted).doesNotContain("effectiveDate", "2017-03-15");
        HttpResponse<String> batch = get("bureau", BATCHES + "/" + JsonPath.read(response.body(), "$.batchId"));
        assertThat(JsonPath.<String>read(batch.body(), "$.rows[0].effectiveDate")).isEqualTo("出生之日或其后数日");
    }

    /**
     * Born on 1 October 2015, after Liancheng's 2016 campaign opened (1 September 2015): a NEWBORN of 2016, whose enrolment
     * shows the county alone, and so does every roll-over after it. A row about the child two years later shows the county
     * alone as well: 6+1 there beside NEWBORN on the enrolment would bound the birth to months with the check character
     * (neither its age nor the 2017 campaign, which opened after the birth, would say so). A child born more than a year
     * before any campaign opened was never an infant on a record, and shows 6+1, as on its enrolment.
     */
    @Test
    void aChildBornAfterACampaignOpenedShowsTheCountyAloneYearsLater() {
        publishAndAwaitApplied(Liancheng.apiExample(2016));
        String newborn = IdNumbers.of(Liancheng.REGION, LocalDate.of(2015, 10, 1), 489);
        String older = IdNumbers.of(Liancheng.REGION, LocalDate.of(2014, 8, 15), 491);

        HttpResponse<String> response = post("civil-affairs", BATCHES + "?month=2017-10", "text/csv; charset=utf-8", CSV_HEADER
                + Liancheng.LIANFENG + "," + Liancheng.VILLAGE + "," + newborn + ",13800000000,新增,MINIMUM_LIVING,2017-10-01\n"
                + Liancheng.LIANFENG + "," + Liancheng.VILLAGE + "," + older + ",13800000000,新增,MINIMUM_LIVING,2017-10-01\n");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        HttpResponse<String> batch = get("bureau", BATCHES + "/" + JsonPath.read(response.body(), "$.batchId"));
        assertThat(JsonPath.<List<String>>read(batch.body(), "$.rows[*].idNumberMasked"))
                .containsExactly("350825" + "*".repeat(12), PersonIds.maskIdNumber(older));
    }

    private void enrolAndAwaitAssessment(String idNumber) {
        PersonEnrolled enrolled = Liancheng.enrolled(idNumber, 2018);
        EventTraffic.publish(enrolled);
        awaitPublished("ContributionAssessed", enrolled.personId(), 1);
    }

    private void assertAssessed(String idNumber, String subsidy, String payable, String category, String reason) {
        List<String> assessments = published("ContributionAssessed", Liancheng.personId(idNumber));
        assertThat(assessments).hasSize(2);
        String latest = assessments.get(1);
        assertThat(JsonPath.<String>read(latest, "$.standardAmount")).isEqualTo("180.00");
        assertThat(JsonPath.<String>read(latest, "$.subsidyAmount")).isEqualTo(subsidy);
        assertThat(JsonPath.<String>read(latest, "$.payableAmount")).isEqualTo(payable);
        assertThat(JsonPath.<String>read(latest, "$.assistanceCategory")).isEqualTo(category);
        assertThat(JsonPath.<String>read(latest, "$.reason")).isEqualTo(reason);
    }

    private static void assertProblem(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"errors\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].field")).contains(field);
    }

    private int outboxRows() {
        return jdbc.queryForObject("select count(*) from outbox", Integer.class);
    }

    /** An ID number typed into the phone column would be printed in full on the Friday lists: not passed on, the certification stands. */
    @Test
    void anIdNumberInThePhoneColumnIsNotPassedOnAndTheCertificationStands() {
        String idNumber = Liancheng.idNumber(486);
        enrolAndAwaitAssessment(idNumber);

        HttpResponse<String> response = post("civil-affairs", BATCHES + "?month=2017-10", JSON,
                rows(row(idNumber, "ADD", "MINIMUM_LIVING").replace("13800000000", idNumber)));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JsonPath.<Integer>read(response.body(), "$.accepted")).isOne();
        String adjusted = published("EligibilityAdjusted", Liancheng.personId(idNumber)).get(0);
        assertThat(adjusted).doesNotContain("contactSealed");
    }

    private int certificationRows() {
        return jdbc.queryForObject("select count(*) from certification", Integer.class);
    }

    private static String rows(String... rows) {
        return "{\"rows\":[" + String.join(",", rows) + "]}";
    }

    private static String row(String idNumber, String action, String category) {
        return String.format("{\"township\":\"%s\",\"village\":\"%s\",\"idNumber\":\"%s\",\"phone\":\"13800000000\","
                + "\"action\":\"%s\",\"category\":\"%s\",\"effectiveDate\":\"2017-10-15\"}",
                Liancheng.LIANFENG, Liancheng.VILLAGE, idNumber, action, category);
    }
}
