package cn.medicare.campaign.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.HostileAnswers;
import cn.medicare.campaign.infra.testing.HostileClient;
import cn.medicare.campaign.infra.testing.HostileInput;
import cn.medicare.campaign.infra.testing.HostileInput.Body;
import cn.medicare.campaign.infra.testing.ServiceUnderTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers, not failures (issue 6): participation (with {@code asOf} at the ends of time),
 * categories, rankings, stages, the unpaid list and reports, fed hostile query parameters,
 * bodies and path variables, answer 2xx or a problem+json 4xx that quotes nothing of it. jqwik
 * runs no Jupiter extensions, so the service is started here, once for the class.
 */
class HostileInputIntegrationTests {

    private static final int TRIES = 150;
    private static final HostileAnswers ANSWERS = new HostileAnswers("reporting-service");
    private static final ReportingMother COUNTY = new ReportingMother("350898");
    private static final String REPORT = "{\"type\":\"WEEKLY\",\"region\":\"350898\",\"coverageYear\":2018,\"asOf\":\"2017-10-09T02:15:00Z\"}";

    private static ServiceUnderTest service;
    private static HostileClient client;
    private static String reportId;

    @BeforeContainer
    static void start() {
        service = ServiceUnderTest.start("reporting_hostile", ReportingServiceApplication.class);
        client = new HostileClient(service.port());
        JdbcTemplate jdbc = service.bean(JdbcTemplate.class);
        EventTraffic.publish(COUNTY.campaign(), COUNTY.targets(), COUNTY.enrolled(1, 0, true));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from person_year where region = '350898'", Integer.class)).isOne());
        HttpResponse<String> created = client.send("bureau", "POST", "/api/v1/reports", new Body("application/json", REPORT, "valid"));
        if (created.statusCode() != 201) {
            throw new AssertionError("the report to read was refused: " + created.body());
        }
        reportId = JsonMapper.shared().readTree(created.body()).get("reportId").asString();
    }

    @AfterContainer
    static void stop() {
        ANSWERS.reportAndStop(service);
    }

    @Property(tries = TRIES)
    void participation(@ForAll("participationParameters") String parameter, @ForAll(supplier = HostileInput.QueryValues.class) String value) {
        ANSWERS.check("GET /api/v1/participation?region=&coverageYear=&asOf=",
                get("/api/v1/participation", "region=350898&coverageYear=2018&asOf=2017-10-09T02:15:00Z", parameter, value));
    }

    @Property(tries = TRIES)
    void asOfAtTheEndsOfTime(@ForAll("instants") String asOf) {
        ANSWERS.check("GET /api/v1/participation?asOf= (instants)",
                client.send("bureau", "GET", "/api/v1/participation?region=350898&coverageYear=2018&asOf=" + asOf, null));
    }

    @Property(tries = TRIES)
    void categories(@ForAll("keyParameters") String parameter, @ForAll(supplier = HostileInput.QueryValues.class) String value) {
        ANSWERS.check("GET /api/v1/participation/categories?region=&coverageYear=",
                get("/api/v1/participation/categories", "region=350898&coverageYear=2018", parameter, value));
    }

    @Property(tries = TRIES)
    void rankings(@ForAll("rankingParameters") String parameter, @ForAll(supplier = HostileInput.QueryValues.class) String value) {
        ANSWERS.check("GET /api/v1/rankings?region=&coverageYear=&period=",
                get("/api/v1/rankings", "region=350898&coverageYear=2018&period=MONTHLY", parameter, value));
    }

    @Property(tries = TRIES)
    void stages(@ForAll("keyParameters") String parameter, @ForAll(supplier = HostileInput.QueryValues.class) String value) {
        ANSWERS.check("GET /api/v1/stages?region=&coverageYear=", get("/api/v1/stages", "region=350898&coverageYear=2018", parameter, value));
    }

    @Property(tries = TRIES)
    void unpaid(@ForAll("unpaidParameters") String parameter, @ForAll(supplier = HostileInput.QueryValues.class) String value) {
        ANSWERS.check("GET /api/v1/unpaid?region=&coverageYear=&township=",
                get("/api/v1/unpaid", "region=350898&coverageYear=2018&township=" + COUNTY.township(0), parameter, value));
    }

    @Property(tries = TRIES)
    void personStatus(@ForAll(supplier = HostileInput.Segments.class) String personId, @ForAll(supplier = HostileInput.QueryValues.class) String coverageYear) {
        ANSWERS.check("GET /api/v1/people/{personId}?coverageYear=",
                client.send("bureau", "GET", "/api/v1/people/" + personId + "?coverageYear=" + coverageYear, null));
    }

    @Property(tries = TRIES)
    void reportRequests(@ForAll("reportBodies") Body body) {
        ANSWERS.check("POST /api/v1/reports", client.send("bureau", "POST", "/api/v1/reports", body));
    }

    @Property(tries = TRIES)
    void reportLists(@ForAll("reportListParameters") String parameter, @ForAll(supplier = HostileInput.QueryValues.class) String value) {
        ANSWERS.check("GET /api/v1/reports?region=&coverageYear=&type=",
                get("/api/v1/reports", "region=350898&coverageYear=2018&type=WEEKLY", parameter, value));
    }

    @Property(tries = TRIES)
    void reports(@ForAll(supplier = HostileInput.Segments.class) String id, @ForAll("formats") String format, @ForAll boolean content) {
        String path = "/api/v1/reports/" + (id.equals("valid") ? reportId : id) + (content ? "/content." + format : "");
        ANSWERS.check("GET /api/v1/reports/{id}[/content.{format}]", client.send("bureau", "GET", path, null));
    }

    /** The hostile inputs these properties once found answered with a 500, each now a 400 naming its parameter. */
    @Example
    void theInputsThatOnceFailedAreAnswered() {
        for (String asOf : new String[] {"-1000000000-01-01T00:00:00Z", "%2B1000000000-12-31T23:59:59.999999999Z", "%2B294277-01-01T00:00:00Z"}) {
            HttpResponse<String> answer = client.send("bureau", "GET", "/api/v1/participation?region=350898&coverageYear=2018&asOf=" + asOf, null);
            ANSWERS.check("examples", answer);
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("\"field\":\"asOf\"");
        }
        HttpResponse<String> epoch = client.send("bureau", "GET", "/api/v1/participation?region=350898&coverageYear=2018&asOf=1970-01-01T00:00:00Z", null);
        assertThat(epoch.statusCode()).isEqualTo(200);
        for (String path : new String[] {"/api/v1/stages?region=%00&coverageYear=2018", "/api/v1/rankings?region=350898&coverageYear=2018&period=%ff"}) {
            HttpResponse<String> answer = client.send("bureau", "GET", path, null);
            ANSWERS.check("examples", answer);
            assertThat(answer.statusCode()).isEqualTo(400);
        }
        // each missing or malformed field of a body is named, not the first of them for all
        HttpResponse<String> report = client.send("bureau", "POST", "/api/v1/reports",
                new Body("application/json", "{\"type\":\"WEEKLY\",\"region\":\"35082\"}", "example"));
        assertThat(report.statusCode()).isEqualTo(400);
        assertThat(JsonMapper.shared().readTree(report.body()).get("errors").valueStream().map(error -> error.get("field").asString()).toList())
                .containsExactly("region", "coverageYear");
        HttpResponse<String> lists = client.send("bureau", "POST", "/api/v1/lists", new Body("application/json", "{}", "example"));
        assertThat(lists.statusCode()).isEqualTo(400);
        assertThat(JsonMapper.shared().readTree(lists.body()).get("errors").valueStream().map(error -> error.get("field").asString()).toList())
                .containsExactly("region", "coverageYear");
    }

    @Provide
    Arbitrary<String> participationParameters() {
        return Arbitraries.of("region", "coverageYear", "asOf", "level");
    }

    @Provide
    Arbitrary<String> keyParameters() {
        return Arbitraries.of("region", "coverageYear");
    }

    @Provide
    Arbitrary<String> rankingParameters() {
        return Arbitraries.of("region", "coverageYear", "period");
    }

    @Provide
    Arbitrary<String> unpaidParameters() {
        return Arbitraries.of("region", "coverageYear", "township");
    }

    @Provide
    Arbitrary<String> reportListParameters() {
        return Arbitraries.of("region", "coverageYear", "type");
    }

    @Provide
    Arbitrary<String> instants() {
        return HostileInput.instants().map(instant -> java.net.URLEncoder.encode(instant.replace("\"", ""), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Body> reportBodies() {
        return HostileInput.bodies(REPORT);
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.oneOf(Arbitraries.of("json", "csv", "xlsx", "html", "pdf", "exe", ""), HostileInput.pathSegments());
    }

    /** The valid query with one parameter's value replaced (or added, when it was not there). */
    private static HttpResponse<String> get(String path, String validQuery, String parameter, String value) {
        String query = validQuery.contains(parameter + "=")
                ? validQuery.replaceFirst(parameter + "=[^&]*", java.util.regex.Matcher.quoteReplacement(parameter + "=" + value))
                : validQuery + "&" + parameter + "=" + value;
        return client.send("bureau", "GET", path + "?" + query, null);
    }
}
