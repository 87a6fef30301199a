package cn.medicare.campaign.tax;

import static cn.medicare.campaign.tax.TaxBureauBodies.confirmations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.fixtures.IdNumbers;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.testing.EventTraffic;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * DOMAIN.md: nothing is rejected because this service has not yet consumed a fact. A payment of
 * someone not on the levy list takes its county from the only campaign of its year; while that
 * campaign is still on the topic, the whole request waits. The consumer is paused to hold it back.
 * First of the module's classes: the year after the latest campaign can only be waited for while it
 * is at most next year, and RefundApplicationsIntegrationTests defines next year's campaign.
 */
@Order(1)
class CampaignNotYetConsumedIntegrationTests extends TaxIntegrationTestBase {

    /** Only this test runs a campaign for this year. */
    private static final int YEAR = 2025;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @AfterEach
    void consumerRuns() {
        listeners.getListenerContainers().forEach(MessageListenerContainer::resume);
    }

    @Test
    void aPaymentPostedBeforeItsYearsCampaignIsConsumedWaitsWholeAndIsAcceptedInFullOnceItIs() {
        String payer = IdNumbers.next(Liancheng.REGION);
        String voucherNo = Vouchers.next();
        String body = confirmations(row(Vouchers.next(), IdNumbers.next(Liancheng.REGION)), row(voucherNo, payer));
        String file = "voucherNo,idNumber,coverageYear,amount,channel,paidAt\n" + voucherNo + "," + payer + "," + YEAR
                + ",180.00,WECHAT,2024-10-09T02:14:00Z\n";
        pauseConsumer();
        EventTraffic.publish(Liancheng.apiExample(YEAR));

        HttpResponse<String> early = api.confirm(body);
        HttpResponse<String> earlyFile = api.reconcileAs("tax-bureau", "2024-10-09", file);

        assertWaits(early);
        assertWaits(earlyFile);
        assertThat(jdbc.queryForObject("select count(*) from payment where coverage_year = ?", Integer.class, YEAR)).isZero();
        assertThat(api.get("tax-bureau", "/api/v1/reconciliations/2024-10-09").statusCode()).isEqualTo(404);

        listeners.getListenerContainers().forEach(MessageListenerContainer::resume);
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("select count(*) from campaign where coverage_year = ?",
                Integer.class, YEAR) == 1);
        HttpResponse<String> again = api.confirm(body);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode outcome = TaxApi.json(again);
        assertThat(outcome.get("accepted").asInt()).isEqualTo(2);
        assertThat(outcome.get("rejected")).isEmpty();
        assertThat(jdbc.queryForObject("select region from payment where voucher_no = ?", String.class, voucherNo))
                .isEqualTo(Liancheng.REGION);
    }

    @Test
    void aPaymentForTheYearAfterTheLatestCampaignWaitsForThatCampaignEvenBeforeItReachesTheTopic() {
        // it may still be in enrollment-service's outbox: the topic alone cannot tell
        int next = jdbc.queryForObject("select coalesce(max(coverage_year), 2017) + 1 from campaign", Integer.class);
        String body = confirmations("""
                {"voucherNo":"%s","idNumber":"%s","coverageYear":%d,"amount":"180.00","channel":"WECHAT","paidAt":"%d-10-09T02:14:00Z"}"""
                .formatted(Vouchers.next(), IdNumbers.next(Liancheng.REGION), next, next - 1).strip());

        assertWaits(api.confirm(body));
    }

    /**
     * A row keyed to the year after the latest campaign's, paid long before any campaign could collect for it, is the tax
     * bureau's mistake: it used to hold the whole post back (503 on every retry) until that campaign was defined.
     */
    @Test
    void aPaymentForAYearNoCampaignCollectsForYetIsTheRowsMistakeAndTheOthersAreKept() {
        int next = jdbc.queryForObject("select coalesce(max(coverage_year), 2017) + 1 from campaign", Integer.class);
        String kept = Vouchers.next();
        String body = confirmations("""
                {"voucherNo":"%s","idNumber":"%s","coverageYear":2018,"amount":"180.00","channel":"WECHAT","paidAt":"2017-10-09T02:14:00Z"}"""
                .formatted(kept, enrolledAndAssessed(null)).strip(), """
                {"voucherNo":"%s","idNumber":"%s","coverageYear":%d,"amount":"180.00","channel":"WECHAT","paidAt":"2017-10-09T02:15:00Z"}"""
                .formatted(Vouchers.next(), IdNumbers.next(Liancheng.REGION), next).strip());

        HttpResponse<String> response = api.confirm(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode outcome = TaxApi.json(response);
        assertThat(outcome.get("accepted").asInt()).isEqualTo(1);
        assertThat(outcome.get("rejected").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(outcome.get("rejected").get(0).get("errors").get(0).get("field").asString()).isEqualTo("coverageYear");
        assertThat(jdbc.queryForObject("select count(*) from payment where voucher_no = ?", Integer.class, kept)).isOne();
    }

    /**
     * The clerk withdraws a resident who died before coverage and applies at once: the withdrawal is still on the topic. The
     * application waits (503, nothing decided) instead of being refused for good for a withdrawal this service has not read.
     */
    @Test
    void aRefundApplicationMadeBeforeItsWithdrawalIsConsumedWaitsInsteadOfBeingRefused() {
        String died = enrolledAndAssessed(null);
        paid(died, "180.00");
        pauseConsumer();
        EventTraffic.publish(new PersonWithdrawn(residents.personId(died), 2018, Liancheng.REGION, WithdrawalReason.DECEASED,
                LocalDate.of(2017, 12, 20)));
        String application = "{\"idNumber\":\"" + died + "\",\"coverageYear\":2018,\"reason\":\"DECEASED_BEFORE_COVERAGE\"}";

        HttpResponse<String> early = api.postAs("bureau", "/api/v1/refund-applications", application);

        assertThat(early.statusCode()).as(early.body()).isEqualTo(503);
        assertThat(early.headers().firstValue("Retry-After")).isPresent();
        assertThat(jdbc.queryForObject("select count(*) from refund_application where person_id = ?", Integer.class,
                residents.personId(died))).isZero();
        listeners.getListenerContainers().forEach(MessageListenerContainer::resume);
        await().atMost(PATIENCE).until(() -> api.levyItem(2018, died), item -> item.get("status").asString().equals("WITHDRAWN"));
        JsonNode decided = TaxApi.json(api.postAs("bureau", "/api/v1/refund-applications", application));
        assertThat(decided.get("decision").asString()).isEqualTo("APPROVED");
        assertThat(decided.get("amount").asString()).isEqualTo("180.00");
    }

    private static void assertWaits(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        JsonNode problem = TaxApi.json(response);
        assertThat(problem.get("detail").asString()).contains("参保方案", "campaign", "send the whole request again");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("coverageYear");
    }

    private void pauseConsumer() {
        listeners.getListenerContainers().forEach(MessageListenerContainer::pause);
        await().atMost(PATIENCE).until(() -> listeners.getListenerContainers().stream().allMatch(MessageListenerContainer::isContainerPaused));
    }

    private static String row(String voucherNo, String idNumber) {
        return """
                {"voucherNo":"%s","idNumber":"%s","coverageYear":%d,"amount":"180.00","channel":"WECHAT","paidAt":"2024-10-09T02:14:00Z"}"""
                .formatted(voucherNo, idNumber, YEAR).strip();
    }
}
