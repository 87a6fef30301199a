package cn.medicare.campaign.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.HostileAnswers;
import cn.medicare.campaign.infra.testing.HostileClient;
import cn.medicare.campaign.infra.testing.HostileInput;
import cn.medicare.campaign.infra.testing.HostileInput.Body;
import cn.medicare.campaign.infra.testing.ServiceUnderTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Answers, not failures (issue 6): the agencies' lists as JSON rows, batches, submissions and
 * assessments, fed hostile bodies, path variables, query parameters and headers, answer 2xx or a
 * problem+json 4xx that quotes nothing of it. jqwik runs no Jupiter extensions, so the service
 * is started here, once for the class, with business time standing still ({@link BusinessClock}).
 */
class HostileInputIntegrationTests {

    private static final int TRIES = 150;
    private static final HostileAnswers ANSWERS = new HostileAnswers("subsidy-service");
    private static final String BATCHES = "/api/v1/adjustment-batches";

    private static ServiceUnderTest service;
    private static HostileClient client;

    @BeforeContainer
    static void start() {
        service = ServiceUnderTest.start("subsidy_hostile", SubsidyServiceApplication.class, BusinessClock.class);
        client = new HostileClient(service.port());
        JdbcTemplate jdbc = service.bean(JdbcTemplate.class);
        EventTraffic.publish(Liancheng.apiExample(2018), Liancheng.targets(2018));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("select count(*) from township", Integer.class)).isEqualTo(17);
            assertThat(jdbc.queryForObject("select count(*) from campaign where coverage_year = 2018", Integer.class)).isOne();
        });
    }

    @AfterContainer
    static void stop() {
        ANSWERS.reportAndStop(service);
    }

    @Property(tries = TRIES)
    void adjustmentRows(@ForAll("rowBodies") Body body) {
        ANSWERS.check("POST /api/v1/adjustment-batches (JSON rows)", client.send("civil-affairs", "POST", BATCHES + "?month=2017-10", body));
    }

    @Property(tries = TRIES)
    void adjustmentMonthsAndKeys(@ForAll(supplier = HostileInput.QueryValues.class) String month, @ForAll(supplier = HostileInput.HeaderValues.class) String idempotencyKey,
            @ForAll boolean withKey) {
        var request = client.request("civil-affairs", BATCHES + "?month=" + month).header("Content-Type", "application/json");
        if (withKey) {
            HostileClient.header(request, "Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> answer = client.send(request.POST(java.net.http.HttpRequest.BodyPublishers.ofString(rows(400))));
        ANSWERS.check("POST /api/v1/adjustment-batches?month= (query, Idempotency-Key)", answer);
    }

    @Property(tries = TRIES)
    void batches(@ForAll(supplier = HostileInput.Segments.class) String batchId) {
        ANSWERS.check("GET /api/v1/adjustment-batches/{batchId}", client.send("civil-affairs", "GET", BATCHES + "/" + batchId, null));
    }

    @Property(tries = TRIES)
    void submissions(@ForAll(supplier = HostileInput.QueryValues.class) String month) {
        ANSWERS.check("GET /api/v1/submissions?month=", client.send("bureau", "GET", "/api/v1/submissions?month=" + month, null));
    }

    @Property(tries = TRIES)
    void assessments(@ForAll(supplier = HostileInput.Segments.class) String personId, @ForAll(supplier = HostileInput.QueryValues.class) String coverageYear) {
        String person = personId.equals("valid") ? Liancheng.personId(Liancheng.idNumber(401)) : personId;
        ANSWERS.check("GET /api/v1/assessments/{personId}?coverageYear=",
                client.send("bureau", "GET", "/api/v1/assessments/" + person + "?coverageYear=" + coverageYear, null));
    }

    /** The hostile inputs these properties once found answered with a 500, each now a 4xx naming its field or row. */
    @Example
    void theInputsThatOnceFailedAreAnswered() {
        HttpResponse<String> farFuture = client.send("civil-affairs", "POST", BATCHES + "?month=2017-10",
                new Body("application/json", rows(402).replace("2017-10-15", "+9999999-12-31"), "example"));
        ANSWERS.check("examples", farFuture);
        assertThat(farFuture.statusCode()).isEqualTo(202);
        assertThat(farFuture.body()).contains("\"field\":\"effectiveDate\"").doesNotContain("9999999");
        HttpResponse<String> undecodable = client.send("bureau", "GET", "/api/v1/submissions?month=%ff%fe", null);
        ANSWERS.check("examples", undecodable);
        assertThat(undecodable.statusCode()).isEqualTo(400);
        for (String type : new String[] {"application/json", "text/csv"}) {
            HttpResponse<String> empty = client.send("civil-affairs", "POST", BATCHES + "?month=2017-10", new Body(type, "", "empty"));
            ANSWERS.check("examples", empty);
            assertThat(empty.statusCode()).isEqualTo(400);
        }
        HttpResponse<String> broken = client.send("civil-affairs", "POST", BATCHES + "?month=2017-10",
                new Body("multipart/form-data", rows(403), "no boundary"));
        ANSWERS.check("examples", broken);
        assertThat(broken.statusCode()).isEqualTo(400);
        // a signed year parses as uuuu and overflowed the month's column; a NUL in a CSV cell reached PostgreSQL
        for (String month : new String[] {"-0001-01", "%2B2017-10", "12017-10"}) {
            HttpResponse<String> signed = client.send("civil-affairs", "POST", BATCHES + "?month=" + month,
                    new Body("application/json", rows(404), "example"));
            ANSWERS.check("examples", signed);
            assertThat(signed.statusCode()).as(month).isEqualTo(400);
            assertThat(signed.body()).contains("\"field\":\"month\"");
        }
        HttpResponse<String> nul = client.send("civil-affairs", "POST", BATCHES + "?month=2017-10", new Body("text/csv",
                "township,village,idNumber,action,category,effectiveDate\n" + Liancheng.LIANFENG + "\u0000," + Liancheng.VILLAGE + ","
                        + Liancheng.idNumber(405) + ",ADD,ORPHAN,2017-10-15\n", "NUL"));
        ANSWERS.check("examples", nul);
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.body()).contains("\"field\":\"township\"", "\"row\":1");
    }

    @Provide
    Arbitrary<Body> rowBodies() {
        return HostileInput.bodies(rows(401));
    }

    private static String rows(int sequence) {
        return """
                {"rows":[{"township":"%s","village":"%s","idNumber":"%s","phone":"13800000000","action":"ADD","category":"ORPHAN",
                          "effectiveDate":"2017-10-15"}]}""".formatted(Liancheng.LIANFENG, Liancheng.VILLAGE, Liancheng.idNumber(sequence));
    }
}
