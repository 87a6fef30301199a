package cn.medicare.campaign.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.events.EventType;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.kit.inbox.DispatchingHandler;
import cn.medicare.campaign.kit.inbox.EventHandlers;
import cn.medicare.campaign.kit.inbox.Inbox;
import cn.medicare.campaign.infra.testing.EventTraffic;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class InboxIntegrationTests extends KitIntegrationTestBase {

    private static final int EVENTS = 2_000;
    private static final int PEOPLE = 40;
    private static final int BATCH = 100;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Inbox inbox;

    @Test
    void everyEventDeliveredTwiceInShuffledBatchesIsAppliedExactlyOnce() {
        Random random = new Random(2018);
        Map<String, BigDecimal> expectedTotals = new HashMap<>();
        Map<String, Integer> expectedCounts = new HashMap<>();
        List<ProducerRecord<String, String>> delivery = new ArrayList<>();
        for (int first = 0; first < EVENTS; first += BATCH) {
            List<ProducerRecord<String, String>> batch = new ArrayList<>();
            for (int n = first; n < first + BATCH; n++) {
                PaymentConfirmed payment = PaymentMother.payment(n % PEOPLE, n, (n % 7) * 30 + ".00");
                expectedTotals.merge(payment.personId(), payment.amount(), BigDecimal::add);
                expectedCounts.merge(payment.personId(), 1, Integer::sum);
                UUID id = UUID.randomUUID();
                batch.add(EventTraffic.record(KitTestApplication.PAYMENTS, id, payment));
                batch.add(EventTraffic.record(KitTestApplication.PAYMENTS, id, payment));
            }
            Collections.shuffle(batch, random);
            delivery.addAll(batch);
        }

        EventTraffic.send(delivery);

        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(appliedIds()).isEqualTo(EVENTS));
        Map<String, BigDecimal> totals = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("select person_id, payments, total from payment_totals where person_id = any(?)", row -> {
            totals.put(row.getString(1), row.getBigDecimal(3));
            counts.put(row.getString(1), row.getInt(2));
        }, (Object) expectedTotals.keySet().toArray(String[]::new));
        assertThat(counts).isEqualTo(expectedCounts);
        assertThat(totals).isEqualTo(expectedTotals);
    }

    @Test
    void consecutiveEventsOfATypeAppliedInRunsAreAppliedTogetherAndInTheOrderOfTheBatch() {
        String key = PaymentMother.personId(9_301);
        // one key, one partition, one send: they arrive in one batch as a rule
        EventTraffic.send(List.of(PaymentMother.payment(9_301, 93_001, "10.00"), PaymentMother.payment(9_301, 93_002, "20.00"),
                        PaymentMother.refund(9_301, 93_002, "5.00"), PaymentMother.payment(9_301, 93_003, "30.00"),
                        PaymentMother.payment(9_301, 93_004, "40.00"))
                .stream().map(event -> EventTraffic.record(KitTestApplication.RUNS, UUID.randomUUID(), event)).toList());

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(ledger(key, "entry")).hasSize(5));
        assertThat(ledger(key, "entry")).containsExactly("10.00", "20.00", "-5.00", "30.00", "40.00");
        assertThat(ledger(key, "run_size")).containsExactly("2", "2", "0", "2", "2");
    }

    @Test
    void aBatchFindsItsPeopleByKeyInATableNotYetAnalysed() {
        jdbc.execute("drop table if exists probe");
        jdbc.execute("create table probe (person_id varchar(32) primary key, paid numeric(12, 2)) with (autovacuum_enabled = false)");
        jdbc.update("insert into probe select lpad(n::text, 32, '0'), 0 from generate_series(1, 25000) n");
        String[] batch = IntStream.rangeClosed(1, 250).mapToObj(n -> "%032d".formatted(n * 97)).toArray(String[]::new);
        String lookup = "explain select * from probe where person_id = any(cast(? as varchar[]))";
        List<String> plans = new ArrayList<>();
        EventHandlers handlers = EventHandlers.forTopics(Topics.PAYMENTS)
                .on(PaymentConfirmed.class, payment -> plans.add(String.join("\n", jdbc.queryForList(lookup, String.class, (Object) batch))))
                .ignore(EventType.PAYMENT_REFUNDED, EventType.REFUND_DUE, EventType.COVERAGE_STARTED)
                .build();
        DispatchingHandler handler = () -> handlers;

        inbox.apply("kit-probe", List.of(received(PaymentMother.payment(9_401, 94_001, "10.00"))), handler);

        // what PostgreSQL plans without statistics elsewhere: the whole table scanned for a batch's people
        assertThat(String.join("\n", jdbc.queryForList(lookup, String.class, (Object) batch))).contains("Seq Scan on probe");
        assertThat(plans).singleElement(STRING).doesNotContain("Seq Scan").contains("probe_pkey");
    }

    /** A batch's statements are planned for its backend alone, and only the batch's: the pooled connection keeps its default. */
    @Test
    void aBatchReadsWithoutParallelWorkers() {
        String workers = "select current_setting('max_parallel_workers_per_gather')";
        List<String> inside = new ArrayList<>();
        EventHandlers handlers = EventHandlers.forTopics(Topics.PAYMENTS)
                .on(PaymentConfirmed.class, payment -> inside.add(jdbc.queryForObject(workers, String.class)))
                .ignore(EventType.PAYMENT_REFUNDED, EventType.REFUND_DUE, EventType.COVERAGE_STARTED)
                .build();
        DispatchingHandler handler = () -> handlers;

        inbox.apply("kit-probe-workers", List.of(received(PaymentMother.payment(9_402, 94_002, "10.00"))), handler);

        assertThat(inside).containsExactly("0");
        assertThat(jdbc.queryForObject(workers, String.class)).isNotEqualTo("0");
    }

    private static ConsumerRecord<String, String> received(PaymentConfirmed payment) {
        ProducerRecord<String, String> sent = EventTraffic.record(Topics.PAYMENTS, UUID.randomUUID(), payment);
        return new ConsumerRecord<>(sent.topic(), 0, 0, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, sent.key(), sent.value(), sent.headers(), Optional.empty());
    }

    private List<String> ledger(String personId, String column) {
        return jdbc.queryForList("select " + column + "::text from ledger where person_id = ? order by seq", String.class, personId);
    }

    private int appliedIds() {
        return jdbc.queryForObject("select count(*) from inbox where consumer_group = ? and topic = ?", Integer.class,
                KitTestApplication.GROUP, KitTestApplication.PAYMENTS);
    }
}
