package cn.medicare.campaign.reporting.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.events.Event;
import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.reporting.ReportingDatabase;
import cn.medicare.campaign.reporting.ReportingMother;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schedule settles a stage only once the read model has applied what reached Kafka before the run:
 * a payment held up in the consumer over the deadline night is in the settled figures, not missing from them.
 */
@RealInfrastructure
// no allowance for a batch in flight: the record held back below is seconds old
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "insurance.reporting.in-flight=PT0S")
class StageScheduleIntegrationTests {

    private static final String REGION = "350847";

    @LocalServerPort
    int port;

    @Autowired
    StageSettlementService settlements;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ReportingDatabase.withoutTheStageSchedule(registry, "reporting_schedule_test");
    }

    @Test
    void aStageWaitsForTheFactsTheConsumerHasNotAppliedYet() {
        ReportingMother county = new ReportingMother(REGION);
        List<Event> facts = new ArrayList<>(List.of(county.campaign(), county.targets()));
        for (int person = 1; person <= 2; person++) {
            facts.addAll(List.of(county.enrolled(person, 1, true), county.assessed(person, "0", null)));
        }
        facts.add(county.paid(1, "V1", "180.00"));
        EventTraffic.publish(facts.toArray(Event[]::new));
        ApiClient bureau = ApiClient.at(port).as("bureau");
        String participation = "/api/v1/participation?region=" + REGION + "&coverageYear=2018";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json(bureau.get(participation)).get("total")
                .get("enrolled").asInt()).isEqualTo(1));

        listeners.stop();
        try {
            // paid before the deadline, on Kafka before the run, not applied: the consumer was stopped over the night
            EventTraffic.publish(county.paid(2, "V2", "180.00"));

            settlements.settleWhatIsDue();

            assertThat(octoberStage(bureau).has("settledBy")).as("nothing settled on part of the facts").isFalse();
        } finally {
            listeners.start();
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            settlements.settleWhatIsDue();
            assertThat(octoberStage(bureau).get("settledBy").asString()).isEqualTo("schedule");
        });
        assertThat(octoberStage(bureau).get("townships").get(1).get("rate").asString()).as("both paid by Oct 31").isEqualTo("0.6667");
    }

    /**
     * A campaign first defined after its October stage had closed (the season replayed, or a county going live in January
     * with its roster migrated back-dated): the schedule's run, falling between the first facts and the rest, fixes
     * neither the stage nor a period end's standings. The stage counts every back-dated fact on each read, until the
     * bureau settles it. (A campaign held before the deadline is settled by the schedule: the test above.)
     */
    @Test
    void aStageThatClosedBeforeTheCampaignWasDefinedIsComputedOnEachReadUntilTheBureauSettlesIt() {
        String region = "350872";
        ReportingMother county = new ReportingMother(region);
        Instant defined = Instant.parse("2018-01-05T02:00:00Z");
        EventTraffic.publishAt(defined, county.campaign());
        EventTraffic.publishAt(defined, county.targets());
        EventTraffic.publish(county.enrolled(1, 1, true), county.assessed(1, "0", null), county.paid(1, "V1", "180.00"));
        // beside it, a county whose campaign was held before its deadlines, which the same step settles
        String control = "350874";
        ReportingMother held = new ReportingMother(control);
        EventTraffic.publish(held.campaign(), held.targets());
        ApiClient bureau = ApiClient.at(port).as("bureau");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json(bureau.get("/api/v1/participation?region=" + region
                + "&coverageYear=2018")).get("total").get("enrolled").asInt()).isEqualTo(1));

        // the schedule's own step for each campaign, without the wait for the consumers (other tests' campaigns left alone)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            settlements.settleDue(control, 2018);
            assertThat(octoberStage(bureau, control).get("settledBy").asString()).isEqualTo("schedule");
        });
        settlements.settleDue(region, 2018);

        assertThat(octoberStage(bureau, region).has("settledBy")).as("not fixed on the facts that had arrived by the run").isFalse();
        assertThat(periodEndsKept(region)).isZero();
        // the rest of the roster, back-dated, after the run
        EventTraffic.publish(county.enrolled(2, 1, true), county.assessed(2, "0", null), county.paid(2, "V2", "180.00"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(octoberStage(bureau, region).get("townships").get(1)
                .get("rate").asString()).isEqualTo("0.6667"));

        JsonNode settled = json(bureau.post("/api/v1/stages/recomputation", "{\"region\":\"" + region
                + "\",\"coverageYear\":2018,\"deadline\":\"2017-10-31\",\"reason\":\"上线前的阶段，按补录数据结算\"}"));
        assertThat(settled.get("settledBy").asString()).isEqualTo("bureau");
        assertThat(settled.get("townships").get(1).get("rate").asString()).isEqualTo("0.6667");
        // the period ends up to it, Sept 15 to Oct 31, kept with it
        assertThat(periodEndsKept(region)).isEqualTo(4);
    }

    private int periodEndsKept(String region) {
        return jdbc.sql("select count(*) from period_settlement where region = :region").param("region", region).query(Integer.class).single();
    }

    private JsonNode octoberStage(ApiClient bureau) {
        return octoberStage(bureau, REGION);
    }

    private JsonNode octoberStage(ApiClient bureau, String region) {
        return json(bureau.get("/api/v1/stages?region=" + region + "&coverageYear=2018")).get("stages").get(0);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }
}
