package cn.medicare.campaign.tax;

import static cn.medicare.campaign.tax.TaxBureauBodies.confirmation;
import static cn.medicare.campaign.tax.TaxBureauBodies.confirmationBy;
import static cn.medicare.campaign.tax.TaxBureauBodies.confirmations;
import static cn.medicare.campaign.tax.TaxBureauBodies.refund;
import static cn.medicare.campaign.tax.TaxBureauBodies.refundNo;
import static cn.medicare.campaign.tax.TaxBureauBodies.refunds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.events.EligibilityAdjusted;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.fixtures.IdNumbers;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.testing.EventTraffic;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RefundsDueIntegrationTests extends TaxIntegrationTestBase {

    private static final Instant CERTIFIED = Instant.parse("2017-10-20T02:00:00Z");

    @Test
    void assistanceAfterPayingInFullIsOwedBackOnceAndARefundClearsIt() {
        String idNumber = enrolledAndAssessed(null);
        String voucherNo = paid(idNumber, "180.00");
        assertThat(announced(idNumber)).isEmpty();

        // 先缴后返: civil affairs certifies the person for 低保 after the payment, on 20 October
        EventTraffic.publishAt(CERTIFIED, residents.assessed(idNumber, 2018, AssistanceCategory.MINIMUM_LIVING));

        await().atMost(PATIENCE).until(() -> announced(idNumber), payloads -> payloads.size() == 1);
        assertThat(announced(idNumber).get(0)).contains("\"amount\":\"140.00\"", "\"reason\":\"ASSISTANCE_AFTER_PAYMENT\"",
                "\"region\":\"350825\"", "\"coverageYear\":2018").doesNotContain(idNumber);
        JsonNode owedToTax = only(api.refundsDue("tax-bureau", 2018), idNumber, residents.personId(idNumber));
        assertThat(owedToTax.get("idNumber").asString()).isEqualTo(idNumber);
        assertThat(owedToTax.get("amount").asString()).isEqualTo("140.00");
        assertThat(owedToTax.get("reason").asString()).isEqualTo("ASSISTANCE_AFTER_PAYMENT");
        assertThat(owedToTax.get("name").asString()).isEqualTo("张**");
        HttpResponse<String> bureau = api.get("bureau", "/api/v1/refunds-due?region=350825&coverageYear=2018");
        assertThat(bureau.statusCode()).isEqualTo(200);
        assertThat(bureau.body()).doesNotContain(idNumber).contains(PersonIds.maskIdNumber(idNumber));

        // the same assessment again, then a marker on the same partition: once the marker is applied, so is the repeat
        int markers = markersApplied();
        EventTraffic.publishAt(CERTIFIED, residents.assessed(idNumber, 2018, AssistanceCategory.MINIMUM_LIVING));
        EventTraffic.publish(marker(idNumber));
        await().atMost(PATIENCE).until(this::markersApplied, applied -> applied > markers);
        assertThat(announced(idNumber)).hasSize(1);

        api.refund(refunds(refund(refundNo(), voucherNo, "140.00")));

        assertThat(announced(idNumber)).hasSize(2);
        assertThat(announced(idNumber).get(1)).contains("\"amount\":\"0.00\"", "\"reason\":\"ASSISTANCE_AFTER_PAYMENT\"");
        assertThat(api.refundsDue("tax-bureau", 2018)).noneMatch(item -> item.get("idNumber").asString().equals(idNumber));
        assertThat(api.levyItem(2018, idNumber).get("status").asString()).isEqualTo("PAID");
    }

    /**
     * 先缴后返 refunded after the assistance ended: certified 低保 on 20 October after paying 180, the 140 owed back; the
     * assistance ends on 25 October (nothing owed back any more), and the tax bureau, acting on the first notice, refunds
     * the 140 on 2 November. The person stays paid, held to the 40 they owed while assisted (they were asked for 140 again).
     */
    @Test
    void assistanceRefundedAfterItEndedPutsNoDebtOnThePerson() {
        String idNumber = enrolledAndAssessed(null);
        String voucherNo = paid(idNumber, "180.00");
        EventTraffic.publishAt(CERTIFIED, residents.assessed(idNumber, 2018, AssistanceCategory.MINIMUM_LIVING));
        await().atMost(PATIENCE).until(() -> announced(idNumber), payloads -> payloads.size() == 1);
        EventTraffic.publishAt(Instant.parse("2017-10-25T02:00:00Z"), residents.assessed(idNumber, 2018, null));
        await().atMost(PATIENCE).until(() -> announced(idNumber), payloads -> payloads.size() == 2);
        assertThat(announced(idNumber).get(1)).contains("\"amount\":\"0.00\"");

        assertAcceptedOne(api.refund(refunds(refund(refundNo(), voucherNo, "140.00"))));

        JsonNode item = api.levyItem(2018, idNumber);
        assertThat(item.get("status").asString()).isEqualTo("PAID");
        assertThat(item.get("payableAmount").asString()).isEqualTo("40.00");
        assertThat(announced(idNumber)).hasSize(2);
    }

    /**
     * A pupil assessed at a pupils' standard (100.00 here) paid it, and the clerk corrected the category to the general
     * standard (180.00) on 20 October: only a change of assistance is held off once settled (DOMAIN.md), so the tax bureau is
     * asked for the 80.00 and the person counts as paid once they pay it. Corrected back to the pupils' standard on 25
     * October, the 80.00 is owed back. (The settled 100.00 used to stay the cap: the 80.00 was never asked for.)
     */
    @Test
    void aCategoryCorrectedAfterPayingOwesTheStandardsRiseAndGetsItsFallBack() {
        String idNumber = IdNumbers.next(Liancheng.REGION);
        EventTraffic.publish(residents.enrolled(idNumber, 2018), residents.assessedFrom(idNumber, 2018, "100.00"));
        await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber), item -> item != null && item.get("status").asString().equals("UNPAID"));
        paid(idNumber, "100.00");
        assertThat(api.levyItem(2018, idNumber).get("status").asString()).isEqualTo("PAID");

        EventTraffic.publishAt(CERTIFIED, residents.assessed(idNumber, 2018, null));

        await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber).get("payableAmount").asString(), "180.00"::equals);
        assertThat(api.levyItem(2018, idNumber).get("status").asString()).isEqualTo("PARTIALLY_PAID");
        assertThat(announced(idNumber)).isEmpty();
        paid(idNumber, "80.00");
        assertThat(api.levyItem(2018, idNumber).get("status").asString()).isEqualTo("PAID");

        EventTraffic.publishAt(Instant.parse("2017-10-25T02:00:00Z"), residents.assessedFrom(idNumber, 2018, "100.00"));

        await().atMost(PATIENCE).until(() -> announced(idNumber), payloads -> payloads.size() == 1);
        assertThat(announced(idNumber).get(0)).contains("\"amount\":\"80.00\"");
        assertThat(api.levyItem(2018, idNumber).get("payableAmount").asString()).isEqualTo("100.00");
    }

    @Test
    void aPaymentBeyondThePayableIsOwedBackAndAnUnchangedExcessIsNotAnnouncedAgain() {
        String idNumber = enrolledAndAssessed(null);
        paid(idNumber, "180.00");
        String twice = paid(idNumber, "180.00");

        assertThat(announced(idNumber)).singleElement().satisfies(payload -> assertThat(payload)
                .contains("\"amount\":\"180.00\"", "\"reason\":\"DUPLICATE_PAYMENT\""));

        api.confirm(confirmations(confirmation(twice, idNumber, "180.00")));
        api.refund(refunds(refund(refundNo(), Vouchers.next(), "10.00")));
        assertThat(announced(idNumber)).hasSize(1);

        api.refund(refunds(refund(refundNo(), twice, "100.00")));

        assertThat(announced(idNumber)).hasSize(2);
        assertThat(announced(idNumber).get(1)).contains("\"amount\":\"80.00\"", "\"reason\":\"DUPLICATE_PAYMENT\"");
        assertThat(only(api.refundsDue("tax-bureau", 2018), idNumber, residents.personId(idNumber)).get("amount").asString())
                .isEqualTo("80.00");
    }

    /**
     * 2018's coverage started long ago: the second 180 is still listed as owed back, and a clerk's application for it says
     * so rather than refuse it (under the default rule, which refuses the contribution itself after the start). The
     * approval owes nothing twice.
     */
    @Test
    void aDuplicatePaymentAppliedForAfterCoverageStartedIsApprovedAsTheRefundsDueOweIt() {
        String idNumber = enrolledAndAssessed(null);
        paid(idNumber, "180.00");
        paid(idNumber, "180.00");
        assertThat(announced(idNumber)).singleElement().satisfies(payload -> assertThat(payload).contains("\"amount\":\"180.00\""));

        JsonNode duplicate = applyForRefund(idNumber, "DUPLICATE_PAYMENT");
        JsonNode employeeInsurance = applyForRefund(idNumber, "JOINED_EMPLOYEE_INSURANCE");

        assertThat(duplicate.get("decision").asString()).as(duplicate.toString()).isEqualTo("APPROVED");
        assertThat(duplicate.get("amount").asString()).isEqualTo("180.00");
        assertThat(duplicate.get("explanation").asString()).contains("待遇享受期（2018-01-01起）开始后亦予退还", "退还180.00元");
        assertThat(employeeInsurance.get("decision").asString()).isEqualTo("REFUSED");
        // the approval is announced (API.md), as what is owed in all, not as more
        assertThat(announced(idNumber)).hasSize(2).allSatisfy(payload -> assertThat(payload).contains("\"amount\":\"180.00\""));
        assertThat(only(api.refundsDue("tax-bureau", 2018), idNumber, residents.personId(idNumber)).get("amount").asString())
                .isEqualTo("180.00");
    }

    private JsonNode applyForRefund(String idNumber, String reason) {
        HttpResponse<String> applied = api.postAs("bureau", "/api/v1/refund-applications",
                "{\"idNumber\":\"" + idNumber + "\",\"coverageYear\":2018,\"reason\":\"" + reason + "\"}");
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        return TaxApi.json(applied);
    }

    /**
     * 先缴后返 after a withdrawal: paid 180, withdrawn (a move), and then certified 低保 for the year by a list that came later
     * (subsidy-service reassesses withdrawn person-years too): the 140 is owed back as it would have been before the
     * withdrawal; the withdrawal itself owes nothing.
     */
    @Test
    void assistanceCertifiedAfterTheWithdrawalIsStillOwedBack() {
        String idNumber = enrolledAndAssessed(null);
        paid(idNumber, "180.00");
        EventTraffic.publish(residents.withdrawn(idNumber, 2018));
        await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber), item -> item.get("status").asString().equals("WITHDRAWN"));
        assertThat(announced(idNumber)).isEmpty();

        EventTraffic.publishAt(CERTIFIED, residents.assessed(idNumber, 2018, AssistanceCategory.MINIMUM_LIVING));

        await().atMost(PATIENCE).until(() -> announced(idNumber), payloads -> payloads.size() == 1);
        assertThat(announced(idNumber).get(0)).contains("\"amount\":\"140.00\"", "\"reason\":\"ASSISTANCE_AFTER_PAYMENT\"");
    }

    /** DOMAIN.md: "A death or a move after coverage started refunds nothing"; API.md: "A withdrawal alone never creates a refund". */
    @Test
    void aWithdrawalAloneIsOwedNothing() {
        String idNumber = enrolledAndAssessed(AssistanceCategory.MINIMUM_LIVING);
        paid(idNumber, "40.00");

        EventTraffic.publish(residents.withdrawn(idNumber, 2018));

        await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber), item -> item.get("status").asString().equals("WITHDRAWN"));
        assertThat(announced(idNumber)).isEmpty();
        assertThat(api.refundsDue("bureau", 2018)).noneMatch(item -> item.get("personId").asString().equals(residents.personId(idNumber)));
    }

    /** A fully assisted person for whom the medical-assistance fund paid owes nothing and is owed nothing (the fund's money is the fund's). */
    @Test
    void theFundsPaymentForAFullyAssistedPersonIsNeitherOwedNorOwedBack() {
        String idNumber = enrolledAndAssessed(AssistanceCategory.EXTREME_POVERTY);
        String voucherNo = Vouchers.next();
        assertAcceptedOne(api.confirm(confirmations(confirmationBy(voucherNo, idNumber, "180.00", "ASSISTANCE_FUND"))));

        await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber), item -> item.get("status").asString().equals("PAID"));
        assertThat(api.levyItem(2018, idNumber).get("payableAmount").asString()).isEqualTo("0.00");
        assertThat(announced(idNumber)).isEmpty();
    }


    @Test
    void onlyTheTaxBureauAndTheBureauReadRefundsDueAndABadQueryNamesTheParameter() {
        for (String client : List.of("viewer", "township-350825100", "civil-affairs")) {
            assertThat(api.get(client, "/api/v1/refunds-due?region=350825&coverageYear=2018").statusCode()).as(client).isEqualTo(403);
        }
        HttpResponse<String> noRegion = api.get("tax-bureau", "/api/v1/refunds-due?coverageYear=2018");
        assertThat(noRegion.statusCode()).isEqualTo(400);
        assertThat(TaxApi.json(noRegion).get("errors").get(0).get("field").asString()).isEqualTo("region");
        HttpResponse<String> badYear = api.get("bureau", "/api/v1/refunds-due?region=350825&coverageYear=18");
        assertThat(badYear.statusCode()).isEqualTo(400);
        assertThat(TaxApi.json(badYear).get("errors").get(0).get("field").asString()).isEqualTo("coverageYear");
    }

    /** The RefundDue payloads published for the person, oldest first. */
    private List<String> announced(String idNumber) {
        return jdbc.queryForList("""
                select payload::text from outbox where type = 'RefundDue' and aggregateid = ? order by created_at, time""",
                String.class, residents.personId(idNumber));
    }

    private static JsonNode only(JsonNode items, String idNumber, String personId) {
        List<JsonNode> matching = new java.util.ArrayList<>();
        items.forEach(item -> {
            if (item.get("personId").asString().equals(personId)) {
                matching.add(item);
            }
        });
        assertThat(matching).singleElement().satisfies(item -> assertThat(item.get("idNumber").asString()).isEqualTo(idNumber));
        return matching.get(0);
    }

    private int markersApplied() {
        return jdbc.queryForObject("select count(*) from inbox where type = 'EligibilityAdjusted'", Integer.class);
    }

    private EligibilityAdjusted marker(String idNumber) {
        return new EligibilityAdjusted(residents.personId(idNumber), 2018, Liancheng.REGION, Agency.CIVIL_AFFAIRS,
                AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD, LocalDate.of(2017, 10, 1), "batch-marker",
                Liancheng.LIANFENG, "莲峰村");
    }

}
