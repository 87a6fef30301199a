package cn.medicare.campaign.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.EventHeaders;
import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.kit.kafka.ConsumerBacklog;
import cn.medicare.campaign.kit.kafka.DeadLetterReplay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
                .isEqualTo(new DeadLetterReplay.Outcome(1, 1));
        assertThat(waiting()).as("the replayed dead letter no longer waits").isZero();

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(total(person)).isEqualTo("676.00"));
        assertThat(replay.replay(KitTestApplication.FIXABLE)).isEqualTo(new DeadLetterReplay.Outcome(0, 0));
    }

    /**
     * The campaign topic is compacted: a key's last record is all a new reader finds. A campaign's first version replayed
     * after its second is followed by the second again, so that the second stays the last.
     */
    @Test
    void anOldVersionReplayedToTheCompactedCampaignTopicIsFollowedByTheNewestAgain() {
        String key = "350999:2030:campaign";
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        EventTraffic.send(List.of(EventTraffic.record(Topics.CAMPAIGN, first, "CampaignDefined", key, "{\"version\":1}"),
                EventTraffic.record(Topics.CAMPAIGN, second, "CampaignDefined", key, "{\"version\":2}")));
        EventTraffic.send(List.of(EventTraffic.record(Topics.deadLetter(Topics.CAMPAIGN, KitTestApplication.GROUP), first,
                "CampaignDefined", key, "{\"version\":1}")));

        assertThat(replay.replay(Topics.CAMPAIGN).replayed()).isEqualTo(1);

        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = EventTraffic.consumer(Topics.CAMPAIGN)) {
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                EventTraffic.poll(consumer).stream().filter(record -> key.equals(record.key()))
                        .forEach(record -> ids.add(EventTraffic.header(record, EventHeaders.ID)));
                assertThat(ids).containsExactly(first.toString(), second.toString(), first.toString(), second.toString());
            });
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

    private String total(String personId) {
        List<String> totals = jdbc.queryForList("select total::text from payment_totals where person_id = ?", String.class, personId);
        return totals.isEmpty() ? null : totals.get(0);
    }
}
