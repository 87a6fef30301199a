package cn.medicare.campaign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.fixtures.Campaigns;
import cn.medicare.campaign.fixtures.IdNumbers;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.TestInfrastructure;
import cn.medicare.campaign.kit.BusinessTime;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 9's acceptance through the public APIs of the whole suite: a death refunds nothing, a
 * mistaken withdrawal is revoked and counts again everywhere, and last year's resident who pays for
 * the new year counts in its figures with no clerk call (续保 on payment). Years are this year and the
 * next, so that the next year's coverage has not started whenever the test runs.
 */
@RealInfrastructure
class MoneyBackAndRenewalIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int LAST_YEAR = BusinessTime.today(Clock.systemUTC()).getYear();
    private static final int NEXT_YEAR = LAST_YEAR + 1;
    private static final String TOWNSHIP = Liancheng.LIANFENG;

    private static Suite suite;
    /** The relays' offsets, deleted after the class once the suite is closed. */
    @TempDir
    static Path relays;

    @BeforeAll
    static void startSuite() {
        suite = Suite.start(TestInfrastructure.get(), false, relays, System.out);
        define(LAST_YEAR, Campaigns.json(Liancheng.apiExample(LAST_YEAR)));
        define(NEXT_YEAR, Campaigns.json(Campaigns.renewingOnPayment(Liancheng.apiExample(NEXT_YEAR))));
    }

    @AfterAll
    static void stopSuite() {
        suite.close();
    }

    @Test
    void aDeathOfAPaidResidentRefundsNothing() {
        String resident = IdNumbers.of(Liancheng.REGION, "19500505", 1);
        String personId = enrolAndPay(resident, "VDEATH0001");
        assertThat(bureau(SuiteService.ENROLLMENT).post("/api/v1/enrolments/" + personId + "/withdrawal",
                "{\"coverageYear\":" + LAST_YEAR + ",\"reason\":\"DECEASED\",\"effectiveDate\":\"" + (LAST_YEAR - 1) + "-12-20\"}").statusCode())
                .isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(levyStatus(resident, LAST_YEAR)).isEqualTo("WITHDRAWN"));
        assertThat(ok(bureau(SuiteService.TAX).get("/api/v1/refunds-due?region=350825&coverageYear=" + LAST_YEAR)).get("items")
                .valueStream().map(item -> item.get("personId").asString())).doesNotContain(personId);
    }

    @Test
    void aResidentWithdrawnByMistakeIsRevokedAndCountsAgainInEveryService() {
        int before = enrolled(LAST_YEAR);
        String resident = IdNumbers.of(Liancheng.REGION, "19600606", 2);
        String personId = enrolAndPay(resident, "VREVOKE0001");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(enrolled(LAST_YEAR)).isEqualTo(before + 1));
        bureau(SuiteService.ENROLLMENT).post("/api/v1/enrolments/" + personId + "/withdrawal",
                "{\"coverageYear\":" + LAST_YEAR + ",\"reason\":\"MOVED_AWAY\",\"effectiveDate\":\"" + (LAST_YEAR - 1) + "-12-20\"}");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(levyStatus(resident, LAST_YEAR)).isEqualTo("WITHDRAWN");
            assertThat(enrolled(LAST_YEAR)).isEqualTo(before);
        });

        HttpResponse<String> revoked = bureau(SuiteService.ENROLLMENT).post("/api/v1/enrolments/" + personId + "/withdrawal/revocation",
                "{\"coverageYear\":" + LAST_YEAR + ",\"reason\":\"误报外迁\"}");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(levyStatus(resident, LAST_YEAR)).isEqualTo("PAID");
            assertThat(enrolled(LAST_YEAR)).isEqualTo(before + 1);
            assertThat(ok(bureau(SuiteService.SUBSIDY).get("/api/v1/assessments/" + personId + "?coverageYear=" + LAST_YEAR))
                    .get("payableAmount").asString()).isEqualTo("180.00");
        });
    }

    /** "With renewal: ON_PAYMENT, a payment for last year's resident who was never registered this year counts in this year's figures". */
    @Test
    void lastYearsResidentWhoPaysForTheNewYearIsRegisteredAndCountedWithoutAClerk() {
        String resident = IdNumbers.of(Liancheng.REGION, "19700707", 3);
        String personId = enrolAndPay(resident, "VRENEW0001");

        pay(resident, NEXT_YEAR, "VRENEW0002");

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode renewed = ok(bureau(SuiteService.ENROLLMENT).get("/api/v1/enrolments/" + personId + "?coverageYear=" + NEXT_YEAR));
            assertThat(renewed.get("channel").asString()).isEqualTo("ROLLOVER");
            assertThat(renewed.get("township").asString()).isEqualTo(TOWNSHIP);
            assertThat(enrolled(NEXT_YEAR)).isEqualTo(1);
        });
    }

    private static void define(int year, String campaign) {
        ApiClient bureau = bureau(SuiteService.ENROLLMENT);
        assertThat(bureau.put("/api/v1/campaigns/350825/" + year, campaign).statusCode()).isEqualTo(200);
        assertThat(bureau.put("/api/v1/campaigns/350825/" + year + "/targets", Liancheng.twoTownshipsJson()).statusCode()).isEqualTo(200);
    }

    /** Enrolled for last year and paid in full (180.00, API.md's example campaign); the personId. */
    private static String enrolAndPay(String idNumber, String voucherNo) {
        HttpResponse<String> enrolled = bureau(SuiteService.ENROLLMENT).post("/api/v1/enrolments", Liancheng.enrolment(idNumber, TOWNSHIP)
                .replace("\"coverageYear\":2018", "\"coverageYear\":" + LAST_YEAR)
                .replace("2017-10-09", (LAST_YEAR - 1) + "-10-09"));
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(levyStatus(idNumber, LAST_YEAR)).isEqualTo("UNPAID"));
        pay(idNumber, LAST_YEAR, voucherNo);
        return JsonMapper.shared().readTree(enrolled.body()).get("personId").asString();
    }

    private static void pay(String idNumber, int year, String voucherNo) {
        String paidAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String body = """
                {"confirmations":[{"voucherNo":"%s","idNumber":"%s","coverageYear":%d,"amount":"180.00","channel":"WECHAT","paidAt":"%s"}]}"""
                .formatted(voucherNo, idNumber, year, paidAt);
        JsonNode result = ok(ApiClient.patiently(() -> ApiClient.at(suite.url(SuiteService.TAX)).as("tax-bureau").postSigned(
                "/api/v1/payment-confirmations", body, ApiClient.LOCAL_TAX_WEBHOOK_SECRET, Clock.systemUTC()), PATIENCE));
        assertThat(result.get("accepted").asInt()).as(result.toString()).isEqualTo(1);
    }

    private static String levyStatus(String idNumber, int year) {
        return ok(ApiClient.at(suite.url(SuiteService.TAX)).as("tax-bureau")
                .get("/api/v1/levy-items?region=350825&coverageYear=" + year + "&limit=1000")).get("items").valueStream()
                .filter(item -> item.get("idNumber").asString().equals(idNumber)).map(item -> item.get("status").asString())
                .findFirst().orElse("not listed");
    }

    /** How many people reporting counts as enrolled (registered and settled) for the year; the tests of this class run one at a time. */
    private static int enrolled(int year) {
        return ok(bureau(SuiteService.REPORTING).get("/api/v1/participation?region=350825&coverageYear=" + year))
                .get("total").get("enrolled").asInt();
    }

    private static ApiClient bureau(SuiteService service) {
        return ApiClient.at(suite.url(service)).as("bureau");
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().uri() + " answered " + response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }
}
