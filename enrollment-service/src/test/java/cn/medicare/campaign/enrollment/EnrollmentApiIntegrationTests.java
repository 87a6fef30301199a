package cn.medicare.campaign.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.AssistanceSubcategory;
import cn.medicare.campaign.contracts.events.CoverageRevoked;
import cn.medicare.campaign.contracts.events.CoverageStarted;
import cn.medicare.campaign.contracts.events.EligibilityAdjusted;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.codes.PaymentSource;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.contracts.identity.Contact;
import cn.medicare.campaign.contracts.identity.IdNumberOpener;
import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.fixtures.Campaigns;
import cn.medicare.campaign.fixtures.Gaolou;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.fixtures.IdNumbers;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.fixtures.Uploads;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.LockedTable;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.RunningService;
import cn.medicare.campaign.infra.testing.ServiceDatabase;
import cn.medicare.campaign.kit.security.LocalSecrets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EnrollmentApiIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    ApiClient api;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceDatabase.register(registry, "enrollment_api_test");
    }

    @BeforeEach
    void campaignWithTargets() {
        api = ApiClient.at(port);
        assertThat(api.as("bureau").put("/api/v1/campaigns/350825/2018", Liancheng.apiExampleJson(2018)).statusCode()).isEqualTo(200);
        assertThat(api.as("bureau").put("/api/v1/campaigns/350825/2018/targets", Liancheng.twoTownshipsJson()).statusCode()).isEqualTo(200);
    }

    @Test
    void isOperableWithoutCredentials() {
        RunningService.assertOperable(port, "enrollment-service", Topics.ELIGIBILITY, Topics.PAYMENTS);
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public'", String.class))
                .contains("outbox", "inbox", "campaign", "township_target", "enrolment");
    }

    @Test
    void theBureauDefinesACampaignAndEachReplacementIsANewVersion() {
        JsonNode campaign = json(api.as("viewer").get("/api/v1/campaigns/350825/2018"));
        int version = campaign.get("version").asInt();
        JsonNode replaced = json(api.as("bureau").put("/api/v1/campaigns/350825/2018", Liancheng.apiExampleJson(2018)));

        assertThat(replaced.get("version").asInt()).isEqualTo(version + 1);
        assertThat(replaced.get("contributions").get("GENERAL").asString()).isEqualTo("180.00");
        assertThat(replaced.get("targets")).hasSize(2);
        assertThat(outboxTypes()).contains("CampaignDefined", "TargetsSet");
    }

    @Test
    void targetsComeAsCsvToo() {
        String csv = "township,townshipName,target,enrolledLastYear\n350825100,莲峰镇,38010,36903\n350825101,文亨镇,26474,25703\n";
        JsonNode campaign = json(api.as("bureau").put("/api/v1/campaigns/350825/2018/targets", "text/csv", csv));
        assertThat(campaign.get("targets").get(0).get("target").asInt()).isEqualTo(38010);

        HttpResponse<String> bad = api.as("bureau").put("/api/v1/campaigns/350825/2018/targets", "text/csv",
                "township,townshipName,target\n350825100,莲峰镇,many\n");
        assertProblem(bad, 400);
        assertThat(json(bad).get("errors").get(0).get("row").asInt()).isEqualTo(1);
    }

    @Test
    void aTownshipEnrolsAResidentOnceAndTheRosterEventCarriesNoPlainNumber() {
        String idNumber = Liancheng.idNumber("19850612", 401);
        HttpResponse<String> created = api.as("township-" + Liancheng.LIANFENG).post("/api/v1/enrolments",
                Liancheng.enrolment(idNumber, Liancheng.LIANFENG));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode enrolled = json(created);
        assertThat(enrolled.get("coverageStart").asString()).isEqualTo("2018-01-01");
        assertThat(enrolled.get("waitingPeriodDays").asInt()).isZero();
        String personId = enrolled.get("personId").asString();
        Map<String, Object> event = jdbc.queryForMap("select aggregatetype, payload::text as payload from outbox where aggregateid = ?", personId);
        assertThat(event.get("aggregatetype")).isEqualTo("insurance.roster.v1");
        assertThat((String) event.get("payload")).doesNotContain(idNumber, "birthDate", "19850612", "1985-06-12")
                .contains("\"personCategory\":\"GENERAL\"", "\"nameMasked\":\"张**\"", "\"birthYear\":1985",
                        "\"idNumberMasked\":\"350825***********" + idNumber.charAt(17) + "\"");
        String contactSealed = JSON.readTree((String) event.get("payload")).get("contactSealed").asString();
        assertThat((String) event.get("payload")).as("the name and phone travel sealed only").doesNotContain("张三丰", "13800000000");
        assertThat(Contact.open(contactSealed, IdNumberOpener.fromBase64(Map.of("local-contacts-2018",
                LocalSecrets.BY_PROPERTY.get("insurance.identity.contact-opening-keys.local-contacts-2018")))))
                .as("opened with the reporting service's key").isEqualTo(new Contact("张三丰", "13800000000"));

        JsonNode view = json(api.as("bureau").get("/api/v1/enrolments/" + personId + "?coverageYear=2018"));
        assertThat(view.get("idNumberMasked").asString()).isEqualTo(idNumber.substring(0, 6) + "*".repeat(11) + idNumber.substring(17));

        HttpResponse<String> again = api.as("bureau").post("/api/v1/enrolments", Liancheng.enrolment(idNumber, Liancheng.LIANFENG));
        assertProblem(again, 409);
    }

    @Test
    void aNewbornCoveredFromBirthTravelsWithoutItsBirthDateOrBirthYear() {
        String idNumber = Liancheng.idNumber("20180103", 404);
        HttpResponse<String> created = api.as("township-" + Liancheng.LIANFENG).post("/api/v1/enrolments", """
                {"idNumber":"%s","name":"罗小宝","region":"350825","coverageYear":2018,"township":"%s",
                 "village":"城关村%s","hukouLocal":true,"residencePermit":false,"personCategory":"NEWBORN",
                 "enrolledOn":"2018-01-10"}""".formatted(idNumber, Liancheng.LIANFENG, idNumber));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String personId = json(created).get("personId").asString();
        String payload = jdbc.queryForObject("select payload::text from outbox where aggregateid = ?", String.class, personId);
        assertThat(payload).contains("\"coverageFromBirth\":true", "\"village\":\"城关村" + "*".repeat(18) + "\"",
                        "\"idNumberMasked\":\"350825" + "*".repeat(12) + "\"")
                .as("an infant's check character would leave a few hundred numbers beside the weeks since Jan 1")
                .doesNotContain("coverageStart", "birthYear", "2018-01-03", idNumber);
        JsonNode view = json(api.as("township-" + Liancheng.LIANFENG).get("/api/v1/enrolments/" + personId + "?coverageYear=2018"));
        assertThat(view.get("coverageFromBirth").asBoolean()).isTrue();
        assertThat(view.get("idNumberMasked").asString()).isEqualTo("350825" + "*".repeat(12));
        // null, as API.md writes it, not left out, in the answer to the enrolment and in the roster entry
        assertThat(json(created).has("coverageStart")).isTrue();
        assertThat(json(created).get("coverageStart").isNull()).isTrue();
        assertThat(view.has("coverageStart")).isTrue();
        assertThat(view.get("coverageStart").isNull()).isTrue();
        assertThat(view.toString()).doesNotContain("2018-01-03", idNumber);
    }

    /**
     * A newborn enrolled twice (in its mother's county too) is withdrawn as a duplicate from its first day, the birth date:
     * the roster, the clerk's view, the audit and every refusal say 出生之日或其后数日, never the date. A withdrawal three weeks
     * after 1 January (the earliest birth its records show) is far enough to travel as it is.
     */
    @Test
    void aWithdrawalOnTheBirthDateTravelsAsTheBirthsFlag() {
        String idNumber = Liancheng.idNumber("20180103", 406);
        String laterOne = Liancheng.idNumber("20180103", 408);
        for (String baby : List.of(idNumber, laterOne)) {
            assertThat(api.as("township-" + Liancheng.LIANFENG).post("/api/v1/enrolments", """
                    {"idNumber":"%s","name":"罗小宝","region":"350825","coverageYear":2018,"township":"%s","village":"城关村",
                     "hukouLocal":true,"residencePermit":false,"personCategory":"NEWBORN","enrolledOn":"2018-01-10"}"""
                    .formatted(baby, Liancheng.LIANFENG)).statusCode()).isEqualTo(201);
        }
        String personId = Liancheng.personId(idNumber);
        String path = "/api/v1/enrolments/" + personId + "/withdrawal";

        HttpResponse<String> withdrawn = api.as("bureau").post(path,
                "{\"coverageYear\":2018,\"reason\":\"DUPLICATE\",\"effectiveDate\":\"2018-01-03\"}");
        HttpResponse<String> later = api.as("bureau").post("/api/v1/enrolments/" + Liancheng.personId(laterOne) + "/withdrawal",
                "{\"coverageYear\":2018,\"reason\":\"DUPLICATE\",\"effectiveDate\":\"2018-01-22\"}");

        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(json(withdrawn).get("withdrawnFromBirth").asBoolean()).isTrue();
        assertThat(json(withdrawn).has("withdrawnOn")).isFalse();
        assertThat(withdrawn.body()).doesNotContain("2018-01-03");
        assertThat(jdbc.queryForObject("select payload::text from outbox where type = 'PersonWithdrawn' and aggregateid = ?", String.class,
                personId)).contains("\"effectiveFromBirth\":true").doesNotContain("effectiveDate", "2018-01-03");
        assertThat(json(api.as("bureau").get("/api/v1/enrolments/" + personId + "/audit?coverageYear=2018")).toString())
                .contains("自出生之日或其后数日起").doesNotContain("2018-01-03");
        HttpResponse<String> again = api.as("bureau").post(path, "{\"coverageYear\":2018,\"reason\":\"DUPLICATE\",\"effectiveDate\":\"2018-01-03\"}");
        assertProblem(again, 409);
        assertThat(again.body()).contains("出生之日或其后数日", "was already withdrawn on the day of birth or a few days after")
                .doesNotContain("2018-01-03");
        assertThat(jdbc.queryForObject("select payload::text from outbox where type = 'PersonWithdrawn' and aggregateid = ?", String.class,
                Liancheng.personId(laterOne))).contains("\"effectiveDate\":\"2018-01-22\"").doesNotContain("effectiveFromBirth");
    }

    /**
     * The duplicate's withdrawal revoked while the police's list has the baby dead on its third day: the refusal names the
     * death as the roster shows a date near the birth, to a clerk who named the person by person id, not by the number.
     */
    @Test
    void aRevocationRefusedForADeathNearTheBirthNamesNoDate() {
        String idNumber = Liancheng.idNumber("20180103", 410);
        assertThat(api.as("township-" + Liancheng.LIANFENG).post("/api/v1/enrolments", """
                {"idNumber":"%s","name":"罗小宝","region":"350825","coverageYear":2018,"township":"%s","village":"城关村",
                 "hukouLocal":true,"residencePermit":false,"personCategory":"NEWBORN","enrolledOn":"2018-01-10"}"""
                .formatted(idNumber, Liancheng.LIANFENG)).statusCode()).isEqualTo(201);
        String path = "/api/v1/enrolments/" + Liancheng.personId(idNumber) + "/withdrawal";
        assertThat(api.as("bureau").post(path, "{\"coverageYear\":2018,\"reason\":\"DUPLICATE\",\"effectiveDate\":\"2018-01-03\"}")
                .statusCode()).isEqualTo(200);
        assertThat(api.as("bureau").post("/api/v1/feeds/deaths", "text/csv", "idNumber,date\n" + idNumber + ",2018-01-05\n").statusCode())
                .isEqualTo(200);

        HttpResponse<String> revoked = api.as("bureau").post(path + "/revocation", "{\"coverageYear\":2018,\"reason\":\"重复登记有误\"}");

        assertProblem(revoked, 422);
        assertThat(revoked.body()).contains("出生之日或其后数日", "the resident died on the day of birth or a few days after")
                .doesNotContain("2018-01-05");
    }

    /**
     * A NEWBORN enrolled within its case's 90 days (Gaolou) says born on or after the enrolment's day less 90, beside its
     * `coverageFromBirth`: a death four days after a March birth, dated beside it, left 12 x 500 = 6,000 numbers (session 49's
     * review). It travels as the birth's flag; one three weeks after that bound as it is.
     */
    @Test
    void aDeathNearTheBirthOfANewbornEnrolledWithinItsWindowTravelsAsTheBirthsFlag() {
        String region = "411096";
        String township = campaignWithOneTownship("gaolou-2022.json", region, 2022, "高楼镇");
        String baby = IdNumbers.of(region, "20220310", 657);
        String twin = IdNumbers.of(region, "20220310", 659);
        for (String child : List.of(baby, twin)) {
            HttpResponse<String> enrolled = api.as("bureau").post("/api/v1/enrolments", oneTownshipEnrolment(child, region, 2022, township,
                    "2022-06-01", "{\"case\":\"NEWBORN\",\"date\":\"2022-03-10\"}"));
            assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
            assertThat(json(enrolled).get("coverageFromBirth").asBoolean()).isTrue();
        }

        HttpResponse<String> died = api.as("bureau").post("/api/v1/enrolments/" + Liancheng.personId(baby) + "/withdrawal",
                "{\"coverageYear\":2022,\"reason\":\"DECEASED\",\"effectiveDate\":\"2022-03-14\"}");
        HttpResponse<String> later = api.as("bureau").post("/api/v1/enrolments/" + Liancheng.personId(twin) + "/withdrawal",
                "{\"coverageYear\":2022,\"reason\":\"DECEASED\",\"effectiveDate\":\"2022-03-24\"}");

        assertThat(died.statusCode()).as(died.body()).isEqualTo(200);
        assertThat(json(died).get("withdrawnFromBirth").asBoolean()).as(died.body()).isTrue();
        assertThat(jdbc.queryForObject("select payload::text from outbox where type = 'PersonWithdrawn' and aggregateid = ?", String.class,
                Liancheng.personId(baby))).contains("\"effectiveFromBirth\":true").doesNotContain("2022-03-14");
        assertThat(json(later).get("withdrawnOn").asString()).as("21 days after 3 March, 90 days before 1 June").isEqualTo("2022-03-24");
    }

    /**
     * The same baby enrolled for 2023 too, in that year's period: its 2022 enrolment within the NEWBORN window is public on
     * the same person id, so an activation the platform dates four days after the birth, announced for 2023, and the police's
     * death list ending both years travel as the birth's flag (session 49's second review: each year judged alone published
     * the 2023 dates in clear).
     */
    @Test
    void theNewbornWindowOfOneYearBoundsTheDatesOfEveryYear() {
        String region = "411095";
        String township = campaignWithOneTownship("gaolou-2022.json", region, 2022, "高楼镇");
        String nextYear = Campaigns.documented("gaolou-2022.json").replace("2022-", "2023-").replace("2021-", "2022-");
        assertThat(api.as("bureau").put("/api/v1/campaigns/" + region + "/2023", nextYear).statusCode()).isEqualTo(200);
        assertThat(api.as("bureau").put("/api/v1/campaigns/" + region + "/2023/targets", "text/csv",
                "township,townshipName,target\n" + township + ",高楼镇,10\n").statusCode()).isEqualTo(200);
        String baby = IdNumbers.of(region, "20220310", 661);
        assertThat(api.as("bureau").post("/api/v1/enrolments", oneTownshipEnrolment(baby, region, 2022, township, "2022-06-01",
                "{\"case\":\"NEWBORN\",\"date\":\"2022-03-10\"}")).statusCode()).isEqualTo(201);
        HttpResponse<String> renewed = api.as("bureau").post("/api/v1/enrolments", oneTownshipEnrolment(baby, region, 2023, township,
                "2022-10-09", null));
        assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(201);
        String personId = Liancheng.personId(baby);

        assertThat(json(api.as("bureau").post("/api/v1/e-voucher-activations", "text/csv", "idNumber,activatedOn\n" + baby + ",2022-03-14\n"))
                .get("accepted").asInt()).isOne();
        assertThat(json(api.as("bureau").post("/api/v1/feeds/deaths", "text/csv", "idNumber,date\n" + baby + ",2022-03-14\n"))
                .get("withdrawn").asInt()).isEqualTo(2);

        assertThat(announcedActivations(personId)).singleElement()
                .satisfies(payload -> assertThat(payload).contains("\"coverageYear\":2023", "\"activatedFromBirth\":true").doesNotContain("2022-03-14"));
        assertThat(jdbc.queryForList("select payload::text from outbox where type = 'PersonWithdrawn' and aggregateid = ?", String.class,
                personId)).hasSize(2).allSatisfy(payload -> assertThat(payload).contains("\"effectiveFromBirth\":true").doesNotContain("2022-03-14"));
    }

    /**
     * Born after the region's 2018 collection period opened, a child is a NEWBORN of 2018 and shows the county alone there.
     * Registered anew for 2019 (not rolled over) at 12 months, it showed 6+1 by 2019's opening: with the 2018 record of the
     * same person, the check character the roster hides.
     */
    @Test
    void aChildBornAfterAnEarlierCampaignOpenedShowsTheCountyAloneWhenRegisteredAnewForALaterYear() {
        String region = "350802";
        String township = "350802100";
        campaignsOf(region, township + ",东城镇", 2018, 2019);
        String idNumber = IdNumbers.of(region, "20171001", 651);

        HttpResponse<String> created = api.as("bureau").post("/api/v1/enrolments", enrolmentIn(region, township, idNumber, 2019));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String personId = json(created).get("personId").asString();
        assertThat(maskShown(personId, 2019)).isEqualTo(region + "*".repeat(12));
        assertThat(jdbc.queryForObject("select payload::text from outbox where type = 'PersonEnrolled' and aggregateid = ?", String.class,
                personId)).contains("\"idNumberMasked\":\"" + region + "*".repeat(12) + "\"");
    }

    /**
     * A child announced 6+1 under an older rule (with its birth year) keeps 6+1 when registered anew for another year: the
     * county alone beside it would tell which side of the rule's threshold the birth lies.
     */
    @Test
    void aChildAnnouncedUnderAnOlderRuleKeepsItsMaskWhenRegisteredAnew() {
        String region = "350803";
        String township = "350803100";
        campaignsOf(region, township + ",西城镇", 2018, 2019);
        String idNumber = IdNumbers.of(region, "20170110", 653);
        String personId = json(api.as("bureau").post("/api/v1/enrolments", enrolmentIn(region, township, idNumber, 2018)))
                .get("personId").asString();
        jdbc.update("update enrolment set id_number_masked = ? where person_id = ?", PersonIds.maskIdNumber(idNumber), personId);

        HttpResponse<String> created = api.as("bureau").post("/api/v1/enrolments", enrolmentIn(region, township, idNumber, 2019));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(maskShown(personId, 2019)).isEqualTo(PersonIds.maskIdNumber(idNumber));
        assertThat(jdbc.queryForObject("select payload::text from outbox where type = 'PersonEnrolled' and aggregateid = ?"
                + " and payload ->> 'coverageYear' = '2019'", String.class, personId))
                .contains("\"idNumberMasked\":\"" + PersonIds.maskIdNumber(idNumber) + "\"");
    }

    @Test
    void aMistypedIdNumberIsRefusedNamingTheField() {
        String idNumber = Liancheng.idNumber("19850612", 402);
        String mistyped = idNumber.substring(0, 10) + (idNumber.charAt(10) == '1' ? '2' : '1') + idNumber.substring(11);
        HttpResponse<String> refused = api.as("bureau").post("/api/v1/enrolments", Liancheng.enrolment(mistyped, Liancheng.LIANFENG));

        assertProblem(refused, 400);
        JsonNode errors = json(refused).get("errors");
        assertThat(errors.get(0).get("field").asString()).isEqualTo("idNumber");
        assertThat(refused.body()).doesNotContain(mistyped);
    }

    @Test
    void anUnknownTownshipIsBadInput() {
        HttpResponse<String> refused = api.as("bureau").post("/api/v1/enrolments",
                Liancheng.enrolment(Liancheng.idNumber("19850612", 403), "350825199"));
        assertProblem(refused, 400);
        assertThat(json(refused).get("errors").get(0).get("field").asString()).isEqualTo("township");
    }

    @Test
    void aTownshipMayNotEnrolInAnotherTownship() {
        HttpResponse<String> refused = api.as("township-" + Liancheng.WENHENG).post("/api/v1/enrolments",
                Liancheng.enrolment(Liancheng.idNumber("19850612", 404), Liancheng.LIANFENG));
        assertProblem(refused, 403);
        assertProblem(api.as("viewer").post("/api/v1/enrolments", Liancheng.enrolment(Liancheng.idNumber("19850612", 404), Liancheng.LIANFENG)), 403);
        assertProblem(api.as("township-" + Liancheng.WENHENG).put("/api/v1/campaigns/350825/2018", Liancheng.apiExampleJson(2018)), 403);
    }

    @Test
    void enrolmentWithoutACampaignIsRefusedByRule() {
        HttpResponse<String> refused = api.as("bureau").post("/api/v1/enrolments",
                Liancheng.enrolment(Liancheng.idNumber("19850612", 405), Liancheng.LIANFENG).replace("2018", "2031"));
        assertProblem(refused, 422);
    }

    /**
     * 方案变更记录 (ARCHITECTURE.md: every change is audited): the campaign row holds its latest version alone and the topic is
     * compacted, so each version and each change of the targets is kept with who made it and when.
     */
    @Test
    void everyVersionOfACampaignAndItsTargetsIsKeptWithWhoMadeIt() {
        String campaign = Campaigns.documented("gaolou-2022.json");
        assertThat(api.as("bureau").put("/api/v1/campaigns/411097/2022", campaign).statusCode()).isEqualTo(200);
        assertThat(api.as("bureau").put("/api/v1/campaigns/411097/2022/targets", "text/csv",
                "unit,unitName,type,parent,target\n411097100,高楼镇,TOWNSHIP,,100\n").statusCode()).isEqualTo(200);
        assertThat(api.as("bureau").put("/api/v1/campaigns/411097/2022", campaign.replace("\"320.00\"", "\"350.00\"")).statusCode())
                .isEqualTo(200);

        JsonNode changes = json(api.as("bureau").get("/api/v1/campaigns/411097/2022/changes"));

        assertThat(changes.valueStream().map(change -> change.get("kind").asString()).toList()).containsExactly("CAMPAIGN", "TARGETS", "CAMPAIGN");
        assertThat(changes.valueStream().map(change -> change.get("changedBy").asString()).distinct().toList()).containsExactly("bureau");
        assertThat(changes.get(0).get("content").get("version").asInt()).isOne();
        assertThat(changes.get(0).get("content").get("contributions").get("GENERAL").asString()).isEqualTo("320.00");
        assertThat(changes.get(1).get("content").get("targets").get(0).get("target").asInt()).isEqualTo(100);
        assertThat(changes.get(2).get("content").get("version").asInt()).isEqualTo(2);
        assertThat(changes.get(2).get("content").get("contributions").get("GENERAL").asString()).isEqualTo("350.00");
        assertProblem(api.as("township-" + Liancheng.LIANFENG).get("/api/v1/campaigns/411097/2022/changes"), 403);
        assertProblem(api.as("bureau").get("/api/v1/campaigns/411097/2031/changes"), 404);
    }

    @Test
    void nothingChangesWithoutCredentials() {
        assertProblem(api.put("/api/v1/campaigns/350825/2018", Liancheng.apiExampleJson(2018)), 401);
        assertProblem(api.withHeader("Authorization", "Basic YnVyZWF1Ondyb25n")
                .post("/api/v1/enrolments", Liancheng.enrolment(Liancheng.idNumber("19850612", 406), Liancheng.LIANFENG)), 401);
    }

    @Test
    void anIncompleteCampaignNamesEveryMissingField() {
        HttpResponse<String> refused = api.as("bureau").put("/api/v1/campaigns/350825/2019", "{\"regionName\":\"连城县\"}");
        assertProblem(refused, 400);
        List<String> fields = json(refused).get("errors").valueStream().map(error -> error.get("field").asString()).toList();
        assertThat(fields).contains("collectionPeriod", "contributions", "fiscalSubsidy", "assistance", "participationGoal", "stages",
                "lateEnrolmentWaitingDays");
    }

    /** API.md additions: "a campaign that cannot be applied ... is a 400 naming the field". */
    @Test
    void aCampaignWhoseAdditionsCannotBeAppliedIsRefusedNamingTheField() {
        String campaign = Campaigns.documented("gaolou-2022.json");
        assertRefusedOn(campaign.replace("\"otherwise\": {\"coverageFrom\": \"DAY_AFTER_PAYMENT\"}", "\"otherwise\": {\"waitingDays\": 5}"),
                "specialCases[0].otherwise.coverageFrom");
        assertRefusedOn(campaign.replace("\"threshold\": \"1.00\"", "\"threshold\": \"1.20\""), "stages[2].threshold");
        assertRefusedOn(campaign.replace("\"subsidy\": \"280.00\"", "\"subsidy\": \"380.00\""), "assistance[1].subsidy");
        assertRefusedOn(campaign.replace("{\"case\": \"MILITARY_DISCHARGE\"", "{\"case\": \"NEWBORN\""), "specialCases[2].case");
        // a newborn covered from its birth after a wait: the published start less the wait is the birth date
        assertRefusedOn(campaign.replace("{\"case\": \"NEWBORN\", \"withinDays\": 90,", "{\"case\": \"NEWBORN\", \"waitingDays\": 30, \"withinDays\": 90,"),
                "specialCases[0].waitingDays");
        assertRefusedOn(campaign.replace("\"otherwise\": {\"coverageFrom\": \"DAY_AFTER_PAYMENT\"}",
                "\"otherwise\": {\"coverageFrom\": \"EVENT_DATE\", \"waitingMonths\": 6}"), "specialCases[0].otherwise.waitingMonths");
        assertRefusedOn(campaign.replace("\"case\": \"MILITARY_DISCHARGE\"", "\"case\": \"DESERTER\""), "specialCases[2].case");
        // the certification's window is for the cases about assistance, and within a year
        assertRefusedOn(campaign.replace("{\"case\": \"MILITARY_DISCHARGE\"", "{\"certificationWithinMonths\": 2, \"case\": \"MILITARY_DISCHARGE\""),
                "specialCases[2].certificationWithinMonths");
        assertRefusedOn(campaign.replace("{\"case\": \"NEWLY_ASSISTED\"", "{\"certificationWithinMonths\": 13, \"case\": \"NEWLY_ASSISTED\""),
                "specialCases[5].certificationWithinMonths");
        assertRefusedOn(campaign.replace("{\"case\": \"NEWLY_ASSISTED\"", "{\"certificationWithinMonths\": -1, \"case\": \"NEWLY_ASSISTED\""),
                "specialCases[5].certificationWithinMonths");
        assertRefusedOn(campaign.replace("\"appliesTo\": \"MIGRANT_WORKER\"", "\"appliesTo\": \"TOURIST\""), "extensions[0].appliesTo");
        // explained or criticised after 0 periods in a row flagged every unit, the leader too, from the first bulletin
        assertRefusedOn(campaign.replace("\"stages\":", "\"ranking\": {\"bottom\": 3, \"explainAfter\": 0, \"criticiseAfter\": 0}, \"stages\":"),
                "ranking.explainAfter", "ranking.criticiseAfter");
        // the coverage year's own dates typed for the period: every enrolment in it covered months back, without a wait
        assertRefusedOn(campaign.replace("{\"start\": \"2021-09-01\", \"end\": \"2021-12-31\"}", "{\"start\": \"2022-09-01\", \"end\": \"2023-01-31\"}"),
                "collectionPeriod.start", "collectionPeriod.end");
        assertRefusedOn(campaign.replace("\"until\": \"2022-02-28\"", "\"until\": \"2023-02-28\""), "extensions[0].until");
        // and for a category's own period (Taixing's students): a student enrolled in October covered from January, no wait
        assertRefusedOn(Campaigns.documented("taixing-2022.json").replace("\"start\": \"2021-09-01\", \"end\": \"2021-12-31\"}],",
                "\"start\": \"2022-09-01\", \"end\": \"2022-12-25\"}],"), "categoryPeriods[0].start");
        // a period typed centuries back: half-months to rank without end, and the first collection day every mask is judged by
        assertRefusedOn(campaign.replace("{\"start\": \"2021-09-01\"", "{\"start\": \"0001-09-01\""), "collectionPeriod.start");
        assertRefusedOn(campaign.replace("\"deadline\": \"2021-10-31\"", "\"deadline\": \"1998-10-31\""), "stages[0].deadline");
        // copied to a later year, its dates kept, it is still a campaign (a year's own dates are its bureau's to set)
        assertThat(api.as("bureau").put("/api/v1/campaigns/411099/2035", campaign).statusCode()).isEqualTo(200);
        // a year no calendar holds is named alone, never a server error while the dates are checked against it
        HttpResponse<String> noYear = api.as("bureau").put("/api/v1/campaigns/411099/2022022022", campaign);
        assertProblem(noYear, 400);
        assertThat(json(noYear).get("errors").valueStream().map(error -> error.get("field").asString()).toList())
                .containsExactly("coverageYear");
        assertThat(api.as("bureau").put("/api/v1/campaigns/411099/2022", campaign).statusCode()).isEqualTo(200);
        HttpResponse<String> aYear = api.as("bureau").put("/api/v1/campaigns/411099/2022", campaign.replace("{\"case\": \"NEWLY_ASSISTED\"",
                "{\"certificationWithinMonths\": 12, \"case\": \"NEWLY_ASSISTED\""));
        assertThat(aYear.statusCode()).isEqualTo(200);
        assertThat(aYear.body()).contains("\"case\":\"NEWLY_ASSISTED\",\"coverageFrom\":\"DAY_AFTER_PAYMENT\",\"certificationWithinMonths\":12}");
    }

    @Test
    void aCategoryThatContradictsTheBirthDateIsRefusedAtEnrolmentAndOnChange() {
        String adult = Liancheng.idNumber("19850612", 611);
        HttpResponse<String> asNewborn = api.as("bureau").post("/api/v1/enrolments",
                Liancheng.enrolment(adult, Liancheng.LIANFENG).replace("\"hukouLocal\"", "\"personCategory\":\"NEWBORN\",\"hukouLocal\""));
        assertProblem(asNewborn, 400);
        assertThat(json(asNewborn).get("errors").get(0).get("field").asString()).isEqualTo("personCategory");
        String personId = json(api.as("bureau").post("/api/v1/enrolments", Liancheng.enrolment(adult, Liancheng.LIANFENG)))
                .get("personId").asString();
        HttpResponse<String> asMinor = api.as("bureau").patch("/api/v1/enrolments/" + personId + "?coverageYear=2018",
                "{\"personCategory\":\"MINOR\"}");
        assertProblem(asMinor, 400);
        assertThat(asMinor.body()).contains("personCategory", "未成年人");
        assertThat(api.as("bureau").patch("/api/v1/enrolments/" + personId + "?coverageYear=2018", "{\"personCategory\":\"STUDENT\"}")
                .statusCode()).isEqualTo(200);
    }

    /** A spreadsheet cell formatted as a month reads as one (2017-10): the clerk is asked for the day, not told of a bad date. */
    @Test
    void aMonthWithoutADayIsAskedForItsDay() {
        String csv = "township,village,name,idNumber,phone,personCategory,hukouLocal,residencePermit,enrolledOn\n"
                + Liancheng.LIANFENG + ",城关村,罗四哥," + Liancheng.idNumber("19800101", 617) + ",,,是,否,2017-10\n";

        JsonNode listed = json(api.as("bureau").post("/api/v1/enrolments/batch?region=350825&coverageYear=2018", "text/csv", csv));
        JsonNode deaths = json(api.as("bureau").post("/api/v1/feeds/deaths", "text/csv",
                "idNumber,date\n" + Liancheng.idNumber("19800101", 618) + ",2017-10\n"));

        assertThat(listed.get("rejected").get(0).get("errors").get(0).get("message").asString()).startsWith("只有年月，请填到日");
        assertThat(deaths.get("rejected").get(0).get("errors").get(0).get("message").asString()).startsWith("只有年月，请填到日");
    }

    /**
     * A year mistyped into the past (0218 for 2018, 0000): a death then withdrew every year of the person, finished ones
     * too, and a list's date of year 0 failed the whole list as a server error. A date before the birth is the row's mistake.
     */
    @Test
    void aDateBeforeTheBirthDateIsTheRowsMistake() {
        String idNumber = Liancheng.idNumber("19800101", 614);
        String personId = json(api.as("bureau").post("/api/v1/enrolments", Liancheng.enrolment(idNumber, Liancheng.LIANFENG)))
                .get("personId").asString();
        String csv = "township,village,name,idNumber,phone,personCategory,hukouLocal,residencePermit,enrolledOn,specialCase,specialCaseDate\n"
                + Liancheng.LIANFENG + ",城关村,罗二哥," + Liancheng.idNumber("19800101", 615) + ",,,是,否,2017-10-09,MILITARY_DISCHARGE,0000-01-01\n"
                + Liancheng.LIANFENG + ",城关村,罗三哥," + Liancheng.idNumber("19800101", 616) + ",,,是,否,2017-10-09,,\n";

        JsonNode listed = json(api.as("bureau").post("/api/v1/enrolments/batch?region=350825&coverageYear=2018", "text/csv", csv));
        JsonNode deaths = json(api.as("bureau").post("/api/v1/feeds/deaths", "text/csv", "idNumber,date\n" + idNumber + ",0218-05-01\n"));
        JsonNode activations = json(api.as("bureau").post("/api/v1/e-voucher-activations", "text/csv",
                "idNumber,activatedOn\n" + idNumber + ",0000-01-01\n"));
        HttpResponse<String> withdrawal = api.as("bureau").post("/api/v1/enrolments/" + personId + "/withdrawal",
                "{\"coverageYear\":2018,\"reason\":\"DECEASED\",\"effectiveDate\":\"0218-05-01\"}");

        assertThat(listed.get("accepted").asInt()).isOne();
        assertThat(listed.get("rejected").get(0).get("errors").get(0).get("field").asString()).isEqualTo("specialCase.date");
        assertThat(deaths.get("withdrawn").asInt()).isZero();
        assertThat(deaths.get("rejected").get(0).get("errors").get(0).get("field").asString()).isEqualTo("date");
        assertThat(activations.get("rejected").get(0).get("errors").get(0).get("field").asString()).isEqualTo("activatedOn");
        assertProblem(withdrawal, 400);
        assertThat(withdrawal.body()).contains("\"field\":\"effectiveDate\"");
        assertThat(json(api.as("bureau").get("/api/v1/enrolments/" + personId + "?coverageYear=2018")).hasNonNull("withdrawnOn")).isFalse();
    }

    @Test
    void aListNamesSpecialCasesClassesAndRemarksInOptionalColumns() {
        String baby = Liancheng.idNumber("20180105", 612);
        String csv = "township,village,name,idNumber,phone,personCategory,hukouLocal,residencePermit,school,schoolClass,enrolledOn,"
                + "specialCase,specialCaseDate,employeeYears,remarks\n"
                + Liancheng.LIANFENG + ",城关村,罗小妹," + baby + ",,NEWBORN,是,否,,,2018-01-20,NEWBORN,,,出生证已核\n"
                + Liancheng.LIANFENG + ",城关村,罗大哥," + Liancheng.idNumber("19800101", 613) + ",,,是,否,城关小学,三年级二班,2017-10-09,"
                + "SOLDIER,,,\n";
        HttpResponse<String> response = api.as("bureau").post("/api/v1/enrolments/batch?region=350825&coverageYear=2018", "text/csv", csv);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode outcome = json(response);
        assertThat(outcome.get("accepted").asInt()).isEqualTo(1);
        assertThat(outcome.get("rejected").get(0).get("errors").get(0).get("field").asString()).isEqualTo("specialCase");
        String personId = Liancheng.personId(baby);
        JsonNode view = json(api.as("bureau").get("/api/v1/enrolments/" + personId + "?coverageYear=2018"));
        assertThat(view.get("coverageFromBirth").asBoolean()).isTrue();
        assertThat(view.get("specialCase").get("case").asString()).isEqualTo("NEWBORN");
        assertThat(view.get("remarks").asString()).isEqualTo("出生证已核");
    }

    /**
     * Gaolou's lapse rule counts from the day the job ended: an enrolment without it falls to the rule's otherwise (API.md),
     * and says so; an event after the enrolment is bad input.
     */
    @Test
    void aSpecialCaseWithoutTheFactsItsRuleCountsFromSaysSoAndALapseAfterTheEmployeeInsuranceListIsEnrolled() {
        String region = "411098";
        String township = campaignWithOneTownship("gaolou-2022.json", region, 2022, "高楼镇");
        String withoutFacts = IdNumbers.of(region, "19750303", 23);

        HttpResponse<String> fallen = api.as("bureau").post("/api/v1/enrolments",
                oneTownshipEnrolment(withoutFacts, region, 2022, township, "2022-06-16", "{\"case\":\"EMPLOYEE_INSURANCE_LAPSE\"}"));

        assertThat(fallen.statusCode()).as(fallen.body()).isEqualTo(201);
        assertThat(json(fallen).get("explanation").asString()).startsWith("未填写职工医保中断日期和职工医保缴费年限，").contains("等待期6个月");
        String idNumber = IdNumbers.of(region, "19750303", 21);
        assertProblem(api.as("bureau").post("/api/v1/enrolments", oneTownshipEnrolment(idNumber, region, 2022, township, "2022-06-16",
                "{\"case\":\"EMPLOYEE_INSURANCE_LAPSE\",\"date\":\"2022-07-01\",\"employeeYears\":5}")), 400);
        // an adult naming the newborn's case would be covered from the birth rule's day, without the late enrolment's wait
        HttpResponse<String> adultAsNewborn = api.as("bureau").post("/api/v1/enrolments",
                oneTownshipEnrolment(IdNumbers.of(region, "19750303", 24), region, 2022, township, "2022-06-16", "{\"case\":\"NEWBORN\"}"));
        assertProblem(adultAsNewborn, 400);
        assertThat(adultAsNewborn.body()).contains("\"field\":\"specialCase.case\"");
        // 人社's list has them (and a colleague still employed) in employee insurance for 2022 from January: the job ended in March
        String stillEmployed = IdNumbers.of(region, "19750303", 22);
        assertThat(api.as("bureau").post("/api/v1/feeds/employee-insurance?coverageYear=2022", "text/csv",
                "idNumber,date\n" + idNumber + ",2022-01-01\n" + stillEmployed + ",2022-01-01\n").statusCode()).isEqualTo(200);
        HttpResponse<String> enrolled = api.as("bureau").post("/api/v1/enrolments",
                oneTownshipEnrolment(idNumber, region, 2022, township, "2022-06-16",
                        "{\"case\":\"EMPLOYEE_INSURANCE_LAPSE\",\"date\":\"2022-03-15\",\"employeeYears\":5}"));
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        // the answer shows the rule as the roster entry does (API.md coverageRule {"case", "explanation"})
        assertThat(json(enrolled).get("coverageRule").get("case").asString()).isEqualTo("EMPLOYEE_INSURANCE_LAPSE");
        assertThat(json(enrolled).get("coverageRule").get("explanation").asString())
                .isEqualTo(json(enrolled).get("explanation").asString()).isNotBlank();
        // EVENTS.md's PersonEnrolled.specialCase? names the case that applied
        assertThat(jdbc.queryForObject("select payload::json ->> 'specialCase' from outbox where type = 'PersonEnrolled' and aggregateid = ?",
                String.class, Liancheng.personId(idNumber))).isEqualTo("EMPLOYEE_INSURANCE_LAPSE");
        assertProblem(api.as("bureau").post("/api/v1/enrolments",
                oneTownshipEnrolment(stillEmployed, region, 2022, township, "2022-06-16", "null")), 422);
        // next month's list says the same: the lapse enrolee stays enrolled
        assertThat(json(api.as("bureau").post("/api/v1/feeds/employee-insurance?coverageYear=2022", "text/csv",
                "idNumber,date\n" + idNumber + ",2022-01-01\n")).get("withdrawn").asInt()).isZero();
        assertThat(json(api.as("bureau").get("/api/v1/enrolments/" + json(enrolled).get("personId").asString() + "?coverageYear=2022"))
                .hasNonNull("withdrawnOn")).isFalse();
    }

    /**
     * A rule that covers from a past event (Yueyang's child taken in by a welfare institution, from the admission) would sell a
     * coverage year already over: an enrolment registered after 31 December of its year is refused (422, as one whose
     * coverage could start only after the year), and the same one registered on that last day is covered from the admission.
     */
    @Test
    void aCoverageYearThatHasEndedTakesNoEnrolmentEvenUnderARuleCoveringFromAPastEvent() {
        String region = "430697";
        String township = campaignWithOneTownship("yueyang-2025.json", region, 2025, "城关镇");
        String child = IdNumbers.of(region, "20150606", 31);
        String admitted = "{\"case\":\"WELFARE_INSTITUTION\",\"date\":\"2025-03-03\"}";

        HttpResponse<String> afterTheYear = api.as("bureau").post("/api/v1/enrolments",
                oneTownshipEnrolment(child, region, 2025, township, "2026-02-01", admitted));

        assertProblem(afterTheYear, 422);
        assertThat(json(afterTheYear).get("detail").asString()).contains("2026-02-01", "2025-12-31");
        // the admission is the day it covers from: without it, asked for, nothing registered
        HttpResponse<String> withoutTheDate = api.as("bureau").post("/api/v1/enrolments",
                oneTownshipEnrolment(child, region, 2025, township, "2025-12-31", "{\"case\":\"WELFARE_INSTITUTION\"}"));
        assertProblem(withoutTheDate, 400);
        assertThat(json(withoutTheDate).get("errors").get(0).get("field").asString()).isEqualTo("specialCase.date");
        assertThat(json(withoutTheDate).get("errors").get(0).get("message").asString()).startsWith("请填写被福利机构收留日期");
        HttpResponse<String> onTheLastDay = api.as("bureau").post("/api/v1/enrolments",
                oneTownshipEnrolment(child, region, 2025, township, "2025-12-31", admitted));
        assertThat(onTheLastDay.statusCode()).as(onTheLastDay.body()).isEqualTo(201);
        assertThat(json(onTheLastDay).get("coverageStart").asString()).isEqualTo("2025-03-03");
    }

    /**
     * A campaign may have assistance of a late enrolment reduce the individual part only (the fiscal part the late enrollee's
     * sanction); a code it does not know is refused naming the field and the codes it may send, never the value sent.
     */
    @Test
    void aLateEnrolmentsAssistedPartIsTheCampaignsAndACodeNotKnownIsToldTheCodes() {
        String campaign = Campaigns.documented("yueyang-2025.json").replace("\"waitingFrom\": \"PAYMENT_DATE\"}",
                "\"waitingFrom\": \"PAYMENT_DATE\", \"assistanceReduces\": \"%s\"}");

        HttpResponse<String> unknown = api.as("bureau").put("/api/v1/campaigns/430621/2025", campaign.formatted("FISCAL"));

        assertProblem(unknown, 400);
        JsonNode error = json(unknown).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("lateEnrolment.assistanceReduces");
        assertThat(error.get("message").asString()).contains("STANDARD, INDIVIDUAL").doesNotContain("FISCAL");
        HttpResponse<String> individual = api.as("bureau").put("/api/v1/campaigns/430621/2025", campaign.formatted("INDIVIDUAL"));
        assertThat(individual.statusCode()).as(individual.body()).isEqualTo(200);
        assertThat(json(individual).get("lateEnrolment").get("assistanceReduces").asString()).isEqualTo("INDIVIDUAL");
    }

    /** One of docs/campaigns' counties defined for {@code region}, with one township of 10 people: its code. */
    private String campaignWithOneTownship(String file, String region, int year, String townshipName) {
        String township = region + "100";
        assertThat(api.as("bureau").put("/api/v1/campaigns/" + region + "/" + year, Campaigns.documented(file)).statusCode()).isEqualTo(200);
        assertThat(api.as("bureau").put("/api/v1/campaigns/" + region + "/" + year + "/targets",
                "{\"targets\":[{\"township\":\"" + township + "\",\"townshipName\":\"" + townshipName + "\",\"target\":10}]}")
                .statusCode()).isEqualTo(200);
        return township;
    }

    private void assertRefusedOn(String campaign, String... fields) {
        HttpResponse<String> refused = api.as("bureau").put("/api/v1/campaigns/411099/2022", campaign);
        assertProblem(refused, 400);
        assertThat(json(refused).get("errors").valueStream().map(error -> error.get("field").asString()).toList())
                .as(refused.body()).contains(fields);
    }

    @Test
    void aTownshipsListIsEnrolledRowByRowAndAResidentNeverTwice() {
        String first = Liancheng.idNumber("19700101", 501);
        String second = Liancheng.idNumber("20100315", 502);
        String third = Liancheng.idNumber("19551230", 503);
        String mistyped = first.substring(0, 17) + (first.charAt(17) == '1' ? '2' : '1');
        String csv = String.join("\n",
                "township,village,name,idNumber,phone,personCategory,hukouLocal,residencePermit,enrolledOn",
                "350825100,城关村,林建华," + first + ",13800000001,,是,否,2017-10-09",
                "350825100,城关村,林秀英," + second + ",,STUDENT,true,false,2017-10-09",
                "350825100,东街村,陈永福," + third + ",,,1,0,2017-10-09",
                "350825100,东街村,陈永福," + mistyped + ",,,1,0,2017-10-09",
                "350825100,城关村,林建华," + first + ",13800000001,,是,否,2017-10-09",
                "350825101,西门村,黄美玲," + Liancheng.idNumber("19800101", 504) + ",,,是,否,2017-10-09",
                "350825100,城关村,罗文斌," + Liancheng.idNumber("19800101", 505) + ",,,maybe,否,2017-10-09");
        ApiClient township = api.as("township-" + Liancheng.LIANFENG);

        JsonNode outcome = json(township.post("/api/v1/enrolments/batch?region=350825&coverageYear=2018", "text/csv", csv));

        assertThat(outcome.get("accepted").asInt()).isEqualTo(3);
        assertThat(outcome.get("rejected").valueStream().map(r -> r.get("row").asInt()).toList()).containsExactly(4, 5, 6, 7);
        assertThat(outcome.get("rejected").get(0).get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
        assertThat(outcome.get("rejected").get(1).get("errors").get(0).get("message").asString()).contains("more than once");
        assertThat(outcome.get("rejected").get(2).get("errors").get(0).get("field").asString()).isEqualTo("township");
        assertThat(outcome.get("rejected").get(3).get("errors").get(0).get("field").asString()).isEqualTo("hukouLocal");
        assertThat(jdbc.queryForObject("""
                select count(*) from outbox where type = 'PersonEnrolled' and aggregateid = ? and payload::text like '%"STUDENT"%'""",
                Integer.class, Liancheng.personId(second))).isEqualTo(1);
        assertThat(outcome.toString()).doesNotContain(first).doesNotContain(mistyped);

        JsonNode again = json(township.post("/api/v1/enrolments/batch?region=350825&coverageYear=2018", "text/csv", csv));
        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(again.get("rejected").get(0).get("errors").get(0).get("message").asString()).contains("already enrolled");
    }

    @Test
    void aWithdrawnResidentLeavesTheRosterOnceAndTheDeceasedAreNeverEnrolledAgain() {
        String idNumber = Liancheng.idNumber("19400101", 521);
        String personId = json(api.as("bureau").post("/api/v1/enrolments", Liancheng.enrolment(idNumber, Liancheng.LIANFENG)))
                .get("personId").asString();
        String withdrawal = "{\"coverageYear\":2018,\"reason\":\"DECEASED\",\"effectiveDate\":\"2017-11-02\"}";

        assertProblem(api.as("township-" + Liancheng.WENHENG).post("/api/v1/enrolments/" + personId + "/withdrawal", withdrawal), 403);
        JsonNode withdrawn = json(api.as("township-" + Liancheng.LIANFENG).post("/api/v1/enrolments/" + personId + "/withdrawal", withdrawal));
        assertThat(withdrawn.get("withdrawnOn").asString()).isEqualTo("2017-11-02");
        assertThat((String) jdbc.queryForMap("select payload::text as payload from outbox where type = 'PersonWithdrawn' and aggregateid = ?",
                personId).get("payload")).contains("\"reason\":\"DECEASED\"", "\"effectiveDate\":\"2017-11-02\"");

        assertProblem(api.as("bureau").post("/api/v1/enrolments/" + personId + "/withdrawal", withdrawal), 409);
        assertProblem(api.as("bureau").post("/api/v1/enrolments/" + "0".repeat(32) + "/withdrawal", withdrawal), 404);
        HttpResponse<String> badReason = api.as("bureau").post("/api/v1/enrolments/" + personId + "/withdrawal",
                withdrawal.replace("DECEASED", "ASCENDED"));
        assertProblem(badReason, 400);
        assertThat(json(badReason).get("errors").get(0).get("field").asString()).isEqualTo("reason");

        api.as("bureau").put("/api/v1/campaigns/350825/2019", Liancheng.apiExampleJson(2018));
        api.as("bureau").put("/api/v1/campaigns/350825/2019/targets", Liancheng.twoTownshipsJson());
        HttpResponse<String> nextYear = api.as("bureau").post("/api/v1/enrolments",
                Liancheng.enrolment(idNumber, Liancheng.LIANFENG).replace("2018", "2019"));
        assertProblem(nextYear, 422);
        assertThat(nextYear.body()).contains("死亡");
    }

    /**
     * A payment for next year made before the death and applied after the death list (its webhook lost, found by the day's
     * reconciliation) renews the person and ends the renewal on the day of the death, as the other order does: the dead
     * person was registered and stayed so.
     */
    @Test
    void aPaymentMadeBeforeADeathButAppliedAfterTheDeathListEndsTheRenewalOnTheDayOfTheDeath() {
        String region = "350828";
        String township = "350828100";
        campaignsOf(region, township + ",临城镇", 2018);
        assertThat(api.as("bureau").put("/api/v1/campaigns/" + region + "/2019",
                Campaigns.json(Campaigns.renewingOnPayment(Liancheng.apiExample(2019)))).statusCode()).isEqualTo(200);
        assertThat(api.as("bureau").put("/api/v1/campaigns/" + region + "/2019/targets", "text/csv",
                "township,townshipName,target\n" + township + ",临城镇,100\n").statusCode()).isEqualTo(200);
        String idNumber = IdNumbers.of(region, "19400404", 641);
        String personId = Liancheng.personId(idNumber);
        assertThat(api.as("bureau").post("/api/v1/enrolments", enrolmentIn(region, township, idNumber, 2018)).statusCode()).isEqualTo(201);
        JsonNode died = json(api.as("bureau").post("/api/v1/feeds/deaths", "text/csv", "idNumber,date\n" + idNumber + ",2019-01-10\n"));
        assertThat(died.get("withdrawn").asInt()).as("2018 stood until it ended").isZero();

        Instant paidAt = Instant.parse("2018-11-01T02:00:00Z");
        UUID payment = EventTraffic.publishAt(paidAt, new PaymentConfirmed(personId, 2019, region, "V-641", new BigDecimal("180.00"),
                PaymentChannel.WECHAT, paidAt, PaymentSource.RECONCILIATION));
        awaitApplied(payment);

        JsonNode renewed = json(api.as("bureau").get("/api/v1/enrolments/" + personId + "?coverageYear=2019"));
        assertThat(renewed.get("withdrawalReason").asString()).isEqualTo("DECEASED");
        assertThat(renewed.get("withdrawnOn").asString()).isEqualTo("2019-01-10");
        List<String> events = jdbc.queryForList("select type from outbox where aggregateid = ? order by time, created_at", String.class,
                personId);
        assertThat(events.subList(events.size() - 2, events.size())).containsExactly("PersonEnrolled", "PersonWithdrawn");
    }

    /**
     * Yueyang: a baby born on 2024-11-20 and enrolled for 2024 is renewed for 2025 by a payment on 2025-01-15, day 56 of its
     * life, after the period: the newborn's rule (within 90 days, from the birth, 400) as a clerk's enrolment that day would
     * give, not the late enrolee's 400 + 670 and 90 days' wait.
     */
    @Test
    void aBabyRenewedOnPaymentWithinItsNinetyDaysHasTheNewbornsRule() {
        String region = "430696";
        String township = region + "100";
        String targets = "{\"targets\":[{\"township\":\"" + township + "\",\"townshipName\":\"城关镇\",\"target\":10}]}";
        // the year before under the same notice, a year earlier
        assertThat(api.as("bureau").put("/api/v1/campaigns/" + region + "/2024", Campaigns.documented("yueyang-2025.json")
                .replace("2024-", "2023-")).statusCode()).isEqualTo(200);
        assertThat(api.as("bureau").put("/api/v1/campaigns/" + region + "/2025",
                Campaigns.json(Campaigns.renewingOnPayment(Campaigns.documented("yueyang-2025.json", region, 2025)))).statusCode()).isEqualTo(200);
        for (int year : new int[] {2024, 2025}) {
            assertThat(api.as("bureau").put("/api/v1/campaigns/" + region + "/" + year + "/targets", targets).statusCode()).isEqualTo(200);
        }
        String baby = IdNumbers.of(region, "20241120", 51);
        String personId = Liancheng.personId(baby);
        HttpResponse<String> enrolled = api.as("bureau").post("/api/v1/enrolments",
                oneTownshipEnrolment(baby, region, 2024, township, "2024-11-25", null));
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);

        Instant paidAt = Instant.parse("2025-01-15T02:00:00Z");
        awaitApplied(EventTraffic.publishAt(paidAt, new PaymentConfirmed(personId, 2025, region, "V-YY-51", new BigDecimal("400.00"),
                PaymentChannel.WECHAT, paidAt, PaymentSource.WEBHOOK)));

        JsonNode renewed = json(api.as("bureau").get("/api/v1/enrolments/" + personId + "?coverageYear=2025"));
        assertThat(renewed.get("channel").asString()).isEqualTo("ROLLOVER");
        assertThat(renewed.get("coverageRule").get("case").asString()).as(renewed.toString()).isEqualTo("NEWBORN");
        assertThat(renewed.get("coverageStart").asString()).isEqualTo("2025-01-01");
        assertThat(renewed.get("amountRule").asString()).isEqualTo("INDIVIDUAL");
    }

    /** A payment renewing last year's resident of a village this year's campaign no longer lists: registered, and the audit says to correct it. */
    @Test
    void aRenewalOnPaymentInAVillageThisYearsCampaignNoLongerListsSaysToCorrectIt() {
        String region = "350829";
        String township = "350829100";
        campaignsOf(region, township + ",新泉镇", 2018);
        assertThat(api.as("bureau").put("/api/v1/campaigns/" + region + "/2019",
                Campaigns.json(Campaigns.renewingOnPayment(Liancheng.apiExample(2019)))).statusCode()).isEqualTo(200);
        assertThat(api.as("bureau").put("/api/v1/campaigns/" + region + "/2019/targets", "text/csv",
                "unit,unitName,type,parent,target\n" + township + ",新泉镇,TOWNSHIP,,100\n" + township + "001,新泉社区,VILLAGE," + township
                        + ",100\n").statusCode()).isEqualTo(200);
        String idNumber = IdNumbers.of(region, "19660606", 642);
        String personId = Liancheng.personId(idNumber);
        assertThat(api.as("bureau").post("/api/v1/enrolments", enrolmentIn(region, township, idNumber, 2018)).statusCode()).isEqualTo(201);

        Instant paidAt = Instant.parse("2018-11-01T02:00:00Z");
        UUID payment = EventTraffic.publishAt(paidAt, new PaymentConfirmed(personId, 2019, region, "V-642", new BigDecimal("180.00"),
                PaymentChannel.WECHAT, paidAt, PaymentSource.WEBHOOK));
        awaitApplied(payment);

        assertThat(json(api.as("bureau").get("/api/v1/enrolments/" + personId + "?coverageYear=2019")).get("channel").asString())
                .isEqualTo("ROLLOVER");
        assertThat(json(api.as("bureau").get("/api/v1/enrolments/" + personId + "/audit?coverageYear=2019")).valueStream()
                .filter(entry -> entry.get("action").asString().equals("ENROLLED")).map(entry -> entry.get("detail").asString()).toList())
                .singleElement().asString().contains("不在本年度方案该乡镇的村（社区）中，请核对更正");
    }

    /** The tax bureau writes a refund's reason (up to 500 characters at the tax adapter): the audit keeps it whole, no dead letter. */
    @Test
    void aRefundWithALongReasonJoinsTheAudit() {
        String idNumber = Liancheng.idNumber("19720202", 532);
        assertThat(api.as("bureau").post("/api/v1/enrolments", Liancheng.enrolment(idNumber, Liancheng.LIANFENG)).statusCode())
                .isEqualTo(201);
        String personId = Liancheng.personId(idNumber);
        String reason = "经核实重复缴费，".repeat(50);
        EventTraffic.publish(new PaymentRefunded(personId, 2018, "350825", "V-532", "R-532", new BigDecimal("180.00"),
                Instant.parse("2017-11-02T03:00:00Z"), reason));

        assertThat(awaitAudited(personId, "REFUNDED").get("reason").asString()).isEqualTo(reason);
    }

    /**
     * A late enrolee's coverage start, announced once they paid, is taken back when a refund before that day leaves them no
     * longer paid (CoverageRevoked): the roster shows no start and the audit says why. The start replayed from a dead letter
     * after it does not bring it back; the start of their payment anew does.
     */
    @Test
    void aCoverageStartTakenBackAfterARefundIsNotBroughtBackByItsReplay() {
        String region = "430698";
        String township = campaignWithOneTownship("yueyang-2025.json", region, 2025, "城关镇");
        String idNumber = IdNumbers.of(region, "19720404", 536);
        HttpResponse<String> late = api.as("bureau").post("/api/v1/enrolments",
                oneTownshipEnrolment(idNumber, region, 2025, township, "2025-03-01", null));
        assertThat(late.statusCode()).as(late.body()).isEqualTo(201);
        assertThat(json(late).get("coverageStart").isNull()).as("a late enrolee's start waits for the payment").isTrue();
        String personId = Liancheng.personId(idNumber);
        Instant paid = Instant.parse("2025-03-15T02:00:00Z");
        awaitApplied(EventTraffic.publishAt(paid, new CoverageStarted(personId, 2025, region, LocalDate.of(2025, 6, 13))));
        assertThat(coverageStartOf(personId)).isEqualTo("2025-06-13");

        awaitApplied(EventTraffic.publishAt(Instant.parse("2025-05-01T02:00:00Z"),
                new CoverageRevoked(personId, 2025, region, LocalDate.of(2025, 6, 13))));

        assertThat(coverageStartOf(personId)).isNull();
        JsonNode audit = json(api.as("bureau").get("/api/v1/enrolments/" + personId + "/audit?coverageYear=2025"));
        assertThat(audit.valueStream().filter(entry -> entry.get("action").asString().equals("COVERAGE_REVOKED")).toList())
                .singleElement().extracting(entry -> entry.get("detail").asString()).asString().contains("2025-06-13", "撤销");
        awaitApplied(EventTraffic.publishAt(paid, new CoverageStarted(personId, 2025, region, LocalDate.of(2025, 6, 13))));
        assertThat(coverageStartOf(personId)).as("the start replayed after it was taken back").isNull();
        awaitApplied(EventTraffic.publishAt(Instant.parse("2025-05-10T02:00:00Z"),
                new CoverageStarted(personId, 2025, region, LocalDate.of(2025, 8, 8))));
        assertThat(coverageStartOf(personId)).as("paid anew").isEqualTo("2025-08-08");

        // another's revocation went to a dead letter: the start of their payment anew replaces the first, and the revocation
        // replayed after it takes nothing back
        String other = IdNumbers.of(region, "19720404", 537);
        assertThat(api.as("bureau").post("/api/v1/enrolments", oneTownshipEnrolment(other, region, 2025, township, "2025-03-01", null))
                .statusCode()).isEqualTo(201);
        String otherId = Liancheng.personId(other);
        awaitApplied(EventTraffic.publishAt(paid, new CoverageStarted(otherId, 2025, region, LocalDate.of(2025, 6, 13))));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2025-05-10T02:00:00Z"),
                new CoverageStarted(otherId, 2025, region, LocalDate.of(2025, 8, 8))));
        assertThat(coverageStartOf(otherId)).isEqualTo("2025-08-08");
        awaitApplied(EventTraffic.publishAt(Instant.parse("2025-05-01T02:00:00Z"),
                new CoverageRevoked(otherId, 2025, region, LocalDate.of(2025, 6, 13))));
        assertThat(coverageStartOf(otherId)).isEqualTo("2025-08-08");

        // a child moved away and came back, taken in by a welfare institution: the registration knows its own start, which the
        // earlier registration's start arriving late does not replace
        String back = IdNumbers.of(region, "20150606", 538);
        assertThat(api.as("bureau").post("/api/v1/enrolments", oneTownshipEnrolment(back, region, 2025, township, "2025-03-01", null))
                .statusCode()).isEqualTo(201);
        String backId = Liancheng.personId(back);
        awaitApplied(EventTraffic.publishAt(paid, new CoverageStarted(backId, 2025, region, LocalDate.of(2025, 6, 13))));
        assertThat(api.as("bureau").post("/api/v1/enrolments/" + backId + "/withdrawal",
                "{\"coverageYear\":2025,\"reason\":\"MOVED_AWAY\",\"effectiveDate\":\"2025-04-01\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> again = api.as("bureau").post("/api/v1/enrolments", oneTownshipEnrolment(back, region, 2025, township,
                "2025-04-05", "{\"case\":\"WELFARE_INSTITUTION\",\"date\":\"2025-04-05\"}"));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(coverageStartOf(backId)).isEqualTo("2025-04-05");
        awaitApplied(EventTraffic.publishAt(Instant.parse("2025-04-06T02:00:00Z"),
                new CoverageStarted(backId, 2025, region, LocalDate.of(2025, 6, 13))));
        assertThat(coverageStartOf(backId)).isEqualTo("2025-04-05");
    }

    private String coverageStartOf(String personId) {
        JsonNode enrolment = json(api.as("bureau").get("/api/v1/enrolments/" + personId + "?coverageYear=2025"));
        return enrolment.get("coverageStart").isNull() ? null : enrolment.get("coverageStart").asString();
    }

    private void awaitApplied(UUID eventId) {
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("select count(*) from inbox where event_id = ?", Integer.class, eventId) == 1);
    }

    /** An agency's row joins the audit with the finer name the list gave (农转城: EXIT 农村低保, ADD 城镇低保). */
    @Test
    void aCertificationJoinsTheAuditWithTheNameTheListGave() {
        String idNumber = Liancheng.idNumber("19720303", 534);
        assertThat(api.as("bureau").post("/api/v1/enrolments", Liancheng.enrolment(idNumber, Liancheng.LIANFENG)).statusCode())
                .isEqualTo(201);
        String personId = Liancheng.personId(idNumber);
        EventTraffic.publish(new EligibilityAdjusted(personId, 2018, "350825", Agency.CIVIL_AFFAIRS, AssistanceCategory.MINIMUM_LIVING,
                AdjustmentAction.ADD, LocalDate.of(2017, 10, 15), null, "batch-534", Liancheng.LIANFENG, Liancheng.VILLAGE,
                AssistanceSubcategory.URBAN_MINIMUM_LIVING));

        JsonNode certified = awaitAudited(personId, "CERTIFIED");
        assertThat(certified.get("reason").asString()).isEqualTo("MINIMUM_LIVING");
        assertThat(certified.get("detail").asString()).startsWith("动态调整（城镇低保），自2017-10-15起");
    }

    /** The first entry of the person's 2018 audit with this action, once a consumed event has written it. */
    private JsonNode awaitAudited(String personId, String action) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> json(api.as("bureau")
                .get("/api/v1/enrolments/" + personId + "/audit?coverageYear=2018")).valueStream()
                .filter(entry -> entry.get("action").asString().equals(action)).findFirst().orElse(null), found -> found != null);
    }

    /** Issue 9: "A resident withdrawn as MOVED_AWAY by mistake is revoked and counts again"; a death is the bureau's to revoke. */
    @Test
    void aMistakenWithdrawalIsRevokedWithAReasonAnnouncedAgainAndAudited() {
        String personId = enrolledAndWithdrawnAsMovedAway(Liancheng.idNumber("19720202", 531));
        ApiClient clerk = api.as("township-" + Liancheng.LIANFENG);

        assertProblem(clerk.post("/api/v1/enrolments/" + personId + "/withdrawal/revocation", "{\"coverageYear\":2018}"), 400);
        JsonNode revoked = json(clerk.post("/api/v1/enrolments/" + personId + "/withdrawal/revocation",
                "{\"coverageYear\":2018,\"reason\":\"误报外迁，经核实仍在本镇居住\"}"));

        assertThat(revoked.has("withdrawnOn")).isFalse();
        // the enrolment announced again says so, so that no consumer takes it for a registration after the withdrawal
        assertThat(jdbc.queryForList("select coalesce(payload::json ->> 'withdrawalRevoked', '-') from outbox"
                + " where type = 'PersonEnrolled' and aggregateid = ? order by created_at, time", String.class, personId))
                .containsExactly("-", "true");
        assertProblem(clerk.post("/api/v1/enrolments/" + personId + "/withdrawal/revocation",
                "{\"coverageYear\":2018,\"reason\":\"again\"}"), 409);
        JsonNode audit = json(api.as("bureau").get("/api/v1/enrolments/" + personId + "/audit?coverageYear=2018"));
        assertThat(audit.valueStream().map(entry -> entry.get("action").asString()).toList())
                .containsExactly("ENROLLED", "WITHDRAWN", "WITHDRAWAL_REVOKED");
        assertThat(audit.get(2).get("reason").asString()).isEqualTo("误报外迁，经核实仍在本镇居住");
        assertThat(audit.get(2).get("actor").asString()).isEqualTo("township-" + Liancheng.LIANFENG);
        assertProblem(clerk.get("/api/v1/enrolments/" + personId + "/audit?coverageYear=2018"), 403);

        clerk.post("/api/v1/enrolments/" + personId + "/withdrawal", "{\"coverageYear\":2018,\"reason\":\"DECEASED\",\"effectiveDate\":\"2017-11-03\"}");
        assertProblem(clerk.post("/api/v1/enrolments/" + personId + "/withdrawal/revocation",
                "{\"coverageYear\":2018,\"reason\":\"公安更正死亡登记\"}"), 403);
        assertThat(api.as("bureau").post("/api/v1/enrolments/" + personId + "/withdrawal/revocation",
                "{\"coverageYear\":2018,\"reason\":\"公安更正死亡登记\"}").statusCode()).isEqualTo(200);
    }

    /** A move withdrawn by mistake, the death list since: revoking the move would put a dead person back on the levy list. */
    @Test
    void aWithdrawalIsNotRevokedWhileADeathSinceKeepsThePersonOffTheRoster() {
        String idNumber = Liancheng.idNumber("19720202", 533);
        String personId = enrolledAndWithdrawnAsMovedAway(idNumber);
        ApiClient clerk = api.as("township-" + Liancheng.LIANFENG);
        assertThat(json(api.as("bureau").post("/api/v1/feeds/deaths", "text/csv", "idNumber,date\n" + idNumber + ",2018-05-01\n"))
                .get("withdrawn").asInt()).as("withdrawn already").isZero();

        HttpResponse<String> revoked = clerk.post("/api/v1/enrolments/" + personId + "/withdrawal/revocation",
                "{\"coverageYear\":2018,\"reason\":\"误报外迁\"}");

        assertProblem(revoked, 422);
        assertThat(revoked.body()).contains("2018-05-01").doesNotContain(idNumber);
        assertThat(json(api.as("bureau").get("/api/v1/enrolments/" + personId + "?coverageYear=2018")).get("withdrawnOn").asString())
                .isEqualTo("2017-11-02");
        assertThat(jdbc.queryForObject("select count(*) from outbox where type = 'PersonEnrolled' and aggregateid = ?", Integer.class, personId))
                .isOne();

        // a death of a later year leaves this one standing: the person lived through 2018
        String diedLater = Liancheng.idNumber("19720202", 534);
        String laterId = enrolledAndWithdrawnAsMovedAway(diedLater);
        api.as("bureau").post("/api/v1/feeds/deaths", "text/csv", "idNumber,date\n" + diedLater + ",2019-03-01\n");
        assertThat(clerk.post("/api/v1/enrolments/" + laterId + "/withdrawal/revocation", "{\"coverageYear\":2018,\"reason\":\"误报外迁\"}")
                .statusCode()).isEqualTo(200);
    }

    /**
     * A clerk's move withdrawn by mistake, and the other-region list since (enrolled in another county from December):
     * revoking the clerk's withdrawal does not lift the list's fact, which withdrew nobody, so the person stays off.
     */
    @Test
    void revokingAClerksWithdrawalLeavesTheListsFactOfAnotherDateStanding() {
        String idNumber = Liancheng.idNumber("19720202", 535);
        String personId = enrolledAndWithdrawnAsMovedAway(idNumber);
        assertThat(json(api.as("bureau").post("/api/v1/feeds/other-region?coverageYear=2018", "text/csv",
                "idNumber,date\n" + idNumber + ",2017-12-01\n")).get("withdrawn").asInt()).as("withdrawn already").isZero();

        HttpResponse<String> revoked = api.as("township-" + Liancheng.LIANFENG).post("/api/v1/enrolments/" + personId
                + "/withdrawal/revocation", "{\"coverageYear\":2018,\"reason\":\"误报外迁\"}");

        assertProblem(revoked, 422);
        assertThat(jdbc.queryForObject("select count(*) from exclusion where person_id = ? and revoked_at is null", Integer.class, personId))
                .isOne();
        assertThat(json(api.as("bureau").get("/api/v1/enrolments/" + personId + "?coverageYear=2018")).get("withdrawnOn").asString())
                .isEqualTo("2017-11-02");
    }

    /**
     * Where the campaign assesses a township's villages, a village is one of them (API.md: matched by its parent and
     * name): 东村村委会 for 东村 counted the person for no village. A township without villages takes any. Schools alike.
     */
    @Test
    void aVillageOrASchoolIsOneOfTheCampaignsWhereTheCampaignGivesThem() {
        String region = "350881";
        assertThat(api.as("bureau").put("/api/v1/campaigns/" + region + "/2018", Liancheng.apiExampleJson(2018)).statusCode()).isEqualTo(200);
        assertThat(api.as("bureau").put("/api/v1/campaigns/" + region + "/2018/targets", "text/csv", """
                unit,unitName,type,parent,target
                350881100,东镇,TOWNSHIP,,100
                350881100001,东村,VILLAGE,350881100,50
                350881100002,西村,VILLAGE,350881100,50
                350881100901,东镇小学,SCHOOL,350881100,20
                350881101,南镇,TOWNSHIP,,100
                350881101901,南镇小学,SCHOOL,350881101,20
                """).statusCode()).isEqualTo(200);
        String idNumber = IdNumbers.of(region, "19720303", 651);

        HttpResponse<String> misspelt = api.as("bureau").post("/api/v1/enrolments",
                enrolmentIn(region, "350881100", idNumber, 2018).replace("城关村", "东村村委会"));
        assertProblem(misspelt, 400);
        assertThat(json(misspelt).get("errors").get(0).get("field").asString()).isEqualTo("village");
        assertThat(json(misspelt).get("errors").get(0).get("message").asString()).contains("东村、西村");
        HttpResponse<String> enrolled = api.as("bureau").post("/api/v1/enrolments",
                enrolmentIn(region, "350881100", idNumber, 2018).replace("城关村", "东村"));
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        assertThat(api.as("bureau").post("/api/v1/enrolments", enrolmentIn(region, "350881101", IdNumbers.of(region, "19720303", 652), 2018))
                .statusCode()).as("a township without villages").isEqualTo(201);

        String person = "/api/v1/enrolments/" + Liancheng.personId(idNumber) + "?coverageYear=2018";
        assertProblem(api.as("bureau").patch(person, "{\"village\":\"西村村委会\"}"), 400);
        assertThat(api.as("bureau").patch(person, "{\"village\":\"西村\"}").statusCode()).isEqualTo(200);

        // where the campaign assesses schools, a school is one of them too
        String pupil = IdNumbers.of(region, "20100303", 653);
        String atSchool = enrolmentIn(region, "350881101", pupil, 2018).replace("\"village\":\"城关村\"",
                "\"village\":\"城关村\",\"school\":\"南镇中学\"");
        HttpResponse<String> unknownSchool = api.as("bureau").post("/api/v1/enrolments", atSchool);
        assertProblem(unknownSchool, 400);
        assertThat(json(unknownSchool).get("errors").get(0).get("field").asString()).isEqualTo("school");
        assertThat(json(unknownSchool).get("errors").get(0).get("message").asString()).contains("南镇小学");
        assertThat(api.as("bureau").post("/api/v1/enrolments", atSchool.replace("南镇中学", "南镇小学")).statusCode()).isEqualTo(201);
        assertProblem(api.as("bureau").patch("/api/v1/enrolments/" + Liancheng.personId(pupil) + "?coverageYear=2018",
                "{\"school\":\"南镇中学\"}"), 400);

        // 附件4 as a school fills it in: the school's name for the township, the class for the village; no village check
        JsonNode fromTheForm = json(api.as("bureau").post("/api/v1/enrolments/batch?region=" + region + "&coverageYear=2018", "text/csv",
                "township,village,name,idNumber,phone,personCategory,hukouLocal,residencePermit,enrolledOn\n"
                        + "东镇小学,三年级二班,王小明," + IdNumbers.of(region, "20100404", 654) + ",,,true,false,2017-10-09\n"));
        assertThat(fromTheForm.get("accepted").asInt()).as(fromTheForm.toString()).isOne();
        // the class corrected as the form's pupil was listed: no village to check, as at enrolment
        HttpResponse<String> classCorrected = api.as("bureau").patch("/api/v1/enrolments/"
                + Liancheng.personId(IdNumbers.of(region, "20100404", 654)) + "?coverageYear=2018", "{\"village\":\"三年级一班\"}");
        assertThat(classCorrected.statusCode()).as(classCorrected.body()).isEqualTo(200);
    }

    /** A clerk's PATCH to 未成年人 of a baby born after the period opened leaves it the newborn it is, as its enrolment did. */
    @Test
    void aBabyPatchedToMinorStaysANewborn() {
        String baby = Liancheng.idNumber("20180201", 655);
        HttpResponse<String> enrolled = api.as("bureau").post("/api/v1/enrolments",
                Liancheng.enrolment(baby, Liancheng.LIANFENG).replace("2017-10-09", "2018-02-20"));
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        String person = "/api/v1/enrolments/" + Liancheng.personId(baby) + "?coverageYear=2018";

        assertThat(api.as("bureau").patch(person, "{\"personCategory\":\"MINOR\"}").statusCode()).isEqualTo(200);

        assertThat(json(api.as("bureau").get(person)).get("personCategory").asString()).isEqualTo("NEWBORN");
    }

    /** 人社's list withdrew a resident who joined employee insurance: the township cannot undo it, the bureau can. */
    @Test
    void aWithdrawalAnAgencysListMadeIsTheBureausToRevoke() {
        String idNumber = Liancheng.idNumber("19720202", 536);
        String personId = json(api.as("bureau").post("/api/v1/enrolments", Liancheng.enrolment(idNumber, Liancheng.LIANFENG)))
                .get("personId").asString();
        assertThat(json(api.as("bureau").post("/api/v1/feeds/employee-insurance?coverageYear=2018", "text/csv",
                "idNumber,date\n" + idNumber + ",2017-12-01\n")).get("withdrawn").asInt()).isOne();
        String revocation = "{\"coverageYear\":2018,\"reason\":\"未参加职工医保\"}";

        assertProblem(api.as("township-" + Liancheng.LIANFENG).post("/api/v1/enrolments/" + personId + "/withdrawal/revocation", revocation),
                403);
        assertThat(api.as("bureau").post("/api/v1/enrolments/" + personId + "/withdrawal/revocation", revocation).statusCode()).isEqualTo(200);
    }

    /**
     * A death on the police's list, found wrong and revoked by the bureau, refuses no later enrolment, and the
     * same list sent again withdraws nobody; a new date of death is a new fact. In 武平 (350824), alone there.
     */
    @Test
    void aRevokedDeathRefusesNoLaterEnrolmentAndTheSameListSentAgainWithdrawsNobody() {
        String region = "350824";
        campaignsOf2018And2019(region, "350824100,平川镇");
        String idNumber = IdNumbers.of(region, "19500505", 3);
        String personId = Liancheng.personId(idNumber);
        String in2018 = enrolmentIn(region, "350824100", idNumber, 2018);
        String in2019 = enrolmentIn(region, "350824100", idNumber, 2019);
        assertThat(api.as("bureau").post("/api/v1/enrolments", in2018).statusCode()).isEqualTo(201);
        String deathList = "idNumber,date\n" + idNumber + ",2018-03-01\n";
        assertThat(json(api.as("bureau").post("/api/v1/feeds/deaths", "text/csv", deathList)).get("withdrawn").asInt()).isEqualTo(1);
        HttpResponse<String> refused = api.as("bureau").post("/api/v1/enrolments", in2019);
        assertProblem(refused, 422);
        assertThat(refused.body()).contains("死亡");

        assertThat(api.as("bureau").post("/api/v1/enrolments/" + personId + "/withdrawal/revocation",
                "{\"coverageYear\":2018,\"reason\":\"公安更正死亡登记\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> enrolled = api.as("bureau").post("/api/v1/enrolments", in2019);
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);

        JsonNode sentAgain = json(api.as("bureau").post("/api/v1/feeds/deaths", "text/csv", deathList));
        assertThat(sentAgain.get("withdrawn").asInt()).isZero();
        assertThat(sentAgain.get("kept").asInt()).isEqualTo(1);
        for (int year : List.of(2018, 2019)) {
            assertThat(json(api.as("bureau").get("/api/v1/enrolments/" + personId + "?coverageYear=" + year)).has("withdrawnOn")).isFalse();
        }
        JsonNode died = json(api.as("bureau").post("/api/v1/feeds/deaths", "text/csv", "idNumber,date\n" + idNumber + ",2019-06-01\n"));
        assertThat(died.get("withdrawn").asInt()).as("2019 only: 2018 stood until it ended").isEqualTo(1);
        assertThat(json(api.as("bureau").get("/api/v1/enrolments/" + personId + "?coverageYear=2018")).has("withdrawnOn")).isFalse();
    }

    /**
     * A death the bureau records by hand on the 2019 enrolment (died in December 2018) ends the 2018 one too, as the death
     * list would, and revoking it restores both; a withdrawal dated beyond its year (2205 for 2025) is refused. In 永定
     * (350822), alone there.
     */
    @Test
    void aDeathRecordedByHandEndsTheLaterYearsTooAndItsRevocationRestoresThem() {
        String region = "350822";
        campaignsOf2018And2019(region, "350822100,凤城镇");
        String idNumber = IdNumbers.of(region, "19500606", 5);
        String personId = Liancheng.personId(idNumber);
        String in2018 = enrolmentIn(region, "350822100", idNumber, 2018);
        assertThat(api.as("bureau").post("/api/v1/enrolments", in2018).statusCode()).isEqualTo(201);
        assertThat(api.as("bureau").post("/api/v1/enrolments", enrolmentIn(region, "350822100", idNumber, 2019)).statusCode()).isEqualTo(201);
        String withdrawal = "/api/v1/enrolments/" + personId + "/withdrawal";

        HttpResponse<String> typo = api.as("bureau").post(withdrawal, "{\"coverageYear\":2019,\"reason\":\"DECEASED\",\"effectiveDate\":\"2205-03-01\"}");
        assertProblem(typo, 400);
        assertThat(typo.body()).contains("effectiveDate");
        assertThat(api.as("bureau").post(withdrawal, "{\"coverageYear\":2019,\"reason\":\"DECEASED\",\"effectiveDate\":\"2018-12-20\"}")
                .statusCode()).isEqualTo(200);

        for (int year : List.of(2018, 2019)) {
            assertThat(json(api.as("bureau").get("/api/v1/enrolments/" + personId + "?coverageYear=" + year)).get("withdrawnOn").asString())
                    .as("year %d", year).isEqualTo("2018-12-20");
        }
        assertThat(api.as("bureau").post(withdrawal + "/revocation", "{\"coverageYear\":2019,\"reason\":\"公安更正死亡登记\"}").statusCode())
                .isEqualTo(200);
        for (int year : List.of(2018, 2019)) {
            assertThat(json(api.as("bureau").get("/api/v1/enrolments/" + personId + "?coverageYear=" + year)).has("withdrawnOn"))
                    .as("year %d", year).isFalse();
        }
    }

    /** A clerk holding the resident's ID card finds the enrolment and its personId, for the calls that take it. */
    @Test
    void aClerkLooksAResidentUpByIdNumberInTheBodyOfTheirOwnTownshipOnly() {
        String idNumber = Liancheng.idNumber("19770707", 551);
        assertThat(api.as("bureau").post("/api/v1/enrolments", Liancheng.enrolment(idNumber, Liancheng.LIANFENG)).statusCode()).isEqualTo(201);
        String lookup = "{\"idNumber\":\"" + idNumber + "\",\"coverageYear\":2018}";

        HttpResponse<String> found = api.as("township-" + Liancheng.LIANFENG).post("/api/v1/enrolments/lookup", lookup);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(json(found).get("personId").asString()).isEqualTo(Liancheng.personId(idNumber));
        assertThat(json(found).get("township").asString()).isEqualTo(Liancheng.LIANFENG);
        assertThat(found.body()).doesNotContain(idNumber);

        assertProblem(api.as("township-" + Liancheng.WENHENG).post("/api/v1/enrolments/lookup", lookup), 403);
        assertProblem(api.as("viewer").post("/api/v1/enrolments/lookup", lookup), 403);
        assertProblem(api.as("bureau").post("/api/v1/enrolments/lookup", lookup.replace("2018", "2017")), 404);
        HttpResponse<String> bad = api.as("bureau").post("/api/v1/enrolments/lookup",
                "{\"idNumber\":\"" + IdNumbers.withWrongCheckCharacter(idNumber) + "\"}");
        assertProblem(bad, 400);
        assertThat(json(bad).get("errors").valueStream().map(error -> error.get("field").asString()).toList())
                .containsExactly("idNumber", "coverageYear");
    }

    @Test
    void aResidentWhoMovedAwayOrJoinedEmployeeInsuranceMayEnrolAgainButNotAfterADuplicate() {
        String idNumber = Liancheng.idNumber("19730303", 532);
        String personId = json(api.as("bureau").post("/api/v1/enrolments", Liancheng.enrolment(idNumber, Liancheng.LIANFENG)))
                .get("personId").asString();
        api.as("bureau").post("/api/v1/enrolments/" + personId + "/withdrawal",
                "{\"coverageYear\":2018,\"reason\":\"EMPLOYEE_INSURANCE\",\"effectiveDate\":\"2017-11-02\"}");
        HttpResponse<String> again = api.as("bureau").post("/api/v1/enrolments", Liancheng.enrolment(idNumber, Liancheng.WENHENG));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        JsonNode view = json(api.as("bureau").get("/api/v1/enrolments/" + personId + "?coverageYear=2018"));
        assertThat(view.get("township").asString()).isEqualTo(Liancheng.WENHENG);
        assertThat(view.has("withdrawnOn")).isFalse();

        api.as("bureau").post("/api/v1/enrolments/" + personId + "/withdrawal",
                "{\"coverageYear\":2018,\"reason\":\"DUPLICATE\",\"effectiveDate\":\"2017-11-05\"}");
        assertProblem(api.as("bureau").post("/api/v1/enrolments", Liancheng.enrolment(idNumber, Liancheng.LIANFENG)), 409);
    }

    /**
     * A township sends its list again (the same rows, a week on): someone withdrawn since as moved away or in employee
     * insurance stays withdrawn, and the row says why; a row dated after the withdrawal is the person's return.
     */
    @Test
    void aListSentAgainDoesNotPutBackThoseWithdrawnSinceButARowDatedAfterTheWithdrawalDoes() {
        String movedAway = Liancheng.idNumber("19720404", 541);
        String employed = Liancheng.idNumber("19720404", 542);
        String list = "[" + Liancheng.enrolment(movedAway, Liancheng.LIANFENG) + "," + Liancheng.enrolment(employed, Liancheng.LIANFENG) + "]";
        assertThat(json(api.as("bureau").post("/api/v1/enrolments/batch", list)).get("accepted").asInt()).isEqualTo(2);
        for (String[] withdrawal : List.of(new String[] {movedAway, "MOVED_AWAY"}, new String[] {employed, "EMPLOYEE_INSURANCE"})) {
            assertThat(api.as("township-" + Liancheng.LIANFENG).post("/api/v1/enrolments/" + Liancheng.personId(withdrawal[0]) + "/withdrawal",
                    "{\"coverageYear\":2018,\"reason\":\"" + withdrawal[1] + "\",\"effectiveDate\":\"2017-11-02\"}").statusCode())
                    .isEqualTo(200);
        }

        JsonNode again = json(api.as("township-" + Liancheng.LIANFENG).post("/api/v1/enrolments/batch", list));

        assertThat(again.get("accepted").asInt()).isZero();
        assertThat(again.get("rejected").valueStream().map(rejection -> rejection.get("errors").get(0).get("field").asString()).toList())
                .containsExactly("enrolledOn", "enrolledOn");
        assertThat(again.get("rejected").get(0).toString()).contains("2017-11-02", "MOVED_AWAY").doesNotContain(movedAway);
        assertThat(jdbc.queryForList("select withdrawal_reason from enrolment where person_id in (?, ?) order by withdrawal_reason",
                String.class, Liancheng.personId(movedAway), Liancheng.personId(employed))).containsExactly("EMPLOYEE_INSURANCE", "MOVED_AWAY");

        HttpResponse<String> twice = api.as("township-" + Liancheng.LIANFENG).post("/api/v1/enrolments/batch",
                "[" + Liancheng.enrolment(movedAway, Liancheng.LIANFENG) + "," + Liancheng.enrolment(movedAway, Liancheng.LIANFENG) + "]");
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(200);
        assertThat(json(twice).get("rejected")).hasSize(2);

        JsonNode back = json(api.as("township-" + Liancheng.LIANFENG).post("/api/v1/enrolments/batch",
                "[" + Liancheng.enrolment(movedAway, Liancheng.LIANFENG).replace("2017-10-09", "2017-11-20") + "]"));
        assertThat(back.get("accepted").asInt()).as(back.toString()).isEqualTo(1);
        assertThat(json(api.as("bureau").get("/api/v1/enrolments/" + Liancheng.personId(movedAway) + "?coverageYear=2018"))
                .get("enrolledOn").asString()).isEqualTo("2017-11-20");
    }

    /** Issue 9: "A death list of 10,000 rows (half enrolled) is applied in one call; report its time". */
    @Test
    void aDeathListOfTenThousandRowsIsAppliedInOneCallAndBlocksLaterEnrolments() {
        List<String> enrolled = new ArrayList<>();
        StringBuilder deaths = new StringBuilder("idNumber,name,date\r\n");
        for (int n = 0; n < 10_000; n++) {
            String idNumber = IdNumbers.of(Liancheng.REGION, LocalDate.of(1930, 1, 1).plusDays(n / 900), n % 900 + 100);
            deaths.append(idNumber).append(",某某,2018-03-0").append(1 + n % 9).append("\r\n");
            if (n % 2 == 0) {
                enrolled.add(idNumber);
            }
        }
        HttpResponse<String> enrolledList = api.as("bureau").post("/api/v1/enrolments/batch", "application/json",
                "[" + String.join(",", enrolled.stream().map(id -> Liancheng.enrolment(id, Liancheng.LIANFENG)).toList()) + "]");
        assertThat(json(enrolledList).get("accepted").asInt()).as(enrolledList.body()).isEqualTo(5_000);

        long started = System.nanoTime();
        HttpResponse<String> applied = api.as("bureau").post("/api/v1/feeds/deaths", "text/csv", deaths.toString());
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        JsonNode outcome = json(applied);
        assertThat(outcome.get("rows").asInt()).isEqualTo(10_000);
        assertThat(outcome.get("withdrawn").asInt()).isEqualTo(5_000);
        assertThat(outcome.get("kept").asInt()).isEqualTo(10_000);
        System.out.printf("[death list] 10,000 rows (5,000 enrolled) applied in one call in %d ms%n", millis);
        HttpResponse<String> late = api.as("bureau").post("/api/v1/enrolments",
                Liancheng.enrolment(IdNumbers.of(Liancheng.REGION, LocalDate.of(1930, 1, 1), 101), Liancheng.LIANFENG));
        assertProblem(late, 422);
        assertThat(late.body()).contains("死亡");
        assertProblem(api.as("township-" + Liancheng.LIANFENG).post("/api/v1/feeds/deaths", "text/csv", deaths.substring(0, 200)), 403);
    }

    /**
     * Issue 9: "a bureau call rolls the whole roster over ... both idempotent". In 长汀 (350821), so that no other test's
     * residents roll. Into next year, whose period is open or still to come whatever day the test runs: a roll-over into a
     * year no payment made now could start coverage in registers nobody (below).
     */
    @Test
    void theBureauRollsLastYearsRosterOverOnceAndTheDeadStayOut() {
        String region = "350821";
        int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        campaignsOf(region, "350821100,汀州镇", thisYear, thisYear + 1);
        String returning = IdNumbers.of(region, "19800808", 1);
        String dead = IdNumbers.of(region, "19300303", 2);
        for (String idNumber : List.of(returning, dead)) {
            HttpResponse<String> enrolled = api.as("bureau").post("/api/v1/enrolments", Liancheng.enrolment(idNumber, "350821100")
                    .replace("\"region\":\"350825\"", "\"region\":\"" + region + "\"").replace("\"coverageYear\":2018", "\"coverageYear\":" + thisYear)
                    .replace("2017-10-09", (thisYear - 1) + "-10-09"));
            assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        }
        assertThat(api.as("bureau").post("/api/v1/feeds/deaths", "text/csv", "idNumber,date\n" + dead + "," + (thisYear - 1) + "-12-01\n")
                .statusCode()).isEqualTo(200);

        JsonNode first = json(api.as("bureau").post("/api/v1/enrolments/rollover?region=" + region + "&coverageYear=" + (thisYear + 1), "{}"));
        JsonNode second = json(api.as("bureau").post("/api/v1/enrolments/rollover?region=" + region + "&coverageYear=" + (thisYear + 1), "{}"));

        assertThat(first.get("registered").asInt()).isEqualTo(1);
        assertThat(second.get("registered").asInt()).isZero();
        JsonNode renewed = json(api.as("bureau").get("/api/v1/enrolments/" + Liancheng.personId(returning) + "?coverageYear=" + (thisYear + 1)));
        assertThat(renewed.get("channel").asString()).isEqualTo("ROLLOVER");
        assertThat(renewed.get("township").asString()).isEqualTo("350821100");
        assertProblem(api.as("bureau").get("/api/v1/enrolments/" + Liancheng.personId(dead) + "?coverageYear=" + (thisYear + 1)), 404);
        assertProblem(api.as("township-350821100").post("/api/v1/enrolments/rollover?region=" + region + "&coverageYear=" + (thisYear + 1), "{}"),
                403);
    }

    /**
     * A village renamed or merged since last year (村改居), or a whole township (撤乡并镇): the roll-over still registers
     * their returning residents, as they belong on the levy and unpaid lists, and names them for a clerk to correct, with a
     * line in their audit; a pupil, whose 村/社区/班级 cell is the class, is not among the villages. In a county of its own
     * (350804), so that no other test's residents roll.
     */
    @Test
    void aRollOverNamesTheRenewalsWhoseVillageOrTownshipThisYearsCampaignNoLongerLists() {
        String region = "350804";
        String township = "350804100";
        String mergedAway = "350804102";
        int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        campaignsOf(region, township + ",凤城镇,100\n" + mergedAway + ",旧乡", thisYear);
        assertThat(api.as("bureau").put("/api/v1/campaigns/" + region + "/" + (thisYear + 1), Liancheng.apiExampleJson(thisYear + 1))
                .statusCode()).isEqualTo(200);
        HttpResponse<String> targets = api.as("bureau").put("/api/v1/campaigns/" + region + "/" + (thisYear + 1) + "/targets", "text/csv",
                "unit,unitName,type,parent,target\n" + township + ",凤城镇,TOWNSHIP,,100\n" + township + "001,凤城社区,VILLAGE," + township
                        + ",60\n" + township + "002,东村,VILLAGE," + township + ",40\n");
        assertThat(targets.statusCode()).as(targets.body()).isEqualTo(200);
        String fromTheMergedVillage = IdNumbers.of(region, "19800808", 4);
        String fromAListedOne = IdNumbers.of(region, "19810909", 5);
        String pupil = IdNumbers.of(region, "20150505", 6);
        for (String[] resident : List.of(new String[] {fromTheMergedVillage, "\"village\":\"城关村\""},
                new String[] {fromAListedOne, "\"village\":\"东村\""},
                new String[] {pupil, "\"village\":\"三年级二班\",\"school\":\"凤城小学\",\"personCategory\":\"STUDENT\""})) {
            HttpResponse<String> enrolled = api.as("bureau").post("/api/v1/enrolments",
                    enrolmentIn(region, township, resident[0], thisYear).replace("\"village\":\"城关村\"", resident[1]));
            assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        }
        String fromTheMergedTownship = IdNumbers.of(region, "19820101", 7);
        HttpResponse<String> enrolledThere = api.as("bureau").post("/api/v1/enrolments", enrolmentIn(region, mergedAway, fromTheMergedTownship,
                thisYear));
        assertThat(enrolledThere.statusCode()).as(enrolledThere.body()).isEqualTo(201);

        JsonNode rolled = json(api.as("bureau").post("/api/v1/enrolments/rollover?region=" + region + "&coverageYear=" + (thisYear + 1), "{}"));
        JsonNode again = json(api.as("bureau").post("/api/v1/enrolments/rollover?region=" + region + "&coverageYear=" + (thisYear + 1), "{}"));

        assertThat(rolled.get("registered").asInt()).isEqualTo(4);
        assertThat(rolled.get("villagesToCheck").valueStream().map(toCheck -> toCheck.get("personId").asString() + " "
                + toCheck.get("township").asString() + " " + toCheck.get("village").asString()).toList())
                .containsExactly(Liancheng.personId(fromTheMergedVillage) + " " + township + " 城关村");
        assertThat(rolled.get("townshipsToCheck").valueStream().map(toCheck -> toCheck.get("personId").asString() + " "
                + toCheck.get("township").asString()).toList())
                .containsExactly(Liancheng.personId(fromTheMergedTownship) + " " + mergedAway);
        assertThat(again.get("registered").asInt()).isZero();
        assertThat(again.get("villagesToCheck")).isEmpty();
        assertThat(again.get("townshipsToCheck")).isEmpty();
        JsonNode audit = json(api.as("bureau").get("/api/v1/enrolments/" + Liancheng.personId(fromTheMergedVillage) + "/audit?coverageYear="
                + (thisYear + 1)));
        assertThat(audit.get(0).get("detail").asString()).contains("不在本年度方案该乡镇的村（社区）中，请核对更正");
        assertThat(json(api.as("bureau").get("/api/v1/enrolments/" + Liancheng.personId(fromTheMergedTownship) + "/audit?coverageYear="
                + (thisYear + 1))).get(0).get("detail").asString()).contains("上年度乡镇不在本年度方案的乡镇中");
        for (String listed : List.of(fromAListedOne, pupil)) {
            assertThat(json(api.as("bureau").get("/api/v1/enrolments/" + Liancheng.personId(listed) + "/audit?coverageYear=" + (thisYear + 1)))
                    .get(0).get("detail").asString()).doesNotContain("请核对更正");
        }

        // the list to correct, as the township's clerk reads it at any time, until the village is corrected
        String toCorrect = "/api/v1/enrolments/villages-to-check?region=" + region + "&coverageYear=" + (thisYear + 1);
        JsonNode listed = json(api.as("township-" + township).get(toCorrect));
        assertThat(listed.get("people").valueStream().map(person -> person.get("personId").asString() + " "
                + person.get("idNumberMasked").asString() + " " + person.get("township").asString() + " " + person.get("village").asString())
                .toList()).containsExactly(Liancheng.personId(fromTheMergedVillage) + " " + PersonIds.maskIdNumber(fromTheMergedVillage) + " "
                        + township + " 城关村");
        JsonNode forTheBureau = json(api.as("bureau").get(toCorrect));
        assertThat(forTheBureau.get("people").valueStream().map(person -> person.get("personId").asString() + " "
                + person.get("toCheck").asString()).toList()).containsExactly(Liancheng.personId(fromTheMergedTownship) + " TOWNSHIP",
                        Liancheng.personId(fromTheMergedVillage) + " VILLAGE");
        assertThat(forTheBureau.get("townshipsNotInCampaign").valueStream().map(JsonNode::asString).toList()).containsExactly(mergedAway);
        assertThat(json(api.as("township-" + mergedAway).get(toCorrect)).get("people").valueStream()
                .map(person -> person.get("personId").asString()).toList()).containsExactly(Liancheng.personId(fromTheMergedTownship));
        assertProblem(api.as("township-350804101").get(toCorrect + "&township=" + township), 403);
        assertThat(json(api.as("township-350804101").get(toCorrect)).get("people")).isEmpty();
        HttpResponse<String> corrected = api.as("township-" + township).patch("/api/v1/enrolments/"
                + Liancheng.personId(fromTheMergedVillage) + "?coverageYear=" + (thisYear + 1), "{\"village\":\"凤城社区\"}");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        HttpResponse<String> moved = api.as("bureau").patch("/api/v1/enrolments/" + Liancheng.personId(fromTheMergedTownship) + "?coverageYear="
                + (thisYear + 1), "{\"township\":\"" + township + "\",\"village\":\"东村\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json(api.as("bureau").get(toCorrect)).get("people")).isEmpty();
    }

    /** A roll-over run into a year already over (2019, run today) would ask last year's residents to pay for nothing. */
    @Test
    void aRollOverTooLateForAnyCoverageWithinTheYearRegistersNobody() {
        String region = "350827";
        campaignsOf(region, "350827100,上杭镇", 2018, 2019);
        String returning = IdNumbers.of(region, "19800808", 3);
        assertThat(api.as("bureau").post("/api/v1/enrolments", Liancheng.enrolment(returning, "350827100")
                .replace("\"region\":\"350825\"", "\"region\":\"" + region + "\"")).statusCode()).isEqualTo(201);

        JsonNode rolled = json(api.as("bureau").post("/api/v1/enrolments/rollover?region=" + region + "&coverageYear=2019", "{}"));

        assertThat(rolled.get("registered").asInt()).isZero();
        assertThat(rolled.get("refused").asInt()).isOne();
        assertProblem(api.as("bureau").get("/api/v1/enrolments/" + Liancheng.personId(returning) + "?coverageYear=2019"), 404);
    }

    /** API.md additions: e-voucher activations (医保电子凭证激活), JSON or CSV, the enrolment batch's answer. */
    @Test
    void eVoucherActivationsAreKeptOnceAndAnnouncedForThePersonsEnrolment() {
        String resident = Liancheng.idNumber("19770707", 541);
        String personId = json(api.as("bureau").post("/api/v1/enrolments", Liancheng.enrolment(resident, Liancheng.LIANFENG)))
                .get("personId").asString();
        String notYetListed = Liancheng.idNumber("19770707", 542);

        JsonNode outcome = json(api.as("bureau").post("/api/v1/e-voucher-activations",
                "{\"activations\":[{\"idNumber\":\"" + resident + "\",\"activatedOn\":\"2017-11-20\"},"
                        + "{\"idNumber\":\"" + notYetListed + "\",\"activatedOn\":\"2017-11-21\"},{\"idNumber\":\"x\",\"activatedOn\":\"soon\"}]}"));
        assertThat(outcome.get("accepted").asInt()).isEqualTo(2);
        assertThat(outcome.get("notYetEnrolled").asInt()).isEqualTo(1);
        assertThat(outcome.get("rejected").valueStream().map(rejection -> rejection.get("row").asInt()).toList()).containsExactly(3);
        HttpResponse<String> again = api.as("bureau").post("/api/v1/e-voucher-activations", "text/csv",
                "idNumber,activatedOn\n" + resident + ",2017-11-25\n" + resident + ",2017-11-26\n");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again).get("rejected").valueStream().map(rejection -> rejection.get("row").asInt()).toList())
                .as("every row answered: the second of one person is the list's mistake").containsExactly(2);
        assertThat(announcedActivations(personId)).singleElement()
                .satisfies(payload -> assertThat(payload).contains("\"activatedOn\":\"2017-11-20\"").doesNotContain(resident));
        assertThat(announcedActivations(Liancheng.personId(notYetListed))).as("kept until the township lists the person").isEmpty();

        HttpResponse<String> listed = api.as("township-" + Liancheng.LIANFENG).post("/api/v1/enrolments/batch?region=" + Liancheng.REGION
                + "&coverageYear=2018", "text/csv", "township,village,name,idNumber,phone,personCategory,hukouLocal,residencePermit,enrolledOn\n"
                + Liancheng.LIANFENG + "," + Liancheng.VILLAGE + ",张三," + notYetListed + ",,,true,false,2017-10-09\n");
        assertThat(json(listed).get("accepted").asInt()).as(listed.body()).isEqualTo(1);
        assertThat(announcedActivations(Liancheng.personId(notYetListed))).singleElement().satisfies(payload -> assertThat(payload)
                .contains("\"activatedOn\":\"2017-11-21\"", "\"coverageYear\":2018").doesNotContain(notYetListed));
        assertProblem(api.as("township-" + Liancheng.LIANFENG).post("/api/v1/e-voucher-activations",
                "{\"activations\":[{\"idNumber\":\"" + resident + "\",\"activatedOn\":\"2017-11-20\"}]}"), 403);
    }

    /** An activation kept while the person's only enrolment stood withdrawn counts once the withdrawal is revoked. */
    @Test
    void anActivationKeptWhileWithdrawnIsAnnouncedWhenTheWithdrawalIsRevoked() {
        String resident = Liancheng.idNumber("19770707", 543);
        String personId = json(api.as("bureau").post("/api/v1/enrolments", Liancheng.enrolment(resident, Liancheng.LIANFENG)))
                .get("personId").asString();
        ApiClient clerk = api.as("township-" + Liancheng.LIANFENG);
        clerk.post("/api/v1/enrolments/" + personId + "/withdrawal", "{\"coverageYear\":2018,\"reason\":\"MOVED_AWAY\",\"effectiveDate\":\"2017-11-02\"}");

        JsonNode kept = json(api.as("bureau").post("/api/v1/e-voucher-activations", "text/csv", "idNumber,activatedOn\n" + resident + ",2017-11-20\n"));
        assertThat(kept.get("notYetEnrolled").asInt()).isEqualTo(1);
        assertThat(announcedActivations(personId)).isEmpty();

        json(clerk.post("/api/v1/enrolments/" + personId + "/withdrawal/revocation", "{\"coverageYear\":2018,\"reason\":\"误报外迁\"}"));

        assertThat(announcedActivations(personId)).singleElement().satisfies(payload -> assertThat(payload)
                .contains("\"activatedOn\":\"2017-11-20\"", "\"coverageYear\":2018"));
        json(api.as("bureau").post("/api/v1/e-voucher-activations", "text/csv", "idNumber,activatedOn\n" + resident + ",2017-11-25\n"));
        assertThat(announcedActivations(personId)).as("announced once").hasSize(1);
    }

    private List<String> announcedActivations(String personId) {
        return jdbc.queryForList("select payload::text from outbox where type = 'EVoucherActivated' and aggregateid = ?", String.class,
                personId);
    }

    /** Lishi's education system and Gaolou's e-voucher targets in the targets table; one education system a county. */
    @Test
    void targetsNameTheEducationSystemAndEVoucherTargets() {
        String region = "141102";
        assertThat(api.as("bureau").put("/api/v1/campaigns/" + region + "/2023", Campaigns.documented("lishi-2023.json")).statusCode())
                .isEqualTo(200);
        HttpResponse<String> targets = api.as("bureau").put("/api/v1/campaigns/" + region + "/2023/targets", "text/csv",
                "township,townshipName,target,eVoucherTarget,type\n141102100,凤山街道,184185,120,\n141102900,教育系统,15015,,EDUCATION_SYSTEM\n");
        assertThat(targets.statusCode()).as(targets.body()).isEqualTo(200);
        JsonNode rows = json(targets).get("targets");
        assertThat(rows.get(0).has("eVoucherTarget")).as(targets.body()).isTrue();
        assertThat(rows.get(0).get("eVoucherTarget").asInt()).isEqualTo(120);
        assertThat(rows.get(1).get("type").asString()).isEqualTo("EDUCATION_SYSTEM");
        assertThat(rows.get(0).get("target").asInt() + rows.get(1).get("target").asInt()).isEqualTo(199_200);
        HttpResponse<String> twice = api.as("bureau").put("/api/v1/campaigns/" + region + "/2023/targets", "text/csv",
                "township,townshipName,target,type\n141102900,教育系统,15015,EDUCATION_SYSTEM\n141102901,教育局,1,EDUCATION_SYSTEM\n");
        assertProblem(twice, 400);
        assertThat(twice.body()).contains("targets[1].type");
    }

    /** Gaolou's 附件1 and 附件2: villages with targets and e-voucher targets, announced apart from the townships. */
    @Test
    void villagesAndSchoolsAreUnitsWithTheirOwnTargets() {
        String region = Gaolou.REGION;
        assertThat(api.as("bureau").put("/api/v1/campaigns/" + region + "/2022", Campaigns.documented("gaolou-2022.json")).statusCode())
                .isEqualTo(200);
        TargetsSet gaolou = Gaolou.targets2022();
        StringBuilder rows = new StringBuilder("{\"targets\":[{\"unit\":\"" + Gaolou.TOWNSHIP + "\",\"unitName\":\"高楼镇\","
                + "\"type\":\"TOWNSHIP\",\"target\":66781,\"targetLocalHukou\":60000,\"targetNonLocal\":6781,\"eVoucherTarget\":14005}");
        for (TargetsSet.Unit village : gaolou.units()) {
            rows.append(",{\"unit\":\"").append(village.unit()).append("\",\"unitName\":\"").append(village.unitName())
                    .append("\",\"type\":\"VILLAGE\",\"parent\":\"").append(village.parent()).append("\",\"target\":")
                    .append(village.target()).append(",\"eVoucherTarget\":").append(village.eVoucherTarget()).append("}");
        }
        rows.append(",{\"unit\":\"4141000123\",\"unitName\":\"高楼镇中心小学\",\"type\":\"SCHOOL\",\"parent\":\""
                + Gaolou.TOWNSHIP + "\",\"target\":800}]}");
        HttpResponse<String> set = api.as("bureau").put("/api/v1/campaigns/" + region + "/2022/targets", rows.toString());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        JsonNode answer = json(set);
        assertThat(answer.get("targets")).hasSize(1);
        assertThat(answer.get("targets").get(0).get("targetNonLocal").asInt()).isEqualTo(6_781);
        assertThat(answer.get("units")).hasSize(Gaolou.VILLAGES + 1);
        int villages = 0;
        int eVouchers = 0;
        for (JsonNode unit : answer.get("units")) {
            if (unit.get("type").asString().equals("VILLAGE")) {
                villages += unit.get("target").asInt();
                eVouchers += unit.get("eVoucherTarget").asInt();
            }
        }
        assertThat(villages).isEqualTo(66_781);
        assertThat(eVouchers).isEqualTo(14_005);
        String event = (String) jdbc.queryForMap("""
                select payload::text as payload from outbox where type = 'TargetsSet' and aggregateid = ? order by time desc limit 1""",
                region + ":2022:targets").get("payload");
        assertThat(event).contains("\"units\":[", Gaolou.village(20), "\"parent\":\"" + Gaolou.TOWNSHIP + "\"");
        assertThat(json(api.as("viewer").get("/api/v1/campaigns/" + region + "/2022")).get("units")).hasSize(Gaolou.VILLAGES + 1);

        HttpResponse<String> csv = api.as("bureau").put("/api/v1/campaigns/" + region + "/2022/targets", "text/csv",
                "unit,unitName,type,parent,target,eVoucherTarget\n" + Gaolou.TOWNSHIP + ",高楼镇,TOWNSHIP,,3,1\n"
                        + Gaolou.village(1) + "," + Gaolou.villageName(1) + ",VILLAGE," + Gaolou.TOWNSHIP + ",3,1\n");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(json(csv).get("units").get(0).get("unit").asString()).isEqualTo(Gaolou.village(1));

        // the population base (公安's household-register counts and residence permits): the targets are their sums
        HttpResponse<String> population = api.as("bureau").put("/api/v1/campaigns/" + region + "/2022/targets", "text/csv",
                "unit,unitName,targetLocalHukou,targetNonLocal\n" + Gaolou.TOWNSHIP + ",高楼镇,60000,6781\n");
        assertThat(population.statusCode()).as(population.body()).isEqualTo(200);
        assertThat(json(population).get("targets").get(0).get("target").asInt()).isEqualTo(66_781);
        assertThat(json(population).get("targets").get(0).get("targetLocalHukou").asInt()).isEqualTo(60_000);
    }

    @Test
    void aUnitThatCannotBeJudgedIsRefusedNamingItsField() {
        String region = Gaolou.REGION;
        api.as("bureau").put("/api/v1/campaigns/" + region + "/2022", Campaigns.documented("gaolou-2022.json"));
        String township = "{\"unit\":\"" + Gaolou.TOWNSHIP + "\",\"unitName\":\"高楼镇\",\"target\":10";
        Map<String, String> refused = Map.of(
                "targets[1].parent", township + "},{\"unit\":\"411099101001\",\"unitName\":\"东村\",\"type\":\"VILLAGE\","
                        + "\"parent\":\"411099101\",\"target\":1}",
                "targets[0].target", township + ",\"targetLocalHukou\":6,\"targetNonLocal\":3}",
                "targets[2].unitName", township + "},{\"unit\":\"" + Gaolou.village(1) + "\",\"unitName\":\"东村\",\"type\":\"VILLAGE\","
                        + "\"parent\":\"" + Gaolou.TOWNSHIP + "\",\"target\":1},{\"unit\":\"" + Gaolou.village(2)
                        + "\",\"unitName\":\"东村\",\"type\":\"VILLAGE\",\"parent\":\"" + Gaolou.TOWNSHIP + "\",\"target\":1}",
                "targets[1].unit", township + "},{\"unit\":\"411099999001\",\"unitName\":\"西村\",\"type\":\"VILLAGE\","
                        + "\"parent\":\"" + Gaolou.TOWNSHIP + "\",\"target\":1}",
                "targets[1].target", township + "},{\"unit\":\"S1\",\"unitName\":\"一中\",\"type\":\"SCHOOL\"}",
                "targets[0].targetLocalHukou", township + ",\"targetLocalHukou\":15}",
                // more people than a county has, alone or added up (two parts of a population base, two townships)
                "targets[0].targetNonLocal", "{\"unit\":\"" + Gaolou.TOWNSHIP + "\",\"unitName\":\"高楼镇\",\"targetLocalHukou\":2000000000,"
                        + "\"targetNonLocal\":2000000000}",
                "\"targets\"", "{\"unit\":\"" + Gaolou.TOWNSHIP + "\",\"unitName\":\"高楼镇\",\"target\":9000000},{\"unit\":\"411099101\","
                        + "\"unitName\":\"东镇\",\"target\":9000000}");
        refused.forEach((field, rows) -> {
            HttpResponse<String> answer = api.as("bureau").put("/api/v1/campaigns/" + region + "/2022/targets", "{\"targets\":[" + rows + "]}");
            assertProblem(answer, 400);
            assertThat(answer.body()).as(field).contains(field);
        });
        // one parent written with a space is the same township: the same name twice, which reporting would count twice
        HttpResponse<String> padded = api.as("bureau").put("/api/v1/campaigns/" + region + "/2022/targets", "{\"targets\":[" + township
                + "},{\"unit\":\"" + Gaolou.village(1) + "\",\"unitName\":\"南村\",\"type\":\"VILLAGE\",\"parent\":\"" + Gaolou.TOWNSHIP
                + "\",\"target\":1},{\"unit\":\"" + Gaolou.village(2) + "\",\"unitName\":\"南村\",\"type\":\"VILLAGE\",\"parent\":\""
                + Gaolou.TOWNSHIP + " \",\"target\":1}]}");
        assertProblem(padded, 400);
        assertThat(padded.body()).contains("targets[2].unitName");
        // a column shifted by one: an ID number as a school's code, twice, is refused without being quoted or published
        String idNumber = IdNumbers.of(region, "19800101", 31);
        String school = "{\"unit\":\"" + idNumber + "\",\"unitName\":\"一中\",\"type\":\"SCHOOL\",\"target\":1}";
        HttpResponse<String> shifted = api.as("bureau").put("/api/v1/campaigns/" + region + "/2022/targets",
                "{\"targets\":[" + township + "}," + school + "," + school.replace("一中", "二中") + "]}");
        assertProblem(shifted, 400);
        assertThat(shifted.body()).contains("targets[1].unit", "targets[2].unit").doesNotContain(idNumber);
    }

    /** Issue 10: where the campaign limits back-dating, nobody enrols people into a stage already judged. */
    @Test
    void anEnrolmentBackDatedBeyondTheCampaignsGraceIsRefused() {
        String region = "350826";
        CampaignDefined campaign = Campaigns.inRegion(Liancheng.apiExample(2018), region)
                .withJudging(null, new CampaignDefined.StageRules(null, null, 30), null);
        assertThat(api.as("bureau").put("/api/v1/campaigns/" + region + "/2018", Campaigns.json(campaign)).statusCode()).isEqualTo(200);
        assertThat(api.as("bureau").put("/api/v1/campaigns/" + region + "/2018/targets",
                "{\"targets\":[{\"township\":\"350826100\",\"townshipName\":\"城关镇\",\"target\":10}]}").statusCode()).isEqualTo(200);

        HttpResponse<String> backDated = api.as("bureau").post("/api/v1/enrolments",
                Liancheng.enrolment(Liancheng.idNumber("19900101", 541), "350826100").replace("\"region\":\"350825\"",
                        "\"region\":\"" + region + "\""));

        assertProblem(backDated, 400);
        assertThat(backDated.body()).contains("enrolledOn", "30");
        assertThat(json(api.as("viewer").get("/api/v1/campaigns/" + region + "/2018")).get("stageRules").get("enrolledOnGraceDays")
                .asInt()).isEqualTo(30);
    }

    /** Issue 11: the blank 附件4, filled in by a township as the form says (names, Chinese categories, a school and its class). */
    @Test
    void aTownshipsForm4FilledInAsTheFormSaysIsEnrolled() throws Exception {
        // the form has no date: its residents enrol today, so the campaign's period is open today, whatever day the test runs
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int year = today.getYear() + 1;
        CampaignDefined example = Liancheng.apiExample(year);
        CampaignDefined open = new CampaignDefined(example.region(), example.regionName(), year, 1,
                new CampaignDefined.Period(today.minusDays(30), today.plusDays(30)), List.of(), example.contributions(),
                example.fiscalSubsidy(), example.assistance(), example.participationGoal(), List.of(), example.lateEnrolmentWaitingDays());
        assertThat(api.as("bureau").put("/api/v1/campaigns/350825/" + year, Campaigns.json(open)).statusCode()).isEqualTo(200);
        assertThat(api.as("bureau").put("/api/v1/campaigns/350825/" + year + "/targets", "{\"targets\":[{\"township\":\"" + Liancheng.LIANFENG
                + "\",\"townshipName\":\"莲峰镇\",\"target\":100},{\"township\":\"" + Liancheng.WENHENG
                + "\",\"townshipName\":\"文亨镇\",\"target\":100},{\"unit\":\"S350825001\",\"unitName\":\"莲峰中心小学\","
                + "\"type\":\"SCHOOL\",\"parent\":\"" + Liancheng.LIANFENG + "\",\"target\":10}]}").statusCode()).isEqualTo(200);
        ApiClient clerk = api.as("township-" + Liancheng.LIANFENG);
        HttpResponse<byte[]> blank = HttpClient.newHttpClient().send(clerk.request("/api/v1/templates/new-enrolment.xlsx").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(blank.statusCode()).isEqualTo(200);
        String resident = Liancheng.idNumber("19800101", 551);
        String pupil = Liancheng.idNumber("20120101", 552);
        String elsewhere = Liancheng.idNumber("19800101", 553);
        byte[] filled;
        try (XSSFWorkbook form = new XSSFWorkbook(new ByteArrayInputStream(blank.body())); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = form.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("新参保登记表");
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("乡(镇)/街道/学校");
            form4Row(sheet.createRow(4), 1, "莲峰镇", "城关村", "林建华", resident, "普通城乡居民");
            form4Row(sheet.createRow(5), 2, "莲峰中心小学", "三年级二班", "林小明", pupil, "中小学生");
            form4Row(sheet.createRow(6), 3, "文亨镇", "文亨村", "陈美玲", elsewhere, "普通城乡居民");
            form.write(out);
            filled = out.toByteArray();
        }

        HttpResponse<String> answer = clerk.post("/api/v1/enrolments/batch?region=350825&coverageYear=" + year,
                "multipart/form-data; boundary=form4", Uploads.multipart("form4", "附件4.xlsx", filled));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json(answer).get("accepted").asInt()).as(answer.body()).isEqualTo(2);
        assertThat(json(answer).get("rejected").get(0).get("row").asInt()).isEqualTo(3);
        JsonNode enrolled = json(api.as("bureau").get("/api/v1/enrolments/" + Liancheng.personId(pupil) + "?coverageYear=" + year));
        assertThat(enrolled.get("township").asString()).isEqualTo(Liancheng.LIANFENG);
        assertThat(enrolled.get("school").asString()).isEqualTo("莲峰中心小学");
        assertThat(enrolled.get("schoolClass").asString()).isEqualTo("三年级二班");
        // and EVENTS.md's PersonEnrolled.schoolClass?; no special case decided this enrolment
        Map<String, Object> announced = jdbc.queryForMap("""
                select payload::json ->> 'schoolClass' as class, payload::json ->> 'specialCase' as special from outbox
                where type = 'PersonEnrolled' and aggregateid = ?""", Liancheng.personId(pupil));
        assertThat(announced).containsEntry("class", "三年级二班").containsEntry("special", null);
        assertThat(enrolled.get("personCategory").asString()).isEqualTo("STUDENT");
        assertThat(json(api.as("bureau").get("/api/v1/enrolments/" + Liancheng.personId(resident) + "?coverageYear=" + year))
                .get("hukouLocal").asBoolean()).isTrue();
    }

    private static void form4Row(Row row, int serial, String unit, String village, String name, String idNumber, String category) {
        List<String> cells = List.of(unit, village, name, idNumber, "13800000000", category);
        row.createCell(0).setCellValue(serial);
        for (int c = 0; c < cells.size(); c++) {
            row.createCell(c + 1).setCellValue(cells.get(c));
        }
    }

    @Test
    void aChangeIsAnnouncedWithTheChangedFieldsOnly() {
        String personId = json(api.as("bureau").post("/api/v1/enrolments",
                Liancheng.enrolment(Liancheng.idNumber("20050101", 531), Liancheng.LIANFENG))).get("personId").asString();
        String path = "/api/v1/enrolments/" + personId + "?coverageYear=2018";

        JsonNode changed = json(api.as("township-" + Liancheng.LIANFENG).patch(path, "{\"village\":\"东街村\",\"personCategory\":\"STUDENT\"}"));

        assertThat(changed.get("village").asString()).isEqualTo("东街村");
        assertThat(changed.get("personCategory").asString()).isEqualTo("STUDENT");
        String event = (String) jdbc.queryForMap("select payload::text as payload from outbox where type = 'PersonUpdated' and aggregateid = ?",
                personId).get("payload");
        assertThat(event).contains("\"village\":\"东街村\"", "\"personCategory\":\"STUDENT\"").doesNotContain("township", "hukouLocal");
        assertProblem(api.as("township-" + Liancheng.LIANFENG).patch(path, "{\"township\":\"" + Liancheng.WENHENG + "\"}"), 403);
        JsonNode moved = json(api.as("bureau").patch(path, "{\"township\":\"" + Liancheng.WENHENG + "\",\"village\":\"文亨村\"}"));
        assertThat(moved.get("township").asString()).isEqualTo(Liancheng.WENHENG);
        assertThat(moved.get("village").asString()).isEqualTo("文亨村");
        assertProblem(api.as("bureau").patch(path, "{\"township\":\"350825199\",\"village\":\"文亨村\"}"), 400);
    }

    /** A student who left school: {@code "school": ""} clears it, and PersonUpdated says so with "" (null would mean unchanged). */
    @Test
    void aSchoolLeftIsClearedAndAnnounced() {
        String personId = json(api.as("bureau").post("/api/v1/enrolments",
                Liancheng.enrolment(Liancheng.idNumber("20050101", 532), Liancheng.LIANFENG))).get("personId").asString();
        String path = "/api/v1/enrolments/" + personId + "?coverageYear=2018";
        assertThat(json(api.as("bureau").patch(path, "{\"school\":\"连城一中\"}")).get("school").asString()).isEqualTo("连城一中");

        JsonNode left = json(api.as("bureau").patch(path, "{\"school\":\"\"}"));

        assertThat(left.hasNonNull("school")).as("no school").isFalse();
        List<String> events = jdbc.queryForList("select payload::text from outbox where type = 'PersonUpdated' and aggregateid = ? order by created_at",
                String.class, personId);
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).contains("\"school\":\"\"");
        assertThat(json(api.as("bureau").patch(path, "{\"school\":\"\"}")).hasNonNull("school")).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from outbox where type = 'PersonUpdated' and aggregateid = ?", Integer.class, personId))
                .isEqualTo(2);
    }

    /** Names and phones are printed in full on the Friday lists: an ID number pasted into either column never gets there. */
    @Test
    void anIdNumberInThePhoneOrNameColumnIsRefusedWithoutBeingQuoted() {
        String idNumber = Liancheng.idNumber("19800101", 541);
        String pasted = Liancheng.idNumber("19790302", 542);

        HttpResponse<String> asPhone = api.as("bureau").post("/api/v1/enrolments",
                Liancheng.enrolment(idNumber, Liancheng.LIANFENG).replace("13800000000", pasted));
        HttpResponse<String> asName = api.as("bureau").post("/api/v1/enrolments",
                Liancheng.enrolment(idNumber, Liancheng.LIANFENG).replace("张三丰", "张三丰" + pasted));

        assertProblem(asPhone, 400);
        assertThat(asPhone.body()).contains("\"field\":\"phone\"").doesNotContain(pasted);
        assertProblem(asName, 400);
        assertThat(asName.body()).contains("\"field\":\"name\"").doesNotContain(pasted);
        HttpResponse<String> created = api.as("bureau").post("/api/v1/enrolments",
                Liancheng.enrolment(idNumber, Liancheng.LIANFENG).replace("13800000000", "+86 138-0000-0000"));
        assertThat(created.statusCode()).as("a mobile with the country code: " + created.body()).isEqualTo(201);
        String change = "/api/v1/enrolments/" + json(created).get("personId").asString() + "?coverageYear=2018";
        assertProblem(api.as("bureau").patch(change, "{\"phone\":\"" + pasted + "\"}"), 400);
        assertProblem(api.as("bureau").patch(change, "{\"name\":\"" + pasted + "\"}"), 400);
    }

    /** A list may name one person for two coverage years (a clerk registering this year and next): both are enrolled. */
    @Test
    void aListEnrolsOnePersonForTwoYearsAndRefusesOnlyATrueRepeat() {
        String region = "350823";
        campaignsOf2018And2019(region, "350823100,古田镇");
        String idNumber = IdNumbers.of(region, "19800808", 7);
        String in2018 = enrolmentIn(region, "350823100", idNumber, 2018);
        String in2019 = enrolmentIn(region, "350823100", idNumber, 2019);

        JsonNode outcome = json(api.as("bureau").post("/api/v1/enrolments/batch", "[" + in2018 + "," + in2019 + "," + in2019 + "]"));

        assertThat(outcome.get("accepted").asInt()).isEqualTo(2);
        assertThat(outcome.get("rejected").valueStream().map(rejection -> rejection.get("row").asInt()).toList()).containsExactly(3);
        for (int year : List.of(2018, 2019)) {
            assertThat(api.as("bureau").get("/api/v1/enrolments/" + Liancheng.personId(idNumber) + "?coverageYear=" + year).statusCode())
                    .as("year %d", year).isEqualTo(200);
        }
    }

    @Test
    void aListComesAsAJsonArrayToo() {
        String body = "[" + Liancheng.enrolment(Liancheng.idNumber("19900101", 511), Liancheng.LIANFENG) + ","
                + Liancheng.enrolment(Liancheng.idNumber("19900101", 512), Liancheng.WENHENG) + "]";
        JsonNode outcome = json(api.as("bureau").post("/api/v1/enrolments/batch", body));
        assertThat(outcome.get("accepted").asInt()).isEqualTo(2);
        assertThat(outcome.get("rejected")).isEmpty();
        JsonNode audit = json(api.as("bureau").get("/api/v1/enrolments/" + Liancheng.personId(Liancheng.idNumber("19900101", 512))
                + "/audit?coverageYear=2018"));
        assertThat(audit.valueStream().map(entry -> entry.get("action").asString()).toList()).as("who enrolled them, when, by which rule")
                .containsExactly("ENROLLED");
        assertThat(audit.get(0).get("actor").asString()).isEqualTo("bureau");
        assertProblem(api.as("bureau").post("/api/v1/enrolments/batch", "text/csv", "township,village\n"), 400);
        assertProblem(api.as("viewer").post("/api/v1/enrolments/batch", body), 403);

        // 是 for a boolean, as the CSV takes it: that row's mistake, numbered from 1; the other row is enrolled
        String typed = "[" + Liancheng.enrolment(Liancheng.idNumber("19900101", 513), Liancheng.LIANFENG) + ","
                + Liancheng.enrolment(Liancheng.idNumber("19900101", 514), Liancheng.LIANFENG).replace("\"hukouLocal\":true", "\"hukouLocal\":\"是\"")
                + "]";
        JsonNode mixed = json(api.as("bureau").post("/api/v1/enrolments/batch", typed));
        assertThat(mixed.get("accepted").asInt()).isOne();
        assertThat(mixed.get("rejected").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(mixed.get("rejected").get(0).get("errors").get(0).get("field").asString()).isEqualTo("hukouLocal");
    }

    /** API.md names the list's region and coverage year as query parameters beside the CSV and the JSON array alike. */
    @Test
    void aJsonListTakesTheQuerysRegionAndYearForTheResidentsThatGiveNone() {
        String bare = Liancheng.enrolment(Liancheng.idNumber("19900101", 515), Liancheng.LIANFENG)
                .replace("\"region\":\"350825\",\"coverageYear\":2018,", "");
        String otherYear = Liancheng.enrolment(Liancheng.idNumber("19900101", 516), Liancheng.LIANFENG).replace("\"coverageYear\":2018", "\"coverageYear\":2019");

        JsonNode outcome = json(api.as("bureau").post("/api/v1/enrolments/batch?region=350825&coverageYear=2018",
                "[" + bare + "," + otherYear + "]"));

        assertThat(outcome.get("accepted").asInt()).isOne();
        assertThat(outcome.get("rejected")).hasSize(1);
        assertThat(outcome.get("rejected").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(outcome.get("rejected").get(0).get("errors").get(0).get("field").asString()).isEqualTo("coverageYear");
        assertThat(api.as("bureau").get("/api/v1/enrolments/" + Liancheng.personId(Liancheng.idNumber("19900101", 515))
                + "?coverageYear=2018").statusCode()).isEqualTo(200);
        JsonNode unlisted = json(api.as("bureau").post("/api/v1/enrolments/batch", "[" + bare + "]"));
        assertThat(unlisted.get("accepted").asInt()).as("no query, no region: the row's mistake").isZero();
        assertProblem(api.as("bureau").post("/api/v1/enrolments/batch?region=3508&coverageYear=2018", "[" + bare + "]"), 400);
    }

    @Test
    void malformedValuesAreBadInputNeverAServerError() {
        String campaign = Liancheng.apiExampleJson(2018);
        assertProblem(api.as("bureau").put("/api/v1/campaigns/350825/2019", campaign.replace("\"fiscalSubsidy\":\"450.00\"",
                "\"fiscalSubsidy\":\"1e999999999\"")), 400);
        assertProblem(api.as("bureau").put("/api/v1/campaigns/350825/2019", campaign.replace("\"participationGoal\":\"0.98\"",
                "\"participationGoal\":\"1e-999999999\"")), 400);
        assertProblem(api.as("bureau").put("/api/v1/campaigns/350825/2019", campaign.replace("\"extensions\":[", "\"extensions\":[null,")), 400);
        assertProblem(api.as("bureau").put("/api/v1/campaigns/350825/2019", campaign.replace("\"stages\":[", "\"stages\":[null,")), 400);
        HttpResponse<String> cumulative = api.as("bureau").put("/api/v1/campaigns/350825/2019",
                campaign.replace("\"stages\":[", "\"stageRules\":{\"cumulative\":true},\"stages\":["));
        assertProblem(cumulative, 400);
        assertThat(cumulative.body()).as("stages are judged each on its own: a campaign asking otherwise is told so")
                .contains("stageRules.cumulative");
        assertProblem(api.as("bureau").put("/api/v1/campaigns/350825/2018/targets", "{\"targets\":[null]}"), 400);

        String idNumber = Liancheng.idNumber("19850612", 407);
        HttpResponse<String> longVillage = api.as("bureau").post("/api/v1/enrolments",
                Liancheng.enrolment(idNumber, Liancheng.LIANFENG).replace("城关村", "村".repeat(101)));
        assertProblem(longVillage, 400);
        assertThat(json(longVillage).get("errors").get(0).get("field").asString()).isEqualTo("village");
        HttpResponse<String> wrongType = api.as("bureau").post("/api/v1/enrolments",
                Liancheng.enrolment(idNumber, Liancheng.LIANFENG).replace("\"coverageYear\":2018", "\"coverageYear\":\"" + idNumber + "\""));
        assertProblem(wrongType, 400);
        assertThat(wrongType.body()).doesNotContain(idNumber);
        HttpResponse<String> future = api.as("bureau").post("/api/v1/enrolments",
                Liancheng.enrolment(idNumber, Liancheng.LIANFENG).replace("2017-10-09", "2999-01-01"));
        assertProblem(future, 400);
        assertThat(json(future).get("errors").get(0).get("field").asString()).isEqualTo("enrolledOn");
    }

    // Two writers about the same person or campaign, each in a transaction of its own, as two clerks, or a clerk and an
    // agency's list, send them: the first is held inside its transaction until the second has run as far as it can, then
    // both finish, and the outcome must be that of one after the other.

    /** DOMAIN.md: "A person enrols once"; a death list applied while the person is being enrolled still withdraws them. */
    @Test
    void aDeathListAppliedWhileThePersonIsBeingEnrolledWithdrawsThem() throws Exception {
        String idNumber = Liancheng.idNumber("19380101", 611);
        String personId = Liancheng.personId(idNumber);

        List<HttpResponse<String>> answers = LockedTable.firstHeldWhileSecondRuns(dataSource, "enrolment_audit",
                () -> api.as("bureau").post("/api/v1/enrolments", Liancheng.enrolment(idNumber, Liancheng.LIANFENG)),
                "insert into enrolment_audit%",
                () -> api.as("bureau").post("/api/v1/feeds/deaths", "text/csv", "idNumber,name,date\r\n" + idNumber + ",某某,2018-03-01\r\n"),
                "insert into person_lock%", PATIENCE);

        assertThat(answers.get(0).statusCode()).as(answers.get(0).body()).isEqualTo(201);
        assertThat(answers.get(1).statusCode()).as(answers.get(1).body()).isEqualTo(200);
        assertThat(JSON.readTree(answers.get(1).body()).get("withdrawn").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForMap("select withdrawal_reason, withdrawn_on::text as withdrawn_on from enrolment where person_id = ?",
                personId)).containsEntry("withdrawal_reason", "DECEASED").containsEntry("withdrawn_on", "2018-03-01");
        // consumers keep the later of two facts about a person: the withdrawal must be it, or they would keep the dead enrolled
        assertThat(jdbc.queryForObject("""
                select (select max(time) from outbox where type = 'PersonWithdrawn' and aggregateid = ?)
                     > (select max(time) from outbox where type = 'PersonEnrolled' and aggregateid = ?)""", Boolean.class,
                personId, personId)).as("the withdrawal's event time is after the enrolment's").isTrue();
    }

    /** Two first definitions of a campaign at once are versions 1 and 2, as one after the other would be. */
    @Test
    void twoFirstDefinitionsOfACampaignAtOnceAreVersionsOneAndTwo() throws Exception {
        String campaign = Liancheng.apiExampleJson(2018).replace("\"coverageYear\":2018", "\"coverageYear\":2024");
        List<HttpResponse<String>> answers = LockedTable.firstHeldWhileSecondRuns(dataSource, "outbox",
                () -> api.as("bureau").put("/api/v1/campaigns/350825/2024", campaign), "insert into outbox%",
                () -> api.as("bureau").put("/api/v1/campaigns/350825/2024", campaign), "select pg_advisory_xact_lock%", PATIENCE);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
        assertThat(answers.stream().map(answer -> JSON.readTree(answer.body()).get("version").asInt()).toList())
                .containsExactlyInAnyOrder(1, 2);
        assertThat(jdbc.queryForObject("select version from campaign where region = '350825' and coverage_year = 2024", Integer.class))
                .isEqualTo(2);
    }

    /** Two replacements of a campaign's targets at once both succeed, the second replacing the first whole. */
    @Test
    void twoReplacementsOfTheTargetsAtOnceBothSucceed() throws Exception {
        List<HttpResponse<String>> answers = LockedTable.firstHeldWhileSecondRuns(dataSource, "outbox",
                () -> api.as("bureau").put("/api/v1/campaigns/350825/2018/targets", Liancheng.twoTownshipsJson()), "insert into outbox%",
                () -> api.as("bureau").put("/api/v1/campaigns/350825/2018/targets", Liancheng.twoTownshipsJson()),
                "select pg_advisory_xact_lock%", PATIENCE);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
        assertThat(jdbc.queryForObject("select count(*) from township_target where region = '350825' and coverage_year = 2018",
                Integer.class)).isEqualTo(2);
    }

    private List<String> outboxTypes() {
        return jdbc.queryForList("select type from outbox", String.class);
    }

    /** API.md's example campaign for 2018 and 2019 in a county of one township ({@code code,name}) with a target of 100. */
    /** A local resident of the township in another county, enrolled in the period of the year (Oct 9 of the year before). */
    /** The ID number as the bureau's view of the person's enrolment masks it. */
    private String maskShown(String personId, int coverageYear) {
        return json(api.as("bureau").get("/api/v1/enrolments/" + personId + "?coverageYear=" + coverageYear)).get("idNumberMasked").asString();
    }

    /**
     * An enrolment in a campaign of one township ({@link #campaignWithOneTownship}) registered on {@code enrolledOn}, with the
     * JSON of its special case ({@code "null"} sent as it is) or, given null, without one.
     */
    private static String oneTownshipEnrolment(String idNumber, String region, int coverageYear, String township, String enrolledOn,
            String specialCase) {
        return """
                {"idNumber":"%s","name":"周大","region":"%s","coverageYear":%d,"township":"%s","village":"东村","hukouLocal":true,
                 "residencePermit":false,"enrolledOn":"%s"%s}""".formatted(idNumber, region, coverageYear, township, enrolledOn,
                specialCase == null ? "" : ",\"specialCase\":" + specialCase);
    }

    private static String enrolmentIn(String region, String township, String idNumber, int coverageYear) {
        return Liancheng.enrolment(idNumber, township).replace("\"region\":\"350825\"", "\"region\":\"" + region + "\"")
                .replace("\"coverageYear\":2018", "\"coverageYear\":" + coverageYear).replace("2017-10-09", (coverageYear - 1) + "-10-09");
    }

    /** Enrolled in 莲峰镇 for 2018 and withdrawn by its clerk as MOVED_AWAY from 2017-11-02; the person's id. */
    private String enrolledAndWithdrawnAsMovedAway(String idNumber) {
        String personId = json(api.as("bureau").post("/api/v1/enrolments", Liancheng.enrolment(idNumber, Liancheng.LIANFENG)))
                .get("personId").asString();
        assertThat(api.as("township-" + Liancheng.LIANFENG).post("/api/v1/enrolments/" + personId + "/withdrawal",
                "{\"coverageYear\":2018,\"reason\":\"MOVED_AWAY\",\"effectiveDate\":\"2017-11-02\"}").statusCode()).isEqualTo(200);
        return personId;
    }

    private void campaignsOf2018And2019(String region, String township) {
        campaignsOf(region, township, 2018, 2019);
    }

    private void campaignsOf(String region, String township, int... years) {
        for (int year : years) {
            assertThat(api.as("bureau").put("/api/v1/campaigns/" + region + "/" + year, Liancheng.apiExampleJson(year)).statusCode()).isEqualTo(200);
            assertThat(api.as("bureau").put("/api/v1/campaigns/" + region + "/" + year + "/targets", "text/csv",
                    "township,townshipName,target\n" + township + ",100\n").statusCode()).isEqualTo(200);
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("status").asInt()).isEqualTo(status);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
