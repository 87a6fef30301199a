package cn.medicare.campaign.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.events.Event;
import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.ServiceDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * subsidy-service on the real infrastructure, one context for every integration test class (one
 * consumer in the group). Business time stands still on 2017-10-09 10:15 in Liancheng, during
 * the 2018 collection period and before the 10th ({@link BusinessClock}).
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(BusinessClock.class)
public abstract class SubsidyIntegrationTestBase {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceDatabase.register(registry, "subsidy_test");
        // a campaign's reassessment in chunks of two people: a test's handful crosses chunk boundaries
        registry.add("insurance.subsidy.reassessment-chunk", () -> "2");
        registry.add("insurance.subsidy.reassessment-every", () -> "PT0.2S");
    }

    /** Liancheng's 2018 campaign and townships, as enrollment-service published them. */
    @BeforeEach
    void lianchengCampaign() {
        if (jdbc.queryForObject("select count(*) from township where region = '350825'", Integer.class) < 17) {
            EventTraffic.publish(Liancheng.apiExample(2018), Liancheng.targets(2018));
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(jdbc.queryForObject("select count(*) from township where region = '350825'", Integer.class)).isEqualTo(17);
                assertThat(jdbc.queryForObject("select count(*) from campaign where coverage_year = 2018", Integer.class)).isOne();
            });
        }
    }

    /** Publishes an event and waits until the service has applied it (its id is in the inbox). */
    void publishAndAwaitApplied(Event event) {
        UUID id = UUID.randomUUID();
        EventTraffic.send(List.of(EventTraffic.record(event.type().topic(), id, event)));
        awaitApplied(id);
    }

    void awaitApplied(UUID eventId) {
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from inbox where consumer_group = 'subsidy-service' and event_id = ?", Integer.class, eventId) == 1);
    }

    /** The payloads of the events of one type the service wrote for a key, oldest first. */
    List<String> published(String type, String key) {
        return jdbc.queryForList("""
                select payload::text from outbox where aggregatetype = ? and type = ? and aggregateid = ? order by created_at""",
                String.class, Topics.ELIGIBILITY, type, key);
    }

    List<String> awaitPublished(String type, String key, int count) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(published(type, key)).hasSize(count));
        return published(type, key);
    }

    HttpResponse<String> get(String client, String path) {
        return api(client).get(path);
    }

    HttpResponse<String> post(String client, String path, String contentType, String body, String... headers) {
        ApiClient api = api(client);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            api = api.withHeader(headers[i], headers[i + 1]);
        }
        return api.post(path, contentType, body);
    }

    HttpResponse<String> postBytes(String client, String path, String contentType, byte[] body) {
        return api(client).post(path, contentType, body);
    }

    ApiClient api(String client) {
        return client == null ? ApiClient.at(port) : ApiClient.at(port).as(client);
    }
}
