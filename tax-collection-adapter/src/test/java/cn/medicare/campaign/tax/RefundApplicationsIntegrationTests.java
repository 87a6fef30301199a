package cn.medicare.campaign.tax;

import static cn.medicare.campaign.tax.TaxBureauBodies.confirmation;
import static cn.medicare.campaign.tax.TaxBureauBodies.confirmations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.fixtures.IdNumbers;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.kit.BusinessTime;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * 退费申请 (API.md additions, DOMAIN.md "Refunds: only before coverage starts, on application, with a
 * reason"): approved before the person's coverage starts and then owed back (RefundDue), refused
 * after it with the reason in Chinese.
 */
class RefundApplicationsIntegrationTests extends TaxIntegrationTestBase {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aDuplicatePaymentAppliedForBeforeCoverageStartsIsApprovedAndOwedBack() {
        // next year's coverage has not started yet, whatever day the test runs
        int nextYear = BusinessTime.today(Clock.systemUTC()).getYear() + 1;
        String idNumber = enrolledAndAssessedIn(nextYear);
        String paidAt = anHourAgo();
        for (int payment = 0; payment < 2; payment++) {
            paid180In(nextYear, idNumber, paidAt);
        }
        int before = announced(idNumber).size();

        HttpResponse<String> applied = api.postAs("bureau", "/api/v1/refund-applications",
                "{\"idNumber\":\"" + idNumber + "\",\"coverageYear\":" + nextYear + ",\"reason\":\"DUPLICATE_PAYMENT\"}");

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        HttpResponse<String> unknownYear = api.postAs("bureau", "/api/v1/refund-applications",
                "{\"idNumber\":\"" + idNumber + "\",\"coverageYear\":" + (nextYear + 1) + ",\"reason\":\"DUPLICATE_PAYMENT\"}");
        assertThat(unknownYear.statusCode()).as(unknownYear.body()).isEqualTo(404);
        assertThat(TaxApi.json(unknownYear).get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
        assertThat(unknownYear.body()).doesNotContain(idNumber);
        JsonNode decision = TaxApi.json(applied);
        assertThat(decision.get("decision").asString()).isEqualTo("APPROVED");
        assertThat(decision.get("amount").asString()).isEqualTo("180.00");
        assertThat(decision.get("explanation").asString()).contains("重复缴费", "180.00");
        assertThat(applied.body()).doesNotContain(idNumber);
        assertThat(announced(idNumber)).hasSize(before + 1);
        assertThat(announced(idNumber).get(before)).contains("\"amount\":\"180.00\"", "\"reason\":\"DUPLICATE_PAYMENT\"");

        // then the resident joins employee insurance: all 360.00 is owed; the duplicate applied for again lowers nothing
        for (String reason : List.of("JOINED_EMPLOYEE_INSURANCE", "DUPLICATE_PAYMENT")) {
            assertThat(TaxApi.json(api.postAs("bureau", "/api/v1/refund-applications",
                    "{\"idNumber\":\"" + idNumber + "\",\"coverageYear\":" + nextYear + ",\"reason\":\"" + reason + "\"}"))
                    .get("decision").asString()).isEqualTo("APPROVED");
        }
        assertThat(jdbc.queryForObject("select refund_due::text || ' ' || refund_due_reason from levy_item where person_id = ? and coverage_year = ?",
                String.class, residents.personId(idNumber), nextYear)).isEqualTo("360.00 WITHDRAWN_BEFORE_COVERAGE");
    }

    /** An approved refund that ends the enrolment leaves the person owing the payable until the roster withdraws them: the clerk is told. */
    @Test
    void anApprovedRefundForEmployeeInsuranceTellsTheClerkToWithdrawTheEnrolmentUntilTheRosterHas() {
        int nextYear = BusinessTime.today(Clock.systemUTC()).getYear() + 1;
        String enrolled = enrolledAndAssessedIn(nextYear);
        String withdrawn = enrolledAndAssessedIn(nextYear);
        for (String idNumber : List.of(enrolled, withdrawn)) {
            paid180In(nextYear, idNumber, anHourAgo());
        }
        EventTraffic.publish(new PersonWithdrawn(residents.personId(withdrawn), nextYear, Liancheng.REGION, WithdrawalReason.EMPLOYEE_INSURANCE,
                LocalDate.of(nextYear - 1, 12, 1)));
        await().atMost(PATIENCE).until(() -> api.levyItem(nextYear, withdrawn), item -> item.get("status").asString().equals("WITHDRAWN"));

        for (String idNumber : List.of(enrolled, withdrawn)) {
            JsonNode decision = TaxApi.json(api.postAs("bureau", "/api/v1/refund-applications",
                    "{\"idNumber\":\"" + idNumber + "\",\"coverageYear\":" + nextYear + ",\"reason\":\"JOINED_EMPLOYEE_INSURANCE\"}"));
            assertThat(decision.get("decision").asString()).isEqualTo("APPROVED");
            if (idNumber.equals(enrolled)) {
                assertThat(decision.get("explanation").asString()).contains("请同时办理终止参保（EMPLOYEE_INSURANCE）");
            } else {
                assertThat(decision.get("explanation").asString()).doesNotContain("请同时办理终止参保");
            }
        }
    }

    /**
     * Approved for employee insurance while still enrolled, the person pays again; only the roster's withdrawal, which
     * comes later, makes everything paid owed back: the withdrawal alone changes what is owed. A duplicate's application
     * approved after it lowers nothing.
     */
    @Test
    void theRostersWithdrawalAfterAnApprovedApplicationOwesBackEverythingPaid() {
        int nextYear = BusinessTime.today(Clock.systemUTC()).getYear() + 1;
        String idNumber = enrolledAndAssessedIn(nextYear);
        String paidAt = anHourAgo();
        paid180In(nextYear, idNumber, paidAt);
        assertThat(TaxApi.json(api.postAs("bureau", "/api/v1/refund-applications",
                "{\"idNumber\":\"" + idNumber + "\",\"coverageYear\":" + nextYear + ",\"reason\":\"JOINED_EMPLOYEE_INSURANCE\"}"))
                .get("decision").asString()).isEqualTo("APPROVED");
        paid180In(nextYear, idNumber, paidAt);
        String owed = "select refund_due::text || ' ' || refund_due_reason from levy_item where person_id = ? and coverage_year = ?";
        assertThat(jdbc.queryForObject(owed, String.class, residents.personId(idNumber), nextYear)).as("enrolled: the second payment alone")
                .isEqualTo("180.00 DUPLICATE_PAYMENT");

        EventTraffic.publish(new PersonWithdrawn(residents.personId(idNumber), nextYear, Liancheng.REGION, WithdrawalReason.EMPLOYEE_INSURANCE,
                LocalDate.of(nextYear - 1, 12, 1)));

        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(owed, String.class, residents.personId(idNumber), nextYear),
                "360.00 WITHDRAWN_BEFORE_COVERAGE"::equals);

        // the clerk, seeing two vouchers, applies for the duplicate too: approved, it takes nothing of the first 180 away
        assertThat(TaxApi.json(api.postAs("bureau", "/api/v1/refund-applications",
                "{\"idNumber\":\"" + idNumber + "\",\"coverageYear\":" + nextYear + ",\"reason\":\"DUPLICATE_PAYMENT\"}"))
                .get("decision").asString()).isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject(owed, String.class, residents.personId(idNumber), nextYear)).isEqualTo("360.00 WITHDRAWN_BEFORE_COVERAGE");
    }

    /**
     * Withdrawn for employee insurance and approved for it, then registered again (the job lost before the year began), or
     * the withdrawal revoked as the clerk's mistake: what the person paid is a contribution again, settling the registration,
     * and no longer owed back. It stayed owed: the tax bureau refunding it would have left a covered person unpaid.
     */
    @Test
    void aRegistrationAfterTheWithdrawalAnApplicationWasGrantedForTakesTheMoneyAsAContributionAgain() {
        int nextYear = BusinessTime.today(Clock.systemUTC()).getYear() + 1;
        String registeredAgain = withdrawnAndGrantedEverythingPaid(nextYear);
        String revoked = withdrawnAndGrantedEverythingPaid(nextYear);

        Instant after = Instant.parse("2017-10-09T03:00:00Z");
        EventTraffic.publishAt(after, residents.enrolledOn(registeredAgain, nextYear, LocalDate.of(nextYear - 1, 12, 20)));
        EventTraffic.publishAt(after, residents.enrolled(revoked, nextYear).revokingAWithdrawal());

        String owed = "select refund_due::text from levy_item where person_id = ? and coverage_year = ?";
        for (String idNumber : List.of(registeredAgain, revoked)) {
            await().atMost(PATIENCE).until(() -> api.levyItem(nextYear, idNumber), item -> item.get("status").asString().equals("PAID"));
            assertThat(jdbc.queryForObject(owed, String.class, residents.personId(idNumber), nextYear)).as(idNumber).isEqualTo("0.00");
        }
    }

    private String withdrawnAndGrantedEverythingPaid(int coverageYear) {
        String idNumber = enrolledAndAssessedIn(coverageYear);
        paid180In(coverageYear, idNumber, anHourAgo());
        EventTraffic.publish(new PersonWithdrawn(residents.personId(idNumber), coverageYear, Liancheng.REGION,
                WithdrawalReason.EMPLOYEE_INSURANCE, LocalDate.of(coverageYear - 1, 12, 1)));
        await().atMost(PATIENCE).until(() -> api.levyItem(coverageYear, idNumber), item -> item.get("status").asString().equals("WITHDRAWN"));
        assertThat(TaxApi.json(api.postAs("bureau", "/api/v1/refund-applications",
                "{\"idNumber\":\"" + idNumber + "\",\"coverageYear\":" + coverageYear + ",\"reason\":\"JOINED_EMPLOYEE_INSURANCE\"}"))
                .get("decision").asString()).isEqualTo("APPROVED");
        assertThat(jdbc.queryForObject("select refund_due::text from levy_item where person_id = ? and coverage_year = ?", String.class,
                residents.personId(idNumber), coverageYear)).isEqualTo("180.00");
        return idNumber;
    }

    /**
     * The clerk records a move dated after next year's coverage starts and applies at once: the withdrawal is still on the
     * topic. The application waits (503, nothing decided): without the withdrawal the day of the application, before
     * coverage, counted, and the money was approved for a move that refunds nothing.
     */
    @Test
    void anApplicationMadeBeforeItsWithdrawalIsConsumedWaitsInsteadOfBeingApproved() {
        int nextYear = BusinessTime.today(Clock.systemUTC()).getYear() + 1;
        String idNumber = enrolledAndAssessedIn(nextYear);
        paid180In(nextYear, idNumber, anHourAgo());
        String application = "{\"idNumber\":\"" + idNumber + "\",\"coverageYear\":" + nextYear + ",\"reason\":\"ENROLLED_ELSEWHERE\"}";
        try {
            listeners.getListenerContainers().forEach(MessageListenerContainer::pause);
            await().atMost(PATIENCE).until(() -> listeners.getListenerContainers().stream().allMatch(MessageListenerContainer::isContainerPaused));
            EventTraffic.publish(new PersonWithdrawn(residents.personId(idNumber), nextYear, Liancheng.REGION, WithdrawalReason.MOVED_AWAY,
                    LocalDate.of(nextYear, 3, 1)));

            HttpResponse<String> early = api.postAs("bureau", "/api/v1/refund-applications", application);

            assertThat(early.statusCode()).as(early.body()).isEqualTo(503);
            assertThat(announced(idNumber)).isEmpty();
        } finally {
            listeners.getListenerContainers().forEach(MessageListenerContainer::resume);
        }
        await().atMost(PATIENCE).until(() -> api.levyItem(nextYear, idNumber), item -> item.get("status").asString().equals("WITHDRAWN"));
        JsonNode decided = TaxApi.json(api.postAs("bureau", "/api/v1/refund-applications", application));
        assertThat(decided.get("decision").asString()).as(decided.toString()).isEqualTo("REFUSED");
        assertThat(announced(idNumber)).isEmpty();
    }

    @Test
    void anApplicationAfterCoverageStartedIsRefusedWithTheReasonAndOwesNothing() {
        String idNumber = enrolledAndAssessed(null);
        paid(idNumber, "180.00");

        HttpResponse<String> applied = api.postAs("bureau", "/api/v1/refund-applications",
                "{\"idNumber\":\"" + idNumber + "\",\"coverageYear\":2018,\"reason\":\"JOINED_EMPLOYEE_INSURANCE\"}");

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        JsonNode decision = TaxApi.json(applied);
        assertThat(decision.get("decision").asString()).isEqualTo("REFUSED");
        assertThat(decision.get("explanation").asString()).contains("待遇享受期已于2018-01-01开始");
        assertThat(announced(idNumber)).isEmpty();
    }

    /**
     * A resident enrolled for 2017 pays for 2018, and the roster never registers them for it (the renewal refused: employee
     * insurance's list names them). Applied for long after 1 January 2018, the money is approved back in full: it covered
     * nothing. Before, the item was read as covered from 1 January and the application refused. The tax bureau's list of
     * refunds due names the payer by their 2017 enrolment's number: the 2018 item holds none.
     */
    @Test
    void moneyFromSomeoneNeverRegisteredForTheYearIsApprovedBackInFullAndNamedToTheTaxBureau() {
        String idNumber = IdNumbers.next(Liancheng.REGION);
        UUID lastYear = EventTraffic.publishAt(Instant.parse("2016-10-09T02:00:00Z"), residents.enrolled(idNumber, 2017));
        await().atMost(PATIENCE).until(() -> applied(lastYear));
        paid(idNumber, "180.00");

        JsonNode decision = TaxApi.json(api.postAs("bureau", "/api/v1/refund-applications",
                "{\"idNumber\":\"" + idNumber + "\",\"coverageYear\":2018,\"reason\":\"JOINED_EMPLOYEE_INSURANCE\"}"));

        assertThat(decision.get("decision").asString()).as(decision.toString()).isEqualTo("APPROVED");
        assertThat(decision.get("amount").asString()).isEqualTo("180.00");
        assertThat(decision.get("explanation").asString()).contains("本年度未参保登记").doesNotContain("请同时办理终止参保");
        assertThat(announced(idNumber)).singleElement().asString().contains("\"amount\":\"180.00\"");
        List<JsonNode> owed = api.refundsDue("tax-bureau", 2018).valueStream()
                .filter(item -> item.get("personId").asString().equals(residents.personId(idNumber))).toList();
        assertThat(owed).singleElement().satisfies(item -> {
            assertThat(item.get("idNumber").asString()).isEqualTo(idNumber);
            assertThat(item.get("amount").asString()).isEqualTo("180.00");
        });
        assertThat(api.get("bureau", "/api/v1/refunds-due?region=350825&coverageYear=2018").body())
                .doesNotContain(idNumber).contains(PersonIds.maskIdNumber(idNumber));
    }

    /** The family applies years after the death: the day the roster ended the enrolment counts, not the day of the application. */
    @Test
    void aDeathBeforeCoverageIsRefundedWheneverTheFamilyAppliesAndAMoveAfterItIsNot() {
        String died = enrolledAndAssessed(null);
        String moved = enrolledAndAssessed(null);
        paid(died, "180.00");
        paid(moved, "180.00");
        EventTraffic.publish(new PersonWithdrawn(residents.personId(died), 2018, Liancheng.REGION, WithdrawalReason.DECEASED,
                LocalDate.of(2017, 12, 20)), residents.withdrawn(moved, 2018));
        for (String idNumber : List.of(died, moved)) {
            await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber), item -> item.get("status").asString().equals("WITHDRAWN"));
        }

        JsonNode refunded = TaxApi.json(api.postAs("bureau", "/api/v1/refund-applications",
                "{\"idNumber\":\"" + died + "\",\"coverageYear\":2018,\"reason\":\"DECEASED_BEFORE_COVERAGE\"}"));
        JsonNode refused = TaxApi.json(api.postAs("bureau", "/api/v1/refund-applications",
                "{\"idNumber\":\"" + moved + "\",\"coverageYear\":2018,\"reason\":\"ENROLLED_ELSEWHERE\"}"));

        assertThat(refunded.get("decision").asString()).isEqualTo("APPROVED");
        assertThat(refunded.get("amount").asString()).isEqualTo("180.00");
        assertThat(announced(died)).singleElement().asString().contains("\"reason\":\"WITHDRAWN_BEFORE_COVERAGE\"");
        assertThat(refused.get("decision").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("explanation").asString()).startsWith("该居民于2018-03-01终止参保");
        assertThat(announced(moved)).isEmpty();

        // a village collector's payment arrives after the approval: the family is owed that too
        paid(died, "180.00");
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select refund_due::text || ' ' || refund_due_reason from levy_item where person_id = ? and coverage_year = 2018",
                String.class, residents.personId(died)), "360.00 WITHDRAWN_BEFORE_COVERAGE"::equals);
    }

    /**
     * A death from the birth (PersonWithdrawn.effectiveFromBirth) is kept as the earliest day there is and judged by the birth
     * the applicant's number gives: a baby born on 3 January died after its coverage started (1 January, as a coverage from
     * the birth is held here), nothing refunded; someone born long before, withdrawn from a day of their birth year (a first
     * list's date at go-live), before it.
     */
    @Test
    void aDeathFromTheBirthIsJudgedByTheBirthOfTheApplicantsNumber() {
        String baby = IdNumbers.of(Liancheng.REGION, LocalDate.of(2018, 1, 3), 487);
        EventTraffic.publish(Liancheng.apiExample(2018), residents.enrolledFromBirth(baby, 2018),
                residents.assessed(baby, 2018, null));
        await().atMost(PATIENCE).until(() -> api.levyItem(2018, baby), item -> item != null && item.get("status").asString().equals("UNPAID"));
        String adult = enrolledAndAssessed(null);
        for (String died : List.of(baby, adult)) {
            paid(died, "180.00");
            EventTraffic.publish(new PersonWithdrawn(residents.personId(died), 2018, Liancheng.REGION, WithdrawalReason.DECEASED, null, true));
            await().atMost(PATIENCE).until(() -> api.levyItem(2018, died), item -> item.get("status").asString().equals("WITHDRAWN"));
        }

        JsonNode babys = TaxApi.json(api.postAs("bureau", "/api/v1/refund-applications",
                "{\"idNumber\":\"" + baby + "\",\"coverageYear\":2018,\"reason\":\"DECEASED_BEFORE_COVERAGE\"}"));
        JsonNode adults = TaxApi.json(api.postAs("bureau", "/api/v1/refund-applications",
                "{\"idNumber\":\"" + adult + "\",\"coverageYear\":2018,\"reason\":\"DECEASED_BEFORE_COVERAGE\"}"));

        assertThat(babys.get("decision").asString()).isEqualTo("REFUSED");
        assertThat(babys.get("explanation").asString()).startsWith("该居民于出生之日或其后数日终止参保").doesNotContain("2018-01-03");
        assertThat(adults.get("decision").asString()).isEqualTo("APPROVED");
        assertThat(adults.get("amount").asString()).isEqualTo("180.00");
        assertThat(jdbc.queryForObject("select withdrawn_on::text from levy_item where person_id = ? and coverage_year = 2018",
                String.class, residents.personId(adult))).isEqualTo("-infinity");
    }

    @Test
    void anApplicationNamesItsBadFieldsAndATownshipAppliesOnlyForItsOwnResidents() {
        HttpResponse<String> bad = api.postAs("bureau", "/api/v1/refund-applications",
                "{\"idNumber\":\"" + IdNumbers.withWrongCheckCharacter(IdNumbers.next(Liancheng.REGION)) + "\",\"coverageYear\":2018,\"reason\":\"BORED\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(TaxApi.json(bad).get("errors").valueStream().map(error -> error.get("field").asString()).toList())
                .containsExactly("idNumber", "reason");
        String idNumber = enrolledAndAssessed(null);
        String body = "{\"idNumber\":\"" + idNumber + "\",\"coverageYear\":2018,\"reason\":\"ENROLLED_ELSEWHERE\"}";
        assertThat(api.postAs("township-350825101", "/api/v1/refund-applications", body).statusCode()).isEqualTo(403);
        assertThat(api.postAs("tax-bureau", "/api/v1/refund-applications", body).statusCode()).isEqualTo(403);
        assertThat(api.postAs("township-" + Liancheng.LIANFENG, "/api/v1/refund-applications", body).statusCode()).isEqualTo(201);
    }

    /** A new resident of Liancheng enrolled and assessed (180.00 to pay) for that year, once the levy list shows them unpaid. */
    private String enrolledAndAssessedIn(int coverageYear) {
        String idNumber = IdNumbers.next(Liancheng.REGION);
        EventTraffic.publish(Liancheng.apiExample(coverageYear), residents.enrolled(idNumber, coverageYear),
                residents.assessed(idNumber, coverageYear, null));
        await().atMost(PATIENCE).until(() -> api.levyItem(coverageYear, idNumber),
                item -> item != null && item.get("status").asString().equals("UNPAID"));
        return idNumber;
    }

    private void paid180In(int coverageYear, String idNumber, String paidAt) {
        assertAcceptedOne(api.confirm(confirmations(confirmation(Vouchers.next(), idNumber, "180.00", paidAt)
                .replace("\"coverageYear\":2018", "\"coverageYear\":" + coverageYear))));
    }

    private static String anHourAgo() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private List<String> announced(String idNumber) {
        return jdbc.queryForList("select payload::text from outbox where type = 'RefundDue' and aggregateid = ? order by created_at, time",
                String.class, residents.personId(idNumber));
    }
}
