package cn.medicare.campaign.tax;

import static cn.medicare.campaign.tax.TaxBureauBodies.refund;
import static cn.medicare.campaign.tax.TaxBureauBodies.refundNo;
import static cn.medicare.campaign.tax.TaxBureauBodies.refunds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.fixtures.IdNumbers;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.LockedTable;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class RefundsIntegrationTests extends TaxIntegrationTestBase {

    private Instant nextReassessment = Instant.parse("2017-10-20T02:00:00Z");

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Test
    void aRefundIsStoredPublishedWithoutTheNumberAndTakenOffThePaidTotal() {
        String idNumber = enrolledAndAssessed(null);
        String voucherNo = paid(idNumber, "180.00");
        long paidCursor = api.levyItem(2018, idNumber).get("cursor").asLong();
        String refundNo = refundNo();

        HttpResponse<String> response = api.refund(refunds(refund(refundNo, voucherNo, "50.00")));

        assertAcceptedOne(response);
        Map<String, Object> published = publishedWith("refundNo", refundNo);
        assertThat(published.get("type")).isEqualTo("PaymentRefunded");
        assertThat(published.get("aggregatetype")).isEqualTo("insurance.payments.v1");
        assertThat(published.get("aggregateid")).isEqualTo(residents.personId(idNumber));
        assertThat((String) published.get("payload"))
                .contains("\"personId\":\"" + residents.personId(idNumber) + "\"", "\"coverageYear\":2018", "\"region\":\"350825\"",
                        "\"voucherNo\":\"" + voucherNo + "\"", "\"amount\":\"50.00\"", "\"refundedAt\":\"2017-11-02T03:00:00Z\"",
                        "\"reason\":\"重复缴费退费\"")
                .doesNotContain(idNumber);
        JsonNode item = api.levyItem(2018, idNumber);
        assertThat(item.get("status").asString()).isEqualTo("PARTIALLY_PAID");
        assertThat(item.get("cursor").asLong()).isGreaterThan(paidCursor);
        assertThat(paidTotal(idNumber)).isEqualTo("130.00");
    }

    /**
     * The assistance fund paid the 低保 part (140) and the person their 40; the assistance then ended and the fund took its
     * money back. The person settled, so they owe nothing new (it used to ask them for 140).
     */
    @Test
    void theFundTakingItsMoneyBackPutsNoNewDebtOnAPersonWhoSettled() {
        String idNumber = enrolledAndAssessed(AssistanceCategory.MINIMUM_LIVING);
        String fundVoucher = Vouchers.next();
        assertAcceptedOne(api.confirm(TaxBureauBodies.confirmations(TaxBureauBodies.confirmationBy(fundVoucher, idNumber, "140.00",
                "ASSISTANCE_FUND"))));
        paid(idNumber, "40.00");
        reassessed(idNumber, null);

        assertAcceptedOne(api.refund(refunds(refund(refundNo(), fundVoucher, "140.00"))));

        JsonNode item = api.levyItem(2018, idNumber);
        assertThat(item.get("status").asString()).isEqualTo("PAID");
        assertThat(item.get("payableAmount").asString()).isEqualTo("40.00");
    }

    /**
     * The assistance fund paid 180 for someone it does not assist (a mistake) and took it back: what it paid settled them only
     * while it kept it, so they owe their 180 again (the settlement at 0 used to stay as the cap, and the tax bureau was
     * asked for nothing). Likewise the 20 the fund paid beyond a 低保 person's 140, taken back after they paid their 20.
     */
    @Test
    void theFundsMoneyTakenBackUndoesTheSettlementItMade() {
        String unassisted = enrolledAndAssessed(null);
        String mistake = Vouchers.next();
        assertAcceptedOne(api.confirm(TaxBureauBodies.confirmations(TaxBureauBodies.confirmationBy(mistake, unassisted, "180.00",
                "ASSISTANCE_FUND"))));
        assertThat(api.levyItem(2018, unassisted).get("status").asString()).isEqualTo("PAID");

        assertAcceptedOne(api.refund(refunds(refund(refundNo(), mistake, "180.00"))));

        JsonNode item = api.levyItem(2018, unassisted);
        assertThat(item.get("status").asString()).isEqualTo("UNPAID");
        assertThat(item.get("payableAmount").asString()).isEqualTo("180.00");

        String assisted = enrolledAndAssessed(AssistanceCategory.MINIMUM_LIVING);
        String beyond = Vouchers.next();
        assertAcceptedOne(api.confirm(TaxBureauBodies.confirmations(TaxBureauBodies.confirmationBy(beyond, assisted, "160.00",
                "ASSISTANCE_FUND"))));
        paid(assisted, "20.00");
        assertThat(api.levyItem(2018, assisted).get("status").asString()).isEqualTo("PAID");

        assertAcceptedOne(api.refund(refunds(refund(refundNo(), beyond, "20.00"))));

        assertThat(api.levyItem(2018, assisted).get("status").asString()).isEqualTo("PARTIALLY_PAID");
    }

    /** DOMAIN.md: a refund below the payable un-counts the person; no new debt once settled: they owe back the 10 only, not 150. */
    @Test
    void aRefundBelowTheSettledPayableUncountsThePersonWhoOwesOnlyWhatWasRefunded() {
        String idNumber = enrolledAndAssessed(AssistanceCategory.MINIMUM_LIVING);
        String voucherNo = paid(idNumber, "40.00");
        // the 低保 assistance ends after the person settled: still nothing more to pay
        reassessed(idNumber, null);
        assertThat(api.levyItem(2018, idNumber).get("payableAmount").asString()).isEqualTo("40.00");

        TaxApi.json(api.refund(refunds(refund(refundNo(), voucherNo, "10.00"))));

        JsonNode item = api.levyItem(2018, idNumber);
        assertThat(item.get("status").asString()).isEqualTo("PARTIALLY_PAID");
        assertThat(item.get("payableAmount").asString()).as("still held to what was settled").isEqualTo("40.00");
        assertThat(paidTotal(idNumber)).isEqualTo("30.00");
    }

    /**
     * 先缴后返: the person paid 180 and settled, was certified 低保 (payable 40) on 20 October and refunded the 140 on 2
     * November; the assistance ended on 10 November. Settled, they owe nothing new: held to the 40 they were refunded down
     * to, not chased for 140 again. (Settlement goes by these days: a refund of the 140 after the assistance ended would
     * leave them owing it.)
     */
    @Test
    void assistanceEndingAfterTheAssistedPartWasRefundedPutsNoNewDebtOnThePerson() {
        String idNumber = enrolledAndAssessed(null);
        String voucherNo = paid(idNumber, "180.00");
        reassessed(idNumber, AssistanceCategory.MINIMUM_LIVING, Instant.parse("2017-10-20T02:00:00Z"));
        assertAcceptedOne(api.refund(refunds(refund(refundNo(), voucherNo, "140.00"))));

        reassessed(idNumber, null, Instant.parse("2017-11-10T02:00:00Z"));

        JsonNode item = api.levyItem(2018, idNumber);
        assertThat(item.get("status").asString()).isEqualTo("PAID");
        assertThat(item.get("payableAmount").asString()).isEqualTo("40.00");
    }

    /**
     * While 低保 (from 20 October), the person paid 180 a second time by mistake (25 October) and the tax bureau refunded that
     * duplicate (2 November): the net is still what they settled, so the assistance ending later (10 November) holds them
     * to 180 again, owing nothing back.
     */
    @Test
    void aDuplicateRefundedWhileAssistedLeavesTheSettlementAsItWas() {
        String idNumber = enrolledAndAssessed(null);
        paid(idNumber, "180.00");
        reassessed(idNumber, AssistanceCategory.MINIMUM_LIVING, Instant.parse("2017-10-20T02:00:00Z"));
        String duplicate = Vouchers.next();
        assertAcceptedOne(api.confirm(TaxBureauBodies.confirmations(TaxBureauBodies.confirmation(duplicate, idNumber, "180.00",
                "2017-10-25T02:00:00Z"))));
        assertAcceptedOne(api.refund(refunds(refund(refundNo(), duplicate, "180.00"))));

        reassessed(idNumber, null, Instant.parse("2017-11-10T02:00:00Z"));

        JsonNode item = api.levyItem(2018, idNumber);
        assertThat(item.get("status").asString()).isEqualTo("PAID");
        assertThat(item.get("payableAmount").asString()).isEqualTo("180.00");
    }

    @Test
    void aRefundThatLeavesTheNetAtThePayableKeepsTheSettlement() {
        String idNumber = enrolledAndAssessed(AssistanceCategory.MINIMUM_LIVING);
        paid(idNumber, "40.00");
        String twice = paid(idNumber, "40.00");
        reassessed(idNumber, null);

        TaxApi.json(api.refund(refunds(refund(refundNo(), twice, "40.00"))));

        JsonNode item = api.levyItem(2018, idNumber);
        assertThat(item.get("status").asString()).isEqualTo("PAID");
        assertThat(item.get("payableAmount").asString()).isEqualTo("40.00");
    }

    @Test
    void badRowsAndRefundsBeyondWhatRemainsAreRejectedByIndexAndTheRestIsApplied() {
        String idNumber = enrolledAndAssessed(null);
        String voucherNo = paid(idNumber, "180.00");
        String first = refundNo();

        JsonNode outcome = TaxApi.json(api.refund(refunds(
                refund(first, voucherNo, "100.00"),
                refund(refundNo(), voucherNo, "80.01"),
                refund(refundNo(), Vouchers.next(), "10.00"),
                refund(refundNo(), voucherNo, "1.005"),
                refund(first, voucherNo, "100.00"))));

        assertThat(outcome.get("accepted").asInt()).isEqualTo(1);
        assertThat(outcome.get("duplicates").asInt()).isEqualTo(1);
        assertThat(outcome.get("awaitingVoucher").asInt()).as("the voucher not received yet").isEqualTo(1);
        assertThat(outcome.get("rejected")).extracting(rejection -> rejection.get("index").asInt()).containsExactly(1, 3);
        assertThat(outcome.get("rejected")).extracting(rejection -> rejection.get("errors").get(0).get("field").asString())
                .containsExactly("amount", "amount");
        assertThat(outcome.get("rejected").get(0).get("errors").get(0).get("message").asString()).contains("80.00");
        assertThat(paidTotal(idNumber)).isEqualTo("80.00");

        JsonNode rest = TaxApi.json(api.refund(refunds(refund(refundNo(), voucherNo, "80.00"))));

        assertThat(rest.get("accepted").asInt()).isEqualTo(1);
        assertThat(paidTotal(idNumber)).isEqualTo("0.00");
        assertThat(api.levyItem(2018, idNumber).get("status").asString()).isEqualTo("UNPAID");
        assertThat(jdbc.queryForObject("select count(*) from outbox where type = 'PaymentRefunded' and payload->>'voucherNo' = ?",
                Integer.class, voucherNo)).isEqualTo(2);
    }

    /**
     * The voucher's confirmation was lost on the way and the refund came first: it is kept, not refused (refused, the tax
     * bureau never sent it again, and the person stayed paid), and applied the moment the voucher comes.
     */
    @Test
    void aRefundBeforeItsVoucherIsKeptAndAppliedWhenTheVoucherComes() {
        String idNumber = enrolledAndAssessed(null);
        String voucherNo = Vouchers.next();
        String refundNo = refundNo();

        JsonNode outcome = TaxApi.json(api.refund(refunds(refund(refundNo, voucherNo, "180.00"))));

        assertThat(outcome.get("accepted").asInt()).isZero();
        assertThat(outcome.get("awaitingVoucher").asInt()).isOne();
        assertThat(outcome.get("rejected")).isEmpty();
        assertThat(TaxApi.json(api.refund(refunds(refund(refundNo, voucherNo, "180.00")))).get("duplicates").asInt()).isOne();
        assertThat(awaitingRefund(refundNo).get("voucherNo").asString()).isEqualTo(voucherNo);

        assertAcceptedOne(api.confirm(TaxBureauBodies.confirmations(TaxBureauBodies.confirmation(voucherNo, idNumber, "180.00"))));

        assertThat(paidTotal(idNumber)).isEqualTo("0.00");
        assertThat(api.levyItem(2018, idNumber).get("status").asString()).isEqualTo("UNPAID");
        assertThat(publishedWith("refundNo", refundNo).get("type")).isEqualTo("PaymentRefunded");
        assertThat(awaitingRefund(refundNo)).isNull();
        // in the voucher's own transaction, after it (not by the sweep a second later)
        assertThat(jdbc.queryForList("select type from outbox where payload->>'voucherNo' = ? and xmin::text = (select xmin::text "
                + "from outbox where payload->>'voucherNo' = ? and type = 'PaymentConfirmed')", String.class, voucherNo, voucherNo))
                .containsExactlyInAnyOrder("PaymentConfirmed", "PaymentRefunded");
    }

    /**
     * A refund number with the payer's ID number run into it, kept before its payer was known: refused once the voucher
     * comes, and listed for the bureau with those 18 characters starred (the tax bureau reads its own number).
     */
    @Test
    void aRefundKeptForItsVoucherHoldingThePayersIdNumberIsRefusedAndStarredForTheBureau() {
        String idNumber = enrolledAndAssessed(null);
        String voucherNo = Vouchers.next();
        String refundNo = "TK" + idNumber + "01";
        // and one naming a voucher that holds it: that voucher never comes (a confirmation of it is refused), so it waits
        TaxApi.json(api.refund(refunds(refund(refundNo, voucherNo, "50.00"), refund(refundNo(), "PZ" + idNumber, "10.00"))));

        assertAcceptedOne(api.confirm(TaxBureauBodies.confirmations(TaxBureauBodies.confirmation(voucherNo, idNumber, "180.00"))));

        assertThat(paidTotal(idNumber)).isEqualTo("180.00");
        assertThat(awaitingRefund(refundNo).get("refused").asString()).contains("身份证号码");
        String forTheBureau = TaxApi.json(api.get("bureau", "/api/v1/refunds/awaiting-voucher")).toString();
        assertThat(forTheBureau).doesNotContain(idNumber).contains("TK" + "*".repeat(18) + "01", "PZ" + "*".repeat(18));
        // the gauge tells what the table holds, this refusal included
        awaitGaugeTellsTheTable("insurance.refunds.awaiting.voucher.refused", "refused is not null");
    }

    /**
     * The voucher came back with the day's reconciliation file, its refund kept before it: applied with it. One kept for more
     * than its voucher is refused when the voucher comes, and stays listed, with why, for the bureau to settle.
     */
    @Test
    void aVoucherRecoveredByTheReconciliationTakesTheRefundsKeptForIt() {
        String idNumber = enrolledAndAssessed(null);
        String voucherNo = Vouchers.next();
        String refundNo = refundNo();
        String beyond = refundNo();
        TaxApi.json(api.refund(refunds(refund(refundNo, voucherNo, "100.00"), refund(beyond, voucherNo, "80.01"))));

        JsonNode report = TaxApi.json(api.reconcileAs("tax-bureau", "2017-12-03",
                "voucherNo,idNumber,coverageYear,amount,channel,paidAt\n" + voucherNo + "," + idNumber + ",2018,180.00,WECHAT,2017-12-03T02:00:00Z\n"));

        assertThat(report.get("recovered").asInt()).isOne();
        assertThat(paidTotal(idNumber)).isEqualTo("80.00");
        assertThat(publishedWith("refundNo", refundNo).get("type")).isEqualTo("PaymentRefunded");
        assertThat(awaitingRefund(refundNo)).isNull();
        JsonNode refused = awaitingRefund(beyond);
        assertThat(refused.get("refused").asString()).contains("80.00");
        assertThat(TaxApi.json(api.get("bureau", "/api/v1/refunds/awaiting-voucher")).toString()).contains(beyond);
        assertThat(api.get("township-350825100", "/api/v1/refunds/awaiting-voucher").statusCode()).isEqualTo(403);

        // sent again with what remains: applied, and listed no more
        assertAcceptedOne(api.refund(refunds(refund(beyond, voucherNo, "80.00"))));
        assertThat(paidTotal(idNumber)).isEqualTo("0.00");
        assertThat(awaitingRefund(beyond)).isNull();
    }

    /**
     * The refund post and the voucher's confirmation came at the same moment, each transaction not seeing the other's
     * uncommitted row: the refund was kept for a voucher that came. It is taken up within the sweep's interval.
     */
    @Test
    void aRefundKeptBesideItsVoucherIsTakenUpOnceTheVoucherIsHere() {
        String idNumber = enrolledAndAssessed(null);
        String voucherNo = paid(idNumber, "180.00");
        String refundNo = refundNo();
        // what the race leaves: the refund kept, its voucher received
        jdbc.update("""
                insert into refund_awaiting_voucher (refund_no, voucher_no, amount, refunded_at, reason, received_at)
                values (?, ?, 60.00, timestamptz '2017-11-02T03:00:00Z', '重复缴费退费', now())""", refundNo, voucherNo);

        await().atMost(PATIENCE).until(() -> paidTotal(idNumber).equals("120.00"));
        assertThat(publishedWith("refundNo", refundNo).get("type")).isEqualTo("PaymentRefunded");
        assertThat(awaitingRefund(refundNo)).isNull();
    }

    /**
     * A refund naming a voucher that never comes, settled by the two bureaus outside this service: the bureau closes it with
     * why. It leaves the list and the gauge, stays as the record of who closed it, and is not applied should the voucher
     * come after all.
     */
    @Test
    void aRefundTheBureauClosesLeavesTheListAndIsNotAppliedWhenItsVoucherComes() {
        String idNumber = enrolledAndAssessed(null);
        String voucherNo = Vouchers.next();
        String refundNo = refundNo();
        TaxApi.json(api.refund(refunds(refund(refundNo, voucherNo, "50.00"))));
        String id = awaitingRefund(refundNo).get("id").asString();
        String close = "/api/v1/refunds/awaiting-voucher/" + id + "/close";
        // counted while waiting, so that the gauge below is seen refreshed after the closing, not equal by being stale
        awaitGaugeTellsTheTable("insurance.refunds.awaiting.voucher", "refused is null");

        HttpResponse<String> noReason = api.postAs("bureau", close, "{\"reason\":\" \"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(TaxApi.json(noReason).get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(api.postAs("tax-bureau", close, "{\"reason\":\"已冲正\"}").statusCode()).isEqualTo(403);
        assertThat(api.postAs("bureau", "/api/v1/refunds/awaiting-voucher/" + UUID.randomUUID() + "/close",
                "{\"reason\":\"已冲正\"}").statusCode()).isEqualTo(404);
        assertThat(awaitingRefund(refundNo)).isNotNull();

        HttpResponse<String> closed = api.postAs("bureau", close, "{\"reason\":\"税务局已冲正，凭证号错录 " + idNumber + "\"}");

        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(TaxApi.json(closed).get("closedBy").asString()).isEqualTo("bureau");
        assertThat(awaitingRefund(refundNo)).isNull();
        JsonNode record = TaxApi.json(api.get("tax-bureau", "/api/v1/refunds/awaiting-voucher?closed=true")).get("refunds");
        assertThat(record.toString()).contains(refundNo, "税务局已冲正").doesNotContain(idNumber);
        HttpResponse<String> again = api.postAs("bureau", close, "{\"reason\":\"再次\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(TaxApi.json(again).get("detail").asString()).contains("bureau");
        awaitGaugeTellsTheTable("insurance.refunds.awaiting.voucher", "refused is null");

        assertAcceptedOne(api.confirm(TaxBureauBodies.confirmations(TaxBureauBodies.confirmation(voucherNo, idNumber, "180.00"))));

        assertThat(paidTotal(idNumber)).isEqualTo("180.00");
        assertThat(jdbc.queryForObject("select count(*) from outbox where payload->>'refundNo' = ?", Integer.class, refundNo)).isZero();
        assertThat(TaxApi.json(api.get("bureau", "/api/v1/refunds/awaiting-voucher?closed=true")).toString()).contains(id);
    }

    /**
     * One refused once its voucher came (more than the voucher) is settled and closed: it leaves the list and the refused
     * gauge, which the alert reads; the tax bureau's sending it again right afterwards is applied, and the record stays.
     */
    @Test
    void aRefusedRefundTheBureauClosesLeavesTheRefusedCountAndItsRecordStays() {
        String idNumber = enrolledAndAssessed(null);
        String voucherNo = Vouchers.next();
        String refundNo = refundNo();
        TaxApi.json(api.refund(refunds(refund(refundNo, voucherNo, "180.01"))));
        assertAcceptedOne(api.confirm(TaxBureauBodies.confirmations(TaxBureauBodies.confirmation(voucherNo, idNumber, "180.00"))));
        JsonNode refused = awaitingRefund(refundNo);
        assertThat(refused.get("refused").asString()).contains("180.00");
        awaitGaugeTellsTheTable("insurance.refunds.awaiting.voucher.refused", "refused is not null");

        assertThat(api.postAs("bureau", "/api/v1/refunds/awaiting-voucher/" + refused.get("id").asString() + "/close",
                "{\"reason\":\"与税务局核对，多退0.01元已追回\"}").statusCode()).isEqualTo(200);

        assertThat(awaitingRefund(refundNo)).isNull();
        awaitGaugeTellsTheTable("insurance.refunds.awaiting.voucher.refused", "refused is not null");
        assertAcceptedOne(api.refund(refunds(refund(refundNo, voucherNo, "180.00"))));
        assertThat(paidTotal(idNumber)).isEqualTo("0.00");
        assertThat(TaxApi.json(api.get("bureau", "/api/v1/refunds/awaiting-voucher?closed=true")).toString())
                .contains(refundNo, "多退0.01元已追回");
    }

    /** The tax bureau corrects a mistyped voucher number by sending the refund again: kept for the right voucher, applied with it. */
    @Test
    void aKeptRefundSentAgainNamingAnotherVoucherWaitsForThatOne() {
        String idNumber = enrolledAndAssessed(null);
        String mistyped = Vouchers.next();
        String right = Vouchers.next();
        String refundNo = refundNo();
        TaxApi.json(api.refund(refunds(refund(refundNo, mistyped, "60.00"))));

        JsonNode corrected = TaxApi.json(api.refund(refunds(refund(refundNo, right, "60.00"))));

        assertThat(corrected.get("awaitingVoucher").asInt()).as(corrected.toString()).isOne();
        assertThat(awaitingRefund(refundNo).get("voucherNo").asString()).isEqualTo(right);
        assertAcceptedOne(api.confirm(TaxBureauBodies.confirmations(TaxBureauBodies.confirmation(right, idNumber, "180.00"))));
        assertThat(paidTotal(idNumber)).isEqualTo("120.00");
        assertThat(awaitingRefund(refundNo)).isNull();
        // applied, sent again naming the mistyped voucher: a duplicate that says otherwise, named, nothing kept or changed
        JsonNode again = TaxApi.json(api.refund(refunds(refund(refundNo, mistyped, "60.00"))));
        assertThat(again.get("duplicates").asInt()).as(again.toString()).isOne();
        assertThat(again.get("conflicts").get(0).get("errors").get(0).get("message").asString()).contains(right);
        assertThat(awaitingRefund(refundNo)).isNull();
        assertThat(paidTotal(idNumber)).isEqualTo("120.00");
    }

    /** Until the gauge counts the kept refunds not closed that {@code where} picks. */
    private void awaitGaugeTellsTheTable(String gauge, String where) {
        await().atMost(PATIENCE).until(() -> meters.get(gauge).gauge().value() == jdbc.queryForObject(
                "select count(*) from refund_awaiting_voucher where closed_at is null and " + where, Integer.class));
    }

    /** A refund kept for a voucher, as the tax bureau reads them, or null. */
    private JsonNode awaitingRefund(String refundNo) {
        for (JsonNode refund : TaxApi.json(api.get("tax-bureau", "/api/v1/refunds/awaiting-voucher")).get("refunds")) {
            if (refund.get("refundNo").asString().equals(refundNo)) {
                return refund;
            }
        }
        return null;
    }

    /** A refund number with the payer's ID number run into it would travel in plain in PaymentRefunded: refused on the field. */
    @Test
    void aRefundNumberHoldingThePayersIdNumberIsRefused() {
        String idNumber = enrolledAndAssessed(null);
        String voucherNo = paid(idNumber, "180.00");

        JsonNode outcome = TaxApi.json(api.refund(refunds(refund("TK" + idNumber.toLowerCase(Locale.ROOT) + "01", voucherNo, "50.00"))));

        assertThat(outcome.get("accepted").asInt()).isZero();
        assertThat(outcome.get("rejected").get(0).get("errors").get(0).get("field").asString()).isEqualTo("refundNo");
        assertThat(outcome.toString()).doesNotContain(idNumber);
        assertThat(paidTotal(idNumber)).isEqualTo("180.00");

        // someone else's whole number is refused as the row is read (ConfirmationReader.number), and the rest is applied
        String relative = IdNumbers.next(Liancheng.REGION);
        JsonNode mixed = TaxApi.json(api.refund(refunds(refund(relative, voucherNo, "50.00"), refund(refundNo(), voucherNo, "30.00"))));
        assertThat(mixed.get("accepted").asInt()).isOne();
        assertThat(mixed.get("rejected").get(0).get("index").asInt()).isZero();
        assertThat(mixed.get("rejected").get(0).get("errors").get(0).get("field").asString()).isEqualTo("refundNo");
        assertThat(mixed.toString()).doesNotContain(relative);
        assertThat(paidTotal(idNumber)).isEqualTo("150.00");
    }

    @Test
    void aRefundNumberReceivedBeforeIsADuplicateAndChangesNothing() {
        String idNumber = enrolledAndAssessed(null);
        String voucherNo = paid(idNumber, "180.00");
        String refundNo = refundNo();
        api.refund(refunds(refund(refundNo, voucherNo, "30.00")));
        long cursor = api.levyItem(2018, idNumber).get("cursor").asLong();

        JsonNode again = TaxApi.json(api.refund(refunds(refund(refundNo, voucherNo, "30.00"))));

        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(again.get("duplicates").asInt()).isEqualTo(1);
        assertThat(api.levyItem(2018, idNumber).get("cursor").asLong()).isEqualTo(cursor);
        assertThat(paidTotal(idNumber)).isEqualTo("150.00");
        assertThat(jdbc.queryForObject("select count(*) from outbox where payload->>'refundNo' = ?", Integer.class, refundNo))
                .isEqualTo(1);
        assertThat(again.get("conflicts")).isEmpty();

        // the same number again with another amount (the first post's typo): still nothing changed, and said, not lost
        JsonNode corrected = TaxApi.json(api.refund(refunds(refund(refundNo, voucherNo, "300.00"))));

        assertThat(corrected.get("duplicates").asInt()).isEqualTo(1);
        assertThat(corrected.get("conflicts").get(0).get("index").asInt()).isZero();
        assertThat(corrected.get("conflicts").get(0).get("errors").get(0).get("field").asString()).isEqualTo("amount");
        assertThat(corrected.get("conflicts").get(0).get("errors").get(0).get("message").asString()).contains("退费金额不同");
        assertThat(paidTotal(idNumber)).isEqualTo("150.00");
    }

    /**
     * A refund timed below the microsecond, sent again as it was: the same refund, not a conflict of its time. PostgreSQL
     * kept the time rounded and the comparison truncated it, so a repeat that half a microsecond rounded up differed.
     */
    @Test
    void aRefundTimedBelowTheMicrosecondSentAgainIsADuplicate() {
        String idNumber = enrolledAndAssessed(null);
        String voucherNo = paid(idNumber, "180.00");
        String refundNo = refundNo();
        String refund = refund(refundNo, voucherNo, "30.00", "2017-11-02T03:00:00.0000009Z");
        assertAcceptedOne(api.refund(refunds(refund)));

        JsonNode again = TaxApi.json(api.refund(refunds(refund)));

        assertThat(again.get("duplicates").asInt()).isEqualTo(1);
        assertThat(again.get("conflicts")).isEmpty();
        assertThat((String) publishedWith("refundNo", refundNo).get("payload")).contains("\"refundedAt\":\"2017-11-02T03:00:00Z\"");
    }

    /**
     * A line refused (more than the voucher) and its number corrected in the next line of the same post: the correction is
     * applied. It was a duplicate of the refused line, never applied, and the person stayed paid.
     */
    @Test
    void aRefundNumberRefusedInAPostAndCorrectedInItsNextLineIsApplied() {
        String idNumber = enrolledAndAssessed(null);
        String voucherNo = paid(idNumber, "180.00");
        String refundNo = refundNo();

        JsonNode outcome = TaxApi.json(api.refund(refunds(refund(refundNo, voucherNo, "1800.00"), refund(refundNo, voucherNo, "180.00"))));

        assertThat(outcome.get("accepted").asInt()).isEqualTo(1);
        assertThat(outcome.get("duplicates").asInt()).isZero();
        assertThat(outcome.get("rejected")).extracting(rejection -> rejection.get("index").asInt()).containsExactly(0);
        assertThat(paidTotal(idNumber)).isEqualTo("0.00");
    }

    /**
     * A line kept for a voucher not received (mistyped), repeated, and its number corrected in a later line of the same post,
     * naming the voucher received: the correction is applied and nothing stays kept, as when it comes in a later post.
     * It was a duplicate of the kept line: the person stayed paid and the money was owed back twice.
     */
    @Test
    void aRefundKeptForAMistypedVoucherAndCorrectedInALaterLineOfItsPostIsApplied() {
        String idNumber = enrolledAndAssessed(null);
        String voucherNo = paid(idNumber, "180.00");
        String refundNo = refundNo();

        String mistyped = Vouchers.next();

        JsonNode outcome = TaxApi.json(api.refund(refunds(refund(refundNo, mistyped, "60.00"), refund(refundNo, mistyped, "60.00"),
                refund(refundNo, voucherNo, "60.00"))));

        assertThat(outcome.get("accepted").asInt()).as(outcome.toString()).isEqualTo(1);
        assertThat(outcome.get("duplicates").asInt()).as("the mistyped line, and its repeat").isEqualTo(2);
        assertThat(outcome.get("awaitingVoucher").asInt()).isZero();
        assertThat(paidTotal(idNumber)).isEqualTo("120.00");
        assertThat(awaitingRefund(refundNo)).isNull();
    }

    /**
     * Two posts with one refund number for two payers, the first held inside its transaction (the outbox locked here)
     * until the second waits on its refund row: the second is a duplicate, as one after the other, never a 500.
     */
    @Test
    void twoPostsRacingWithOneRefundNumberForTwoPayersAnswerAsOneAfterTheOther() throws Exception {
        String first = paid(enrolledAndAssessed(null), "180.00");
        String second = paid(enrolledAndAssessed(null), "180.00");
        String refundNo = refundNo();
        List<HttpResponse<String>> answers = LockedTable.firstHeldWhileSecondRuns(dataSource, "outbox",
                () -> api.refund(refunds(refund(refundNo, first, "30.00"))), "insert into outbox%",
                () -> api.refund(refunds(refund(refundNo, second, "30.00"))), "insert into refund%", PATIENCE);

        JsonNode firstOutcome = TaxApi.json(answers.get(0));
        HttpResponse<String> secondAnswer = answers.get(1);
        assertThat(secondAnswer.statusCode()).as(secondAnswer.body()).isEqualTo(200);
        assertThat(firstOutcome.get("accepted").asInt()).isEqualTo(1);
        assertThat(TaxApi.json(secondAnswer).get("duplicates").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from outbox where payload->>'refundNo' = ?", Integer.class, refundNo)).isOne();
    }

    /**
     * Two posts crossing two refund numbers, each number about another payer in the other post: each holds its first
     * number while it waits for the other's, and PostgreSQL ends one of them. That one is undone whole and answered 503
     * with Retry-After (it was a 500); sent again it meets the other's refunds as duplicates.
     */
    @Test
    void twoPostsCrossingTwoRefundNumbersAnswerOneAndAskTheOtherToBeSentAgain() throws Exception {
        List<String> payers = List.of(enrolledAndAssessed(null), enrolledAndAssessed(null), enrolledAndAssessed(null),
                enrolledAndAssessed(null));
        List<String> vouchers = payers.stream().map(idNumber -> paid(idNumber, "180.00")).toList();
        String one = refundNo();
        String two = refundNo();
        String firstPost = refunds(refund(one, vouchers.get(0), "30.00"), refund(two, vouchers.get(1), "30.00"));
        String secondPost = refunds(refund(two, vouchers.get(2), "30.00"), refund(one, vouchers.get(3), "30.00"));

        List<HttpResponse<String>> answers = LockedTable.firstHeldWhileSecondRuns(dataSource, "outbox",
                () -> api.refund(firstPost), "insert into outbox%", () -> api.refund(secondPost), "insert into outbox%", PATIENCE);

        int crossed = answers.get(0).statusCode() == 503 ? 0 : 1;
        HttpResponse<String> refused = answers.get(crossed);
        HttpResponse<String> applied = answers.get(1 - crossed);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(TaxApi.json(refused).get("detail").asString()).contains("was undone; send it again");
        assertThat(TaxApi.json(applied).get("accepted").asInt()).isEqualTo(2);
        List<String> appliedPayers = crossed == 0 ? payers.subList(2, 4) : payers.subList(0, 2);
        List<String> undonePayers = crossed == 0 ? payers.subList(0, 2) : payers.subList(2, 4);
        assertThat(appliedPayers).allSatisfy(idNumber -> assertThat(paidTotal(idNumber)).isEqualTo("150.00"));
        assertThat(undonePayers).allSatisfy(idNumber -> assertThat(paidTotal(idNumber)).isEqualTo("180.00"));

        JsonNode resent = TaxApi.json(api.refund(crossed == 0 ? firstPost : secondPost));

        assertThat(resent.get("accepted").asInt()).isZero();
        assertThat(resent.get("duplicates").asInt()).isEqualTo(2);
        assertThat(undonePayers).allSatisfy(idNumber -> assertThat(paidTotal(idNumber)).isEqualTo("180.00"));
        assertThat(jdbc.queryForObject("select count(*) from outbox where payload->>'refundNo' in (?, ?)", Integer.class, one, two))
                .isEqualTo(2);
    }

    @Test
    void onlyTheTaxBureauWithAValidSignatureMayPostRefunds() {
        String idNumber = enrolledAndAssessed(null);
        String voucherNo = paid(idNumber, "180.00");
        String refundNo = refundNo();
        String body = refunds(refund(refundNo, voucherNo, "180.00"));

        for (String client : List.of("bureau", "viewer")) {
            assertThat(api.postSigned(client, "/api/v1/refunds", body).statusCode()).as(client).isEqualTo(403);
        }
        HttpResponse<String> unsigned = api.send(api.requestAs("tax-bureau", "/api/v1/refunds").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(TaxApi.json(unsigned).get("detail").asString()).contains("X-Timestamp");
        HttpResponse<String> noList = api.refund("{\"refund\":[]}");
        assertThat(noList.statusCode()).isEqualTo(400);
        assertThat(TaxApi.json(noList).get("errors").get(0).get("field").asString()).isEqualTo("refunds");
        assertThat(jdbc.queryForObject("select count(*) from refund where refund_no = ?", Integer.class, refundNo)).isZero();
        assertThat(paidTotal(idNumber)).isEqualTo("180.00");
    }


    /**
     * A new assessment of the person-year (null: no assistance), waited for until the levy item shows it: after the payments
     * of 9 October and before the refunds of 2 November, on 20 October, then a day later each time.
     */
    private void reassessed(String idNumber, AssistanceCategory category) {
        reassessed(idNumber, category, nextReassessment);
        nextReassessment = nextReassessment.plusSeconds(86_400);
    }

    private void reassessed(String idNumber, AssistanceCategory category, Instant at) {
        long before = api.levyItem(2018, idNumber).get("cursor").asLong();
        EventTraffic.publishAt(at, residents.assessed(idNumber, 2018, category));
        await().atMost(PATIENCE).until(() -> api.levyItem(2018, idNumber).get("cursor").asLong() > before);
    }
}
