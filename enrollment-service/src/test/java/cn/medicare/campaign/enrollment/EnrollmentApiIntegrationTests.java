package cn.medicare.campaign.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.RunningService;
import cn.medicare.campaign.infra.testing.ServiceDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
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

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

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
        RunningService.assertOperable(port, "enrollment-service");
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
        assertThat(payload).contains("\"coverageFromBirth\":true", "\"village\":\"城关村" + "*".repeat(18) + "\"")
                .doesNotContain("coverageStart", "birthYear", "2018-01-03", idNumber);
        JsonNode view = json(api.as("township-" + Liancheng.LIANFENG).get("/api/v1/enrolments/" + personId + "?coverageYear=2018"));
        assertThat(view.get("coverageFromBirth").asBoolean()).isTrue();
        assertThat(view.has("coverageStart") && !view.get("coverageStart").isNull()).isFalse();
        assertThat(view.toString()).doesNotContain("2018-01-03", idNumber);
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
        assertThat(jdbc.queryForObject("select count(*) from outbox where type = 'PersonEnrolled' and payload::text like '%\"STUDENT\"%'",
                Integer.class)).isEqualTo(1);
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
        assertProblem(api.as("bureau").post("/api/v1/enrolments",
                Liancheng.enrolment(idNumber, Liancheng.LIANFENG).replace("2018", "2019")), 422);
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
        assertThat(json(api.as("bureau").patch(path, "{\"township\":\"" + Liancheng.WENHENG + "\"}")).get("township").asString())
                .isEqualTo(Liancheng.WENHENG);
        assertProblem(api.as("bureau").patch(path, "{\"township\":\"350825199\"}"), 400);
    }

    @Test
    void aListComesAsAJsonArrayToo() {
        String body = "[" + Liancheng.enrolment(Liancheng.idNumber("19900101", 511), Liancheng.LIANFENG) + ","
                + Liancheng.enrolment(Liancheng.idNumber("19900101", 512), Liancheng.WENHENG) + "]";
        JsonNode outcome = json(api.as("bureau").post("/api/v1/enrolments/batch", body));
        assertThat(outcome.get("accepted").asInt()).isEqualTo(2);
        assertThat(outcome.get("rejected")).isEmpty();
        assertProblem(api.as("bureau").post("/api/v1/enrolments/batch", "text/csv", "township,village\n"), 400);
        assertProblem(api.as("viewer").post("/api/v1/enrolments/batch", body), 403);
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

    private List<String> outboxTypes() {
        return jdbc.queryForList("select type from outbox", String.class);
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
