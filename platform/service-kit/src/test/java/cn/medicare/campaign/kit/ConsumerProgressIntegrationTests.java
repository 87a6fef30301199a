package cn.medicare.campaign.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.kit.kafka.ConsumerProgress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;

class ConsumerProgressIntegrationTests extends KitIntegrationTestBase {

    @Autowired
    ConsumerProgress progress;

    @Autowired
    KafkaAdmin kafkaAdmin;

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

    /**
     * A request waits for what reached the topic before it began, never for a steady stream after (a busy roster held a
     * whole post of payments back, 503 on every retry): its answers are asked as of its start, once per topic.
     */
    @Test
    void aRequestWaitsForTheRecordsBeforeItBeganAndNotForThoseAfter() {
        String before = "kit-test.not-consumed-" + UUID.randomUUID();
        String after = "kit-test.not-consumed-" + UUID.randomUUID();
        EventTraffic.send(List.of(EventTraffic.record(before, UUID.randomUUID(), PaymentMother.payment(8, 900_004, "180.00"))));
        await().atMost(Duration.ofSeconds(60)).until(() -> !progress.caughtUp(before));

        ConsumerProgress.CaughtUp request = progress.forOneRequest();
        EventTraffic.send(List.of(EventTraffic.record(after, UUID.randomUUID(), PaymentMother.payment(8, 900_005, "180.00"))));

        assertThat(request.caughtUp(before)).isFalse();
        assertThat(request.caughtUp(after)).as("its only record came after the request began").isTrue();
        assertThat(progress.caughtUp(after)).isFalse();
    }

    /**
     * A decision about one person waits for that person's partition only: on a busy topic some other partition nearly
     * always holds a record in flight. The record lands where the producer's default partitioner puts its key.
     */
    @Test
    void aKeysPartitionIsConsumedUpToAMomentWhateverTheOtherPartitionsHold() throws Exception {
        String unsubscribed = "kit-test.not-consumed-" + UUID.randomUUID();
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            admin.createTopics(List.of(new NewTopic(unsubscribed, 12, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        PaymentConfirmed payment = PaymentMother.payment(9, 900_004, "180.00");
        String elsewhere = IntStream.range(10, 100).mapToObj(PaymentMother::personId)
                .filter(key -> partition(key) != partition(payment.personId())).findFirst().orElseThrow();
        EventTraffic.send(List.of(EventTraffic.record(unsubscribed, UUID.randomUUID(), payment)));
        Instant after = Instant.now().plusSeconds(1);

        assertThat(progress.caughtUpTo(unsubscribed, payment.personId(), after)).isFalse();
        assertThat(progress.caughtUpTo(unsubscribed, elsewhere, after)).as("another person's partition").isTrue();
        assertThat(progress.caughtUpTo(unsubscribed, after)).isFalse();
    }

    private static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 12;
    }
}
