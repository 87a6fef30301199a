package cn.medicare.campaign.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.kit.kafka.ConsumerProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ConsumerProgressIntegrationTests extends KitIntegrationTestBase {

    @Autowired
    ConsumerProgress progress;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTopicIsConsumedOnceTheGroupHasAppliedEverythingOnIt() {
        UUID id = UUID.randomUUID();
        EventTraffic.send(List.of(EventTraffic.record(KitTestApplication.PAYMENTS, id, PaymentMother.payment(7, 900_001, "180.00"))));

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from inbox where consumer_group = ? and event_id = ?", Integer.class, KitTestApplication.GROUP, id) == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> progress.caughtUp(KitTestApplication.PAYMENTS));
    }

    @Test
    void aTopicWithARecordTheGroupHasNotConsumedIsNotAndATopicThatDoesNotExistIs() {
        String unsubscribed = "kit-test.not-consumed-" + UUID.randomUUID();
        EventTraffic.send(List.of(EventTraffic.record(unsubscribed, UUID.randomUUID(), PaymentMother.payment(8, 900_002, "180.00"))));

        assertThat(progress.caughtUp(unsubscribed)).isFalse();
        assertThat(progress.caughtUp("kit-test.never-written-" + UUID.randomUUID())).isTrue();
    }

    @Test
    void aTopicIsConsumedUpToAMomentWhenEveryRecordBeforeItWas() {
        String unsubscribed = "kit-test.not-consumed-" + UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(60);
        EventTraffic.send(List.of(EventTraffic.record(unsubscribed, UUID.randomUUID(), PaymentMother.payment(8, 900_003, "180.00"))));
        Instant after = Instant.now().plusSeconds(1);

        assertThat(progress.caughtUpTo(unsubscribed, before)).as("its only record came after").isTrue();
        assertThat(progress.caughtUpTo(unsubscribed, after)).isFalse();
    }
}
