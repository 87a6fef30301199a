package cn.medicare.campaign.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.EventHeaders;
import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.kit.kafka.DeadLetters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

class DeadLetterIntegrationTests extends KitIntegrationTestBase {

    private static final String TOPIC = KitTestApplication.POISON;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheRecordsAfterThemAreApplied() {
        String key = PaymentMother.personId(9_001);
        PaymentConfirmed before = PaymentMother.payment(9_001, 90_001, "180.00");
        PaymentConfirmed after = PaymentMother.payment(9_001, 90_002, "40.00");
        PaymentConfirmed last = PaymentMother.payment(9_001, 90_003, "70.00");
        UUID invalidJson = UUID.randomUUID();
        // one key, so one partition: the poison records sit between good ones
        EventTraffic.send(List.of(
                EventTraffic.record(TOPIC, UUID.randomUUID(), before),
                EventTraffic.record(TOPIC, invalidJson, "PaymentConfirmed", key, "{\"personId\": \"" + key + "\", "),
                EventTraffic.record(TOPIC, UUID.randomUUID(), after),
                EventTraffic.record(TOPIC, null, "PaymentConfirmed", key, "{}"),
                EventTraffic.record(TOPIC, UUID.randomUUID(), last)));

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(paymentsOf(key)).isEqualTo(3));
        assertThat(jdbc.queryForObject("select total from payment_totals where person_id = ?", String.class, key))
                .isEqualTo("290.00");

        String deadLetterTopic = Topics.deadLetter(TOPIC, KitTestApplication.GROUP);
        List<ConsumerRecord<String, String>> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = EventTraffic.consumer(deadLetterTopic)) {
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                deadLetters.addAll(EventTraffic.poll(consumer));
                assertThat(deadLetters).hasSize(2);
            });
        }
        assertThat(EventTraffic.header(deadLetters.get(0), EventHeaders.ID)).isEqualTo(invalidJson.toString());
        assertThat(deadLetters.get(0).value()).as("no ID number: as it came, to be replayed").isEqualTo("{\"personId\": \"" + key + "\", ");
        assertThat(EventTraffic.header(deadLetters.get(0), DeadLetters.ID_NUMBERS_REDACTED)).isNull();
        assertThat(EventTraffic.header(deadLetters.get(1), EventHeaders.ID)).isNull();
        assertThat(EventTraffic.header(deadLetters.get(0), "kafka_dlt-exception-message")).contains("not a valid PaymentConfirmed");

        Counter counter = meters.find(DeadLetters.COUNTER).tag("topic", TOPIC).tag("group", KitTestApplication.GROUP).counter();
        assertThat(counter).isNotNull();
        assertThat(counter.count()).isEqualTo(2.0);
    }

    /**
     * A malformed record with an ID number where a number belongs: the parser's message quotes it, the log, the headers and
     * the dead letter do not (EVENTS.md: a dead-letter record is a Kafka record too); the dead letter says it was starred.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anIdNumberInAPoisonRecordReachesNeitherTheLogNorTheDeadLetter(CapturedOutput output) {
        String key = PaymentMother.personId(9_101);
        String idNumber = "350825199202020010";
        UUID poison = UUID.randomUUID();
        // keyed by the number, not the person id it should be: the key is starred too
        ProducerRecord<String, String> malformed = EventTraffic.record(TOPIC, poison, "PaymentConfirmed", idNumber,
                "{\"personId\":\"" + key + "\",\"coverageYear\":\"" + idNumber + "\"}");
        malformed.headers().add("note", ("见" + idNumber).getBytes(StandardCharsets.UTF_8)).add("note", "第二".getBytes(StandardCharsets.UTF_8));
        EventTraffic.send(List.of(malformed));

        List<ConsumerRecord<String, String>> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = EventTraffic.consumer(Topics.deadLetter(TOPIC, KitTestApplication.GROUP))) {
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                EventTraffic.poll(consumer).stream().filter(record -> poison.toString().equals(EventTraffic.header(record, EventHeaders.ID)))
                        .forEach(deadLetters::add);
                assertThat(deadLetters).hasSize(1);
            });
        }
        ConsumerRecord<String, String> deadLetter = deadLetters.get(0);
        assertThat(deadLetter.value()).isEqualTo("{\"personId\":\"" + key + "\",\"coverageYear\":\"" + "*".repeat(18) + "\"}");
        assertThat(EventTraffic.header(deadLetter, DeadLetters.ID_NUMBERS_REDACTED)).isEqualTo("true");
        assertThat(deadLetter.headers().headers("note")).extracting(header -> new String(header.value(), StandardCharsets.UTF_8))
                .containsExactly("见" + "*".repeat(18), "第二");
        assertThat(EventTraffic.header(deadLetter, EventHeaders.ID)).isEqualTo(poison.toString());
        assertThat(deadLetter.key()).isEqualTo("*".repeat(18));
        assertThat(EventTraffic.header(deadLetter, "kafka_dlt-exception-message")).contains("not a valid PaymentConfirmed", "******")
                .doesNotContain(idNumber);
        assertThat(EventTraffic.header(deadLetter, "kafka_dlt-exception-stacktrace")).isNotEmpty().doesNotContain(idNumber);
        assertThat(output.getOut()).contains("Dead-lettered " + TOPIC).doesNotContain(idNumber);
    }

    /**
     * A record of a type this version does not know is parked as it came and its type logged: one holding an ID number
     * (a producer's mistake, not a newer version's event) is dead-lettered with the number starred instead, so that neither
     * the park nor the log line holds it.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aRecordOfAnUnknownTypeHoldingAnIdNumberIsDeadLetteredNotParked(CapturedOutput output) {
        String idNumber = "350825199303030015";
        String key = PaymentMother.personId(9_102);
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        EventTraffic.send(List.of(EventTraffic.record(TOPIC, ids.get(0), "PaymentDisputed-" + idNumber, key, "{}"),
                EventTraffic.record(TOPIC, ids.get(1), "PaymentDisputed", idNumber, "{}"),
                EventTraffic.record(TOPIC, ids.get(2), "PaymentDisputed", key, "{\"note\":\"" + idNumber + "\"}")));

        List<ConsumerRecord<String, String>> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = EventTraffic.consumer(Topics.deadLetter(TOPIC, KitTestApplication.GROUP))) {
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                EventTraffic.poll(consumer).stream()
                        .filter(record -> ids.stream().map(UUID::toString).anyMatch(id -> id.equals(EventTraffic.header(record, EventHeaders.ID))))
                        .forEach(deadLetters::add);
                assertThat(deadLetters).hasSize(3);
            });
        }
        String stars = "*".repeat(18);
        assertThat(deadLetters).extracting(record -> EventTraffic.header(record, EventHeaders.TYPE) + " " + record.key() + " " + record.value())
                .containsExactlyInAnyOrder("PaymentDisputed-" + stars + " " + key + " {}", "PaymentDisputed " + stars + " {}",
                        "PaymentDisputed " + key + " {\"note\":\"" + stars + "\"}");
        assertThat(jdbc.queryForObject("select count(*) from parked_event where event_id = any(?)", Integer.class,
                (Object) ids.toArray(UUID[]::new))).isZero();
        assertThat(output.getOut()).contains("Dead-lettered " + TOPIC).doesNotContain(idNumber);
    }

    @Test
    void whenTheWorkForAWholeBatchFailsOnlyTheEventAtFaultIsDeadLetteredAndTheOthersAreApplied() {
        String key = PaymentMother.personId(9_201);
        List<PaymentConfirmed> payments = List.of(PaymentMother.payment(9_201, 92_001, "10.00"),
                PaymentMother.payment(9_201, 92_002, "20.00"), PaymentMother.payment(9_201, 92_003, "66.66"),
                PaymentMother.payment(9_201, 92_004, "30.00"));
        UUID unfinishable = UUID.randomUUID();
        // one key, one partition, one send: the four arrive in one batch as a rule
        EventTraffic.send(payments.stream().map(payment -> EventTraffic.record(KitTestApplication.BATCHED,
                payment.amount().equals(KitTestApplication.UNFINISHABLE) ? unfinishable : UUID.randomUUID(), payment)).toList());

        assertOnlyDeadLettered(KitTestApplication.BATCHED, key, unfinishable);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(paymentsOf(key)).isEqualTo(3));
        assertThat(jdbc.queryForObject("select total from payment_totals where person_id = ?", String.class, key))
                .isEqualTo("60.00");
    }

    /**
     * The work for a whole batch met another transaction in the way (here a row it holds, asked for without waiting:
     * PostgreSQL's 55P03, which Spring leaves uncategorised), not any event's fault: the batch is tried again whole once the
     * row is free, one judgement of all its events, never split into one transaction per event as for an event at fault,
     * nor any of them dead-lettered.
     */
    @Test
    void whenTheWorkForAWholeBatchMeetsALockTheBatchIsTriedAgainWholeNotOneEventAtATime() throws Exception {
        String key = PaymentMother.personId(9_601);
        CountDownLatch gateFoundHeld = new CountDownLatch(1);
        KitTestApplication.GATE_FOUND_HELD.set(gateFoundHeld);
        try (Connection holder = dataSource.getConnection(); Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("select id from gate where id = 1 for update");
            // one key, one partition, one send: the three arrive in one batch as a rule
            EventTraffic.send(List.of(
                    EventTraffic.record(KitTestApplication.BATCHED, UUID.randomUUID(), PaymentMother.payment(9_601, 96_001, "10.00")),
                    EventTraffic.record(KitTestApplication.BATCHED, UUID.randomUUID(), PaymentMother.payment(9_601, 96_002, "55.55")),
                    EventTraffic.record(KitTestApplication.BATCHED, UUID.randomUUID(), PaymentMother.payment(9_601, 96_003, "20.00"))));
            assertThat(gateFoundHeld.await(1, TimeUnit.MINUTES)).isTrue();
            holder.commit();
        }

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(paymentsOf(key)).isEqualTo(3));
        assertThat(jdbc.queryForList("select events from judgement where person_id = ?", Integer.class, key)).containsExactly(3);
    }

    @Test
    void whenARunOfSeveralEventsFailsOnlyTheEventAtFaultIsDeadLetteredAndTheOthersAreApplied() {
        String key = PaymentMother.personId(9_401);
        UUID unfinishable = UUID.randomUUID();
        EventTraffic.send(List.of(
                EventTraffic.record(KitTestApplication.RUNS, UUID.randomUUID(), PaymentMother.payment(9_401, 94_001, "10.00")),
                EventTraffic.record(KitTestApplication.RUNS, unfinishable, PaymentMother.payment(9_401, 94_002, "66.66")),
                EventTraffic.record(KitTestApplication.RUNS, UUID.randomUUID(), PaymentMother.payment(9_401, 94_003, "30.00"))));

        assertOnlyDeadLettered(KitTestApplication.RUNS, key, unfinishable);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select entry::text from ledger where person_id = ? order by seq", String.class, key)).containsExactly("10.00", "30.00"));
    }

    /**
     * A record the inbox itself cannot record (a type longer than its column) fails the batch's first statement: the
     * batch is then applied one event at a time, and that record is dead-lettered, not the good one before it.
     */
    @Test
    void aRecordTheInboxCannotRecordIsDeadLetteredAndNotTheFirstOfItsBatch() {
        String key = PaymentMother.personId(9_501);
        UUID overlong = UUID.randomUUID();
        EventTraffic.send(List.of(
                EventTraffic.record(KitTestApplication.BATCHED, UUID.randomUUID(), PaymentMother.payment(9_501, 95_001, "10.00")),
                EventTraffic.record(KitTestApplication.BATCHED, overlong, "Payment".repeat(40), key, "{}"),
                EventTraffic.record(KitTestApplication.BATCHED, UUID.randomUUID(), PaymentMother.payment(9_501, 95_002, "20.00"))));

        assertOnlyDeadLettered(KitTestApplication.BATCHED, key, overlong);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(paymentsOf(key)).isEqualTo(2));
    }

    /** The one record of this key (the test's) dead-lettered from the topic is the event with this id. */
    private static void assertOnlyDeadLettered(String topic, String key, UUID eventId) {
        List<ConsumerRecord<String, String>> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = EventTraffic.consumer(Topics.deadLetter(topic, KitTestApplication.GROUP))) {
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                EventTraffic.poll(consumer).stream().filter(record -> key.equals(record.key())).forEach(deadLetters::add);
                assertThat(deadLetters).hasSize(1);
            });
        }
        assertThat(EventTraffic.header(deadLetters.get(0), EventHeaders.ID)).isEqualTo(eventId.toString());
    }

    private int paymentsOf(String personId) {
        List<Integer> payments = jdbc.queryForList("select payments from payment_totals where person_id = ?", Integer.class, personId);
        return payments.isEmpty() ? 0 : payments.get(0);
    }
}
