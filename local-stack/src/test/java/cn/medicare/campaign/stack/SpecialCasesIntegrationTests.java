package cn.medicare.campaign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.fixtures.Campaigns;
import cn.medicare.campaign.fixtures.Gaolou;
import cn.medicare.campaign.fixtures.IdNumbers;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.fixtures.Taixing;
import cn.medicare.campaign.fixtures.Yueyang;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.TestInfrastructure;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 8's acceptance through the public APIs of the whole suite: the county campaigns of
 * {@code docs/campaigns} loaded with one PUT each, the special cases decided by the one engine in
 * enrollment and subsidy, and a coverage that waits for its payment started by the tax adapter.
 */
@RealInfrastructure
class SpecialCasesIntegrationTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final PersonIds PERSON_IDS = Liancheng.PERSON_IDS;

    private static Suite suite;
    /** The relays' offsets, deleted after the class once the suite is closed. */
    @TempDir
    static Path relays;

    @BeforeAll
    static void startSuite() {
        // past seasons: the nightly judgement of the last day to pay would owe back a part paid mid-scenario, should a run span it
        Suite.forASimulatedSeason();
        try {
            suite = Suite.start(TestInfrastructure.get(), false, relays, System.out);
        } finally {
            Suite.forTheRealCalendar();
        }
        define("gaolou-2022.json", Gaolou.REGION, 2022);
        define("yueyang-2025.json", Yueyang.REGION, 2025);
        define("taixing-2022.json", Taixing.REGION, 2022);
        define("liancheng-2018.json", Liancheng.REGION, 2018);
    }

    @AfterAll
    static void stopSuite() {
        suite.close();
    }

    /** Gaolou: "newborn registered within 90 days of birth: the birth date; later than 90 days: the day after payment". */
    @Test
    void gaolouNewbornsAreCoveredFromBirthWithinNinetyDaysAndFromTheDayAfterPaymentLater() {
        String early = IdNumbers.of(Gaolou.REGION, "20220210", 1);
        JsonNode enrolled = enrol(early, Gaolou.REGION, 2022, "NEWBORN", "2022-04-20", "{\"case\":\"NEWBORN\"}");
        assertThat(enrolled.get("coverageFromBirth").asBoolean()).isTrue();
        JsonNode view = enrolment(early, 2022);
        assertThat(view.get("coverageFromBirth").asBoolean()).isTrue();
        assertThat(view.get("coverageRule").get("case").asString()).isEqualTo("NEWBORN");
        assertThat(view.get("coverageRule").get("explanation").asString()).isEqualTo("新生儿出生90日内参保，自出生之日起享受待遇");

        // sent on the blank 附件4, which has no column for a case: the category says it
        String onTheForm = IdNumbers.of(Gaolou.REGION, "20220210", 3);
        assertThat(enrol(onTheForm, Gaolou.REGION, 2022, "NEWBORN", "2022-04-20", null).get("coverageFromBirth").asBoolean()).isTrue();
        assertThat(enrolment(onTheForm, 2022).get("coverageRule").get("case").asString()).isEqualTo("NEWBORN");

        String late = IdNumbers.of(Gaolou.REGION, "20220115", 2);
        assertThat(enrol(late, Gaolou.REGION, 2022, "NEWBORN", "2022-05-01", "{\"case\":\"NEWBORN\"}").hasNonNull("coverageStart")).isFalse();
        JsonNode waiting = enrolment(late, 2022);
        assertThat(waiting.hasNonNull("coverageStart")).isFalse();
        assertThat(waiting.get("coverageRule").get("coverageFrom").asString()).isEqualTo("DAY_AFTER_PAYMENT");
        assertThat(waiting.get("coverageRule").get("explanation").asString()).isEqualTo("新生儿出生超过90日参保，自缴费次日起享受待遇");

        pay(late, 2022, "320.00", "2022-05-03T02:00:00Z", "VGAOLOU0001");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(enrolment(late, 2022).path("coverageStart").asString()).isEqualTo("2022-05-04"));
    }

    /** Yueyang: "anyone else outside the period: after a 90-day wait from payment, individual + fiscal subsidy (400 + 670)". */
    @Test
    void aYueyangResidentEnrolledOutsideThePeriodOwesIndividualPlusFiscalAndWaitsNinetyDaysFromPayment() {
        String resident = IdNumbers.of(Yueyang.REGION, "19700202", 3);
        JsonNode enrolled = enrol(resident, Yueyang.REGION, 2025, null, "2025-03-01", null);
        assertThat(enrolled.get("amountRule").asString()).isEqualTo("INDIVIDUAL_PLUS_FISCAL");
        assertThat(enrolled.get("explanation").asString()).contains("个人缴费400.00元加财政补助670.00元", "90天等待期");
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode assessment = assessment(resident, 2025);
            assertThat(assessment.get("payableAmount").asString()).isEqualTo("1070.00");
            assertThat(assessment.get("amountRule").asString()).isEqualTo("INDIVIDUAL_PLUS_FISCAL");
            assertThat(assessment.get("fiscalPart").asString()).isEqualTo("670.00");
        });
        assertThat(enrolment(resident, 2025).get("coverageRule").get("explanation").asString())
                .isEqualTo("在参保缴费期（截至2024-12-31）外参保，按个人缴费400.00元加财政补助670.00元缴费，自缴费之日起设90天等待期，期满后享受待遇");
        pay(resident, 2025, "1070.00", "2025-03-01T02:00:00Z", "VYUEYANG0001");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(enrolment(resident, 2025).path("coverageStart").asString()).isEqualTo("2025-05-30"));
    }

    /** Taixing: "200 yuan for people born on or after 2004-01-01", 420 for everybody else. */
    @Test
    void taixingsMinorsAreThoseBornOnOrAfterTheCampaignsDate() {
        String adult = IdNumbers.of(Taixing.REGION, "20031231", 4);
        String minor = IdNumbers.of(Taixing.REGION, "20040101", 5);
        enrol(adult, Taixing.REGION, 2022, null, "2021-10-09", null);
        enrol(minor, Taixing.REGION, 2022, null, "2021-10-09", null);
        assertThat(enrolment(minor, 2022).get("personCategory").asString()).isEqualTo("MINOR");
        assertThat(enrolment(adult, 2022).get("coverageRule").get("explanation").asString())
                .isEqualTo("在参保缴费期内（截至2021-12-31）参保，自2022年1月1日起享受待遇");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(assessment(adult, 2022).get("payableAmount").asString()).isEqualTo("420.00");
            assertThat(assessment(minor, 2022).get("payableAmount").asString()).isEqualTo("200.00");
        });
        HttpResponse<String> contradiction = bureau(SuiteService.ENROLLMENT).post("/api/v1/enrolments",
                body(IdNumbers.of(Taixing.REGION, "20031231", 6), Taixing.REGION, 2022, "MINOR", "2021-10-09", null));
        assertThat(contradiction.statusCode()).as(contradiction.body()).isEqualTo(400);
        assertThat(contradiction.body()).contains("personCategory", "未成年人");
    }

    /** DOMAIN.md: "Coverage never starts after Dec 31 of Y: an enrolment that could only be covered after the year ends is refused". */
    @Test
    void anEnrolmentThatCouldOnlyBeCoveredAfterTheYearIsRefused() {
        HttpResponse<String> refused = bureau(SuiteService.ENROLLMENT).post("/api/v1/enrolments",
                body(Liancheng.idNumber(901), Liancheng.REGION, 2018, null, "2018-11-01", null));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("2018", "90天等待期");
    }

    private static void define(String file, String region, int year) {
        ApiClient bureau = bureau(SuiteService.ENROLLMENT);
        assertThat(bureau.put("/api/v1/campaigns/" + region + "/" + year, Campaigns.documented(file)).statusCode()).isEqualTo(200);
        assertThat(bureau.put("/api/v1/campaigns/" + region + "/" + year + "/targets", "text/csv",
                "township,townshipName,target\n" + region + "100,城关镇,1000\n").statusCode()).isEqualTo(200);
    }

    private static JsonNode enrol(String idNumber, String region, int year, String category, String enrolledOn, String specialCase) {
        HttpResponse<String> response = bureau(SuiteService.ENROLLMENT).post("/api/v1/enrolments",
                body(idNumber, region, year, category, enrolledOn, specialCase));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonMapper.shared().readTree(response.body());
    }

    private static String body(String idNumber, String region, int year, String category, String enrolledOn, String specialCase) {
        return """
                {"idNumber":"%s","name":"王小明","region":"%s","coverageYear":%d,"township":"%s100","village":"城关村",
                 "hukouLocal":true,"residencePermit":false,%s%s"enrolledOn":"%s"}""".formatted(idNumber, region, year, region,
                category == null ? "" : "\"personCategory\":\"" + category + "\",",
                specialCase == null ? "" : "\"specialCase\":" + specialCase + ",", enrolledOn);
    }

    private static JsonNode enrolment(String idNumber, int year) {
        return ok(bureau(SuiteService.ENROLLMENT).get("/api/v1/enrolments/" + PERSON_IDS.personId(idNumber) + "?coverageYear=" + year));
    }

    private static JsonNode assessment(String idNumber, int year) {
        return ok(bureau(SuiteService.SUBSIDY).get("/api/v1/assessments/" + PERSON_IDS.personId(idNumber) + "?coverageYear=" + year));
    }

    /** As the tax bureau does: it collects from people on its levy list, so it waits until the person is there. */
    private static void pay(String idNumber, int year, String amount, String paidAt, String voucherNo) {
        String region = idNumber.substring(0, 6);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ok(ApiClient.at(suite.url(SuiteService.TAX)).as("tax-bureau")
                .get("/api/v1/levy-items?region=" + region + "&coverageYear=" + year + "&limit=1000")).get("items").valueStream()
                .map(item -> item.get("idNumber").asString())).contains(idNumber));
        String body = """
                {"confirmations":[{"voucherNo":"%s","idNumber":"%s","coverageYear":%d,"amount":"%s","channel":"WECHAT","paidAt":"%s"}]}"""
                .formatted(voucherNo, idNumber, year, amount, paidAt);
        JsonNode result = ok(ApiClient.patiently(() -> ApiClient.at(suite.url(SuiteService.TAX)).as("tax-bureau").postSigned(
                "/api/v1/payment-confirmations", body, ApiClient.LOCAL_TAX_WEBHOOK_SECRET, Clock.systemUTC()), PATIENCE));
        assertThat(result.get("accepted").asInt()).as(result.toString()).isEqualTo(1);
    }

    private static ApiClient bureau(SuiteService service) {
        return ApiClient.at(suite.url(service)).as("bureau");
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().uri() + " answered " + response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }
}
