package cn.medicare.campaign.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.kit.kafka.ConsumerBacklog;
import cn.medicare.campaign.kit.kafka.DeadLetterReplay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class DeadLetterReplayIntegrationTests extends KitIntegrationTestBase {

    @Autowired
    DeadLetterReplay replay;

    @Autowired
    ConsumerBacklog backlog;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void deadLettersReplayedAfterAFixAreAppliedOnceAndNotReplayedAgain() {
        String person = PaymentMother.personId(9_101);
        KitTestApplication.REFUSED_AMOUNT.set(new BigDecimal("666.00"));
        EventTraffic.send(List.of(
                EventTraffic.record(KitTestApplication.FIXABLE, UUID.randomUUID(), PaymentMother.payment(9_101, 91_001, "666.00")),
                // an upstream's broken record: dead-lettered with its ID number starred, which a replay would not mend
                EventTraffic.record(KitTestApplication.FIXABLE, UUID.randomUUID(), "PaymentConfirmed", person,
                        "{\"personId\":\"" + person + "\",\"coverageYear\":\"350825199202020010\"}"),
                EventTraffic.record(KitTestApplication.FIXABLE, UUID.randomUUID(), PaymentMother.payment(9_101, 91_002, "10.00"))));
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(total(person)).isEqualTo("10.00"));
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(waiting()).isEqualTo(2.0));

        KitTestApplication.REFUSED_AMOUNT.set(null);
        assertThat(replay.replay(KitTestApplication.FIXABLE)).as("the starred one passed over")
                .isEqualTo(new DeadLetterReplay.Outcome(1, 0, 1, true));
        assertThat(waiting()).as("the replayed dead letter no longer waits").isZero();
        assertThat(total(person)).as("applied by the replay itself").isEqualTo("676.00");

        assertThat(replay.replay(KitTestApplication.FIXABLE)).isEqualTo(new DeadLetterReplay.Outcome(0, 0, 0, true));
        assertThat(total(person)).isEqualTo("676.00");
    }

    /**
     * The replay writes nothing to the topic a dead letter came from, which a service has no right to write (docs/security.md):
     * it gives the dead letter to the consumer here. Not fixed yet, it fails again and goes back to the dead-letter topic; the
     * replay after the fix applies it.
     */
    @Test
    void aDeadLetterThatFailsAgainIsDeadLetteredAgainAndTheTopicItCameFromIsNeverWritten() {
        String person = PaymentMother.personId(9_104);
        KitTestApplication.REFUSED_AMOUNT.set(new BigDecimal("555.00"));
        EventTraffic.send(List.of(
                EventTraffic.record(KitTestApplication.FIXABLE, UUID.randomUUID(), PaymentMother.payment(9_104, 91_006, "555.00"))));
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(waiting()).isEqualTo(1.0));
        long written = written(KitTestApplication.FIXABLE);

        assertThat(replay.replay(KitTestApplication.FIXABLE)).as("not fixed yet")
                .isEqualTo(new DeadLetterReplay.Outcome(1, 1, 0, true));
        assertThat(waiting()).as("dead-lettered again").isEqualTo(1.0);
        assertThat(total(person)).isNull();

        KitTestApplication.REFUSED_AMOUNT.set(null);
        assertThat(replay.replay(KitTestApplication.FIXABLE)).isEqualTo(new DeadLetterReplay.Outcome(1, 0, 0, true));
        assertThat(waiting()).isZero();
        assertThat(total(person)).isEqualTo("555.00");
        assertThat(written(KitTestApplication.FIXABLE)).as("records on the topic the dead letter came from").isEqualTo(written);
    }

    /**
     * The live consumer's batches come first: a replay that waits over the turn's 2 s for a batch in flight stops there, says
     * so and leaves the rest for the next replay. Two replays of a group never run side by side, whichever replica is asked.
     */
    @Test
    void aReplayLeavesTheRestToTheNextWhileABatchHoldsTheTurnAndRunsAlone() throws Exception {
        String person = PaymentMother.personId(9_105);
        KitTestApplication.REFUSED_AMOUNT.set(new BigDecimal("444.00"));
        EventTraffic.send(List.of(
                EventTraffic.record(KitTestApplication.FIXABLE, UUID.randomUUID(), PaymentMother.payment(9_105, 91_007, "444.00")),
                EventTraffic.record(KitTestApplication.FIXABLE, UUID.randomUUID(), PaymentMother.payment(9_105, 91_008, "444.00"))));
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(waiting()).isEqualTo(2.0));
        KitTestApplication.REFUSED_AMOUNT.set(null);

        try (Connection batch = jdbc.getDataSource().getConnection()) {
            batch.setAutoCommit(false);
            // what every batch of the group holds while it runs: the park's turn, shared (kit Inbox, 'PARK')
            hold(batch, "select pg_advisory_xact_lock_shared(1346458187, hashtext('" + KitTestApplication.GROUP + "'))");
            assertThat(replay.replay(KitTestApplication.FIXABLE)).isEqualTo(new DeadLetterReplay.Outcome(0, 0, 0, false));
            batch.rollback();
        }
        assertThat(waiting()).isEqualTo(2.0);
        try (Connection otherReplay = jdbc.getDataSource().getConnection()) {
            otherReplay.setAutoCommit(false);
            // the lock a replay of the group holds while it runs ('RPLY')
            hold(otherReplay, "select pg_advisory_xact_lock(1380994137, hashtext('" + KitTestApplication.GROUP + "'))");
            assertThatThrownBy(() -> replay.replay(KitTestApplication.FIXABLE)).isInstanceOf(DeadLetterReplay.ReplayRunning.class);
            otherReplay.rollback();
        }
        assertThat(waiting()).isEqualTo(2.0);

        assertThat(replay.replay(KitTestApplication.FIXABLE)).isEqualTo(new DeadLetterReplay.Outcome(2, 0, 0, true));
        assertThat(total(person)).isEqualTo("888.00");
    }

    private static void hold(Connection connection, String lock) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(lock);
        }
    }

    /**
     * A consumer that hangs (a lock, a half-open socket) stops fetching, and its own lag metric goes NaN within a minute: the
     * rules built on it never fired. The broker's count of what the group has not committed goes on counting.
     */
    @Test
    void theRecordsAHangingConsumerLeavesAreCountedOffTheBroker() {
        try {
            EventTraffic.send(List.of(EventTraffic.record(KitTestApplication.FIXABLE, UUID.randomUUID(),
                    PaymentMother.payment(9_102, 91_003, KitTestApplication.HANGING.toPlainString()))));
            await().atMost(Duration.ofMinutes(1)).until(() -> KitTestApplication.HUNG.getCount() == 0);
            EventTraffic.send(List.of(
                    EventTraffic.record(KitTestApplication.FIXABLE, UUID.randomUUID(), PaymentMother.payment(9_103, 91_004, "10.00")),
                    EventTraffic.record(KitTestApplication.FIXABLE, UUID.randomUUID(), PaymentMother.payment(9_103, 91_005, "10.00"))));

            // the hanging record's batch is not committed either
            assertThat(recordsWaiting()).isGreaterThanOrEqualTo(3.0);
        } finally {
            KitTestApplication.LET_GO.countDown();
        }
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(recordsWaiting()).isZero());
        assertThat(total(PaymentMother.personId(9_103))).isEqualTo("20.00");
    }

    private double waiting() {
        backlog.refresh();
        return meters.get(ConsumerBacklog.DEAD_LETTERS).tag("topic", KitTestApplication.FIXABLE).gauge().value();
    }

    private double recordsWaiting() {
        backlog.refresh();
        return meters.get(ConsumerBacklog.RECORDS).tag("topic", KitTestApplication.FIXABLE).gauges().stream()
                .mapToDouble(Gauge::value).sum();
    }

    private static long written(String topic) {
        try (KafkaConsumer<String, String> consumer = EventTraffic.consumer(topic)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private String total(String personId) {
        List<String> totals = jdbc.queryForList("select total::text from payment_totals where person_id = ?", String.class, personId);
        return totals.isEmpty() ? null : totals.get(0);
    }
}
