package cn.medicare.campaign.enrollment;

import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.testing.HostileAnswers;
import cn.medicare.campaign.infra.testing.HostileClient;
import cn.medicare.campaign.infra.testing.HostileInput;
import cn.medicare.campaign.infra.testing.HostileInput.Body;
import cn.medicare.campaign.infra.testing.ServiceUnderTest;
import java.net.http.HttpResponse;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers, not failures (issue 6): every endpoint of API.md, fed hostile bodies, path variables,
 * query parameters and headers, answers 2xx or a problem+json 4xx that quotes nothing of it.
 * jqwik runs no Jupiter extensions, so the service is started here, once for the class.
 */
class HostileInputIntegrationTests {

    private static final int TRIES = 150;
    private static final HostileAnswers ANSWERS = new HostileAnswers("enrollment-service");
    private static final String CAMPAIGN = "/api/v1/campaigns/350825/2018";
    private static final String WITHDRAWAL = "{\"coverageYear\":2018,\"reason\":\"DECEASED\",\"effectiveDate\":\"2017-11-02\"}";
    private static final String CHANGE = """
            {"township":"350825101","village":"文亨村","school":"文亨中学","personCategory":"STUDENT","hukouLocal":false,
             "residencePermit":true,"name":"张三","phone":"13900000000"}""";

    private static ServiceUnderTest service;
    private static String personId;
    private static int sequence = 600;

    @BeforeContainer
    static void start() {
        service = ServiceUnderTest.start("enrollment_hostile", EnrollmentServiceApplication.class);
        ApiClient bureau = ApiClient.at(service.port()).as("bureau");
        expect(bureau.put(CAMPAIGN, Liancheng.apiExampleJson(2018)), 200);
        expect(bureau.put(CAMPAIGN + "/targets", Liancheng.twoTownshipsJson()), 200);
        personId = enrolSomeone();
    }

    @AfterContainer
    static void stop() {
        ANSWERS.reportAndStop(service);
    }

    @Property(tries = TRIES)
    void campaignDefinitions(@ForAll("campaigns") Body body) {
        ANSWERS.check("PUT /api/v1/campaigns/{region}/{coverageYear}", send("bureau", "PUT", CAMPAIGN, body));
    }

    @Property(tries = TRIES)
    void targets(@ForAll("targetLists") Body body) {
        ANSWERS.check("PUT /api/v1/campaigns/{region}/{coverageYear}/targets", send("bureau", "PUT", CAMPAIGN + "/targets", body));
    }

    @Property(tries = TRIES)
    void campaignKeys(@ForAll(supplier = HostileInput.Segments.class) String region, @ForAll(supplier = HostileInput.Segments.class) String coverageYear, @ForAll boolean read) {
        String path = "/api/v1/campaigns/" + region + "/" + coverageYear;
        HttpResponse<String> answer = read
                ? send("viewer", "GET", path, null)
                : send("bureau", "PUT", path + "/targets", new Body("application/json", Liancheng.twoTownshipsJson(), "valid"));
        ANSWERS.check((read ? "GET" : "PUT") + " /api/v1/campaigns/{region}/{coverageYear} (path)", answer);
    }

    @Property(tries = TRIES)
    void enrolments(@ForAll("enrolmentBodies") Body body) {
        ANSWERS.check("POST /api/v1/enrolments", send("township-" + Liancheng.LIANFENG, "POST", "/api/v1/enrolments", body));
    }

    @Property(tries = TRIES)
    void batches(@ForAll("batchBodies") Body body) {
        ANSWERS.check("POST /api/v1/enrolments/batch (JSON)", send("bureau", "POST", "/api/v1/enrolments/batch", body));
    }

    @Property(tries = TRIES)
    void changes(@ForAll("changeBodies") Body body) {
        ANSWERS.check("PATCH /api/v1/enrolments/{personId}",
                send("bureau", "PATCH", "/api/v1/enrolments/" + personId + "?coverageYear=2018", body));
    }

    @Property(tries = TRIES)
    void withdrawals(@ForAll("withdrawalBodies") Body body) {
        // a valid withdrawal ends the roster entry: each try has its own resident
        ANSWERS.check("POST /api/v1/enrolments/{personId}/withdrawal",
                send("bureau", "POST", "/api/v1/enrolments/" + enrolSomeone() + "/withdrawal", body));
    }

    @Property(tries = TRIES)
    void lookups(@ForAll("lookupBodies") Body body) {
        ANSWERS.check("POST /api/v1/enrolments/lookup", send("township-" + Liancheng.LIANFENG, "POST", "/api/v1/enrolments/lookup", body));
    }

    @Property(tries = TRIES)
    void enrolmentReads(@ForAll(supplier = HostileInput.Segments.class) String person, @ForAll(supplier = HostileInput.QueryValues.class) String coverageYear, @ForAll boolean change) {
        String path = "/api/v1/enrolments/" + (person.equals("valid") ? personId : person) + "?coverageYear=" + coverageYear;
        HttpResponse<String> answer = change
                ? send("bureau", "PATCH", path, new Body("application/json", "{\"village\":\"新村\"}", "valid"))
                : send("bureau", "GET", path, null);
        ANSWERS.check((change ? "PATCH" : "GET") + " /api/v1/enrolments/{personId}?coverageYear= (path, query)", answer);
    }

    @Property(tries = TRIES)
    void headers(@ForAll("headerNames") String name, @ForAll(supplier = HostileInput.HeaderValues.class) String value) {
        HostileClient client = new HostileClient(service.port());
        HttpResponse<String> answer = client.send(HostileClient.header(
                client.request("bureau", "/api/v1/enrolments/" + personId + "?coverageYear=2018"), name, value).GET());
        ANSWERS.check("GET /api/v1/enrolments/{personId} (headers)", answer);
    }

    /** Refused before Spring MVC sees them: by Tomcat (an encoded NUL), by the firewall (a dot segment), by the decoder (not UTF-8). */
    @Example
    void requestsRefusedBeforeAnyControllerAreProblemsToo() {
        for (String path : new String[] {"/api/v1/campaigns/350825/%00", "/api/v1/enrolments/..?coverageYear=2018",
                "/api/v1/enrolments/%25?coverageYear=2018", "/api/v1/enrolments/" + personId + "?coverageYear=%ff%fe"}) {
            HttpResponse<String> answer = send("bureau", "GET", path, null);
            ANSWERS.check("GET (refused before any controller)", answer);
            if (answer.statusCode() != 400) {
                throw new AssertionError(path + " answered " + answer.statusCode() + ", not 400");
            }
        }
    }

    /** The hostile inputs these properties once found answered with a 500, each now a 4xx naming its field (or stored whole). */
    @Example
    void theInputsThatOnceFailedAreAnswered() {
        String enrolment = "/api/v1/enrolments/" + personId + "?coverageYear=2018";
        expectField(send("bureau", "PATCH", enrolment, json("{\"phone\":\"" + "1".repeat(40) + "\"}")), 400, "phone");
        expectField(send("bureau", "POST", "/api/v1/enrolments/" + enrolSomeone() + "/withdrawal",
                json("{\"coverageYear\":2018,\"reason\":\"DECEASED\",\"effectiveDate\":\"+9999999-12-31\"}")), 400, "effectiveDate");
        expectField(send("bureau", "PUT", CAMPAIGN + "/targets",
                json("{\"targets\":[{\"township\":\"350825100\",\"townshipName\":\"莲峰\\u0000镇\",\"target\":1}]}")), 400, "targets[0].townshipName");
        String padded = "\u3000" + "长".repeat(100) + "\u3000\u3000";
        expect(send("bureau", "PUT", CAMPAIGN + "/targets",
                json("{\"targets\":[{\"township\":\"350825100\",\"townshipName\":\"" + padded + "\",\"target\":1}]}")), 200);
        expect(send("bureau", "PUT", CAMPAIGN + "/targets", json(Liancheng.twoTownshipsJson())), 200);
        expectField(send("bureau", "PUT", CAMPAIGN, new Body("multipart/form-data", Liancheng.apiExampleJson(2018), "no boundary")), 400, "body");
        HostileClient client = new HostileClient(service.port());
        HttpResponse<String> notAcceptable = client.send(client.request("bureau", enrolment).header("Accept", "text/html").GET());
        ANSWERS.check("GET /api/v1/enrolments/{personId} (headers)", notAcceptable);
    }

    private static Body json(String text) {
        return new Body("application/json", text, "example");
    }

    private static void expectField(HttpResponse<String> answer, int status, String field) {
        ANSWERS.check("examples", answer);
        expect(answer, status);
        if (!answer.body().contains("\"field\":\"" + field + "\"")) {
            throw new AssertionError("the answer names no field " + field + ": " + answer.body());
        }
    }

    @Provide
    Arbitrary<Body> campaigns() {
        return HostileInput.bodies(Liancheng.apiExampleJson(2018));
    }

    @Provide
    Arbitrary<Body> targetLists() {
        return HostileInput.bodies(Liancheng.twoTownshipsJson());
    }

    @Provide
    Arbitrary<Body> enrolmentBodies() {
        return HostileInput.bodies(enrolment(Liancheng.idNumber("19850612", 599)));
    }

    @Provide
    Arbitrary<Body> batchBodies() {
        return HostileInput.bodies("[" + enrolment(Liancheng.idNumber("19850612", 598)) + "]");
    }

    @Provide
    Arbitrary<Body> lookupBodies() {
        return HostileInput.bodies("{\"idNumber\":\"" + Liancheng.idNumber("19850612", 599) + "\",\"coverageYear\":2018}");
    }

    @Provide
    Arbitrary<Body> changeBodies() {
        return HostileInput.bodies(CHANGE);
    }

    @Provide
    Arbitrary<Body> withdrawalBodies() {
        return HostileInput.bodies(WITHDRAWAL);
    }

    @Provide
    Arbitrary<String> headerNames() {
        return Arbitraries.of("Accept", "Accept-Charset", "Accept-Language", "Authorization", "Content-Type", "If-None-Match",
                "X-Forwarded-For", "X-Forwarded-Host", "Origin", "Cookie", "Range");
    }

    /** The Mother's enrolment with the optional fields too, so that each of them is mutated. */
    private static String enrolment(String idNumber) {
        return """
                {"idNumber":"%s","name":"张三丰","phone":"13800000000","region":"350825","coverageYear":2018,
                 "township":"350825100","village":"城关村","school":"城关小学","hukouLocal":true,"residencePermit":false,
                 "personCategory":"GENERAL","enrolledOn":"2017-10-09"}""".formatted(idNumber);
    }

    private static synchronized String enrolSomeone() {
        HttpResponse<String> created = ApiClient.at(service.port()).as("bureau")
                .post("/api/v1/enrolments", Liancheng.enrolment(Liancheng.idNumber("19700101", sequence++), Liancheng.LIANFENG));
        expect(created, 201);
        return JsonMapper.shared().readTree(created.body()).get("personId").asString();
    }

    private static HttpResponse<String> send(String client, String method, String pathAndQuery, Body body) {
        return new HostileClient(service.port()).send(client, method, pathAndQuery.replace("/valid", "/2018"), body);
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + " but got " + response.statusCode() + ": " + response.body());
        }
    }
}
