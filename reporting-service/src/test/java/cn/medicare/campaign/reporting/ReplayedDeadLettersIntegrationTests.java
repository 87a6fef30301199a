package cn.medicare.campaign.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.events.Event;
import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.ServiceDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dead letter the bureau replays is a fact like any other for the figures operations watch: the participation gauges
 * follow it. They are recomputed only when told the read model changed (here never by age: an hour), so nothing but the
 * replay itself can move them.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"insurance.reporting.gauge-max-age=PT1H", "insurance.reporting.gauge-refresh-ms=200"})
class ReplayedDeadLettersIntegrationTests {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.consumer.group-id}")
    String group;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceDatabase.register(registry, "reporting_replay_test");
    }

    @Test
    void theGaugesFollowAReplayedPayment() {
        ReportingMother county = new ReportingMother("350870");
        // every live fact applied, the last of them a payment that moves the rate: the gauges have caught up with all of them
        for (Event fact : List.of(county.campaign(), county.targets(), county.enrolled(1, 0, true), county.assessed(1, "0", null),
                county.enrolled(2, 0, true), county.assessed(2, "0", null))) {
            awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T02:15:00Z"), fact));
        }
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T02:15:00Z"), county.paid(2, "V2", "180.00")));
        awaitRate(county, "0.25");

        UUID deadLetter = UUID.randomUUID();
        EventTraffic.send(List.of(EventTraffic.record(Topics.deadLetter(Topics.PAYMENTS, group), deadLetter,
                county.paid(1, "V1", "180.00"))));
        HttpResponse<String> replay = ApiClient.at(port).as("bureau")
                .post("/api/v1/operations/dead-letters/replay?topic=" + Topics.PAYMENTS, "");

        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(replay.body()).get("finished").asBoolean()).as(replay.body()).isTrue();
        // applied by the replay itself, before it answered (other classes' dead letters on the topic may be replayed beside it)
        assertThat(jdbc.queryForObject("select count(*) from inbox where event_id = ?", Integer.class, deadLetter)).isOne();
        // two of the four the township should enrol
        awaitRate(county, "0.5");
    }

    private void awaitApplied(UUID eventId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from inbox where event_id = ?", Integer.class, eventId) == 1);
    }

    private void awaitRate(ReportingMother county, String rate) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ApiClient.at(port).get("/actuator/prometheus").body())
                .containsPattern("insurance_participation_rate\\{[^}]*coverage_year=\"2018\",region=\"350870\",township=\""
                        + county.township(0) + "\"\\} " + rate.replace(".", "\\.") + "\n"));
    }
}
