package cn.medicare.campaign.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.EventHeaders;
import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.events.EventType;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import cn.medicare.campaign.kit.inbox.DispatchingHandler;
import cn.medicare.campaign.kit.inbox.EventHandlers;
import cn.medicare.campaign.kit.inbox.Inbox;
import cn.medicare.campaign.kit.inbox.InboxHandler;
import cn.medicare.campaign.kit.inbox.IncomingEvent;
import cn.medicare.campaign.kit.inbox.PoisonRecordException;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.kit.kafka.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;

class InboxIntegrationTests extends KitIntegrationTestBase {

    private static final int EVENTS = 2_000;
    private static final int PEOPLE = 40;
    private static final int BATCH = 100;
    /** Topics no listener reads: their batches are given to the inbox by the tests themselves. */
    private static final String UNREADABLE = "kit-test.unreadable";
    private static final String FAILING = "kit-test.unreadable-and-failing";
    private static final String SECOND_TRY = "kit-test.failing-on-a-second-try";
    private static final String REFUSED = "kit-test.unreadable-and-refused";
    private static final String OWN_FAILURES = "kit-test.failing-for-its-own-reason";
    private static final String UNFORESEEN = "kit-test.unreadable-for-an-unforeseen-reason";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Inbox inbox;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TransactionTemplate transaction;

    /** The group of the kit's error handler and dead letters, which a batch applied here, off a listener's thread, falls back on. */
    @Value("${spring.kafka.consumer.group-id}")
    String group;

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
                .ignore(EventType.PAYMENT_REFUNDED, EventType.REFUND_DUE, EventType.COVERAGE_STARTED, EventType.COVERAGE_REVOKED)
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
                .ignore(EventType.PAYMENT_REFUNDED, EventType.REFUND_DUE, EventType.COVERAGE_STARTED, EventType.COVERAGE_REVOKED)
                .build();
        DispatchingHandler handler = () -> handlers;

        inbox.apply("kit-probe-workers", List.of(received(PaymentMother.payment(9_402, 94_002, "10.00"))), handler);

        assertThat(inside).containsExactly("0");
        assertThat(jdbc.queryForObject(workers, String.class)).isNotEqualTo("0");
    }

    /**
     * Records no one can read among readable ones: the readable ones are applied in one transaction, and the unreadable
     * ones dead-lettered in their order, with nothing thrown. The container then has nothing to seek back to: the error
     * handler's way read the rest of the batch again after each of them.
     */
    @Test
    void unreadableRecordsAreDeadLetteredInTheirPlaceAndTheRestOfTheBatchAppliedInOneTransaction() {
        List<String> transactions = new ArrayList<>();
        DispatchingHandler handler = inTransactions(transactions, null);
        UUID notJson = UUID.randomUUID();
        UUID notAnObject = UUID.randomUUID();

        inbox.apply(group, List.of(received(UNREADABLE, PaymentMother.payment(9_501, 95_001, "10.00")),
                received(UNREADABLE, notJson, "{not json"), received(UNREADABLE, PaymentMother.payment(9_501, 95_002, "20.00")),
                received(UNREADABLE, notAnObject, "[]"), received(UNREADABLE, PaymentMother.payment(9_501, 95_003, "30.00"))), handler);

        assertThat(transactions).hasSize(3).containsOnly(transactions.get(0));
        assertThat(deadLettered(UNREADABLE)).isEqualTo(2.0);
        assertThat(deadLetteredIds(UNREADABLE, 2)).containsExactly(notJson.toString(), notAnObject.toString());
    }

    /**
     * An unreadable record before a readable one that fails is dead-lettered, the one after it is not: the container
     * commits the offsets before the failed record, so this one is not read again, and the other is.
     */
    @Test
    void anUnreadableRecordBeforeAFailedOneIsDeadLetteredAndOneAfterItWaitsForTheRetry() {
        List<String> transactions = new ArrayList<>();
        DispatchingHandler handler = inTransactions(transactions, "13.00");
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();

        assertThatThrownBy(() -> inbox.apply(group, List.of(received(FAILING, PaymentMother.payment(9_502, 95_011, "10.00")),
                received(FAILING, before, "{not json"), received(FAILING, PaymentMother.payment(9_502, 95_012, "13.00")),
                received(FAILING, after, "[]"), received(FAILING, PaymentMother.payment(9_502, 95_013, "30.00"))), handler))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> assertThat(failed.getIndex()).isEqualTo(2));

        assertThat(jdbc.queryForObject("select count(*) from inbox where consumer_group = ? and topic = ?", Integer.class, group, FAILING))
                .as("the payment before the failed one, committed; the one after, waiting for the retry").isEqualTo(1);
        assertThat(deadLettered(FAILING)).isEqualTo(1.0);
        assertThat(deadLetteredIds(FAILING, 1)).containsExactly(before.toString());
    }

    /**
     * Should Kafka refuse a dead letter, the record is handed to the error handler at its place in the batch with its own
     * reason, which Spring Kafka's handler takes as not worth retrying and sends at once; the readable records around it
     * stay committed, and the refusal goes with the reason.
     */
    @Test
    void anUnreadableRecordKafkaRefusesToTakeIsHandedToTheErrorHandlerWithItsOwnReason() {
        KafkaException refusal = new KafkaException("the dead-letter topic refused the record (test)");
        Inbox refusing = new Inbox(JdbcClient.create(jdbc), transaction, meters, (record, failure) -> {
            throw refusal;
        }, 5);
        DispatchingHandler handler = inTransactions(new ArrayList<>(), null);

        assertThatThrownBy(() -> refusing.apply(group, List.of(received(REFUSED, PaymentMother.payment(9_504, 95_031, "10.00")),
                received(REFUSED, UUID.randomUUID(), "{not json"), received(REFUSED, PaymentMother.payment(9_504, 95_032, "20.00"))),
                handler))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> {
                    assertThat(failed.getIndex()).isEqualTo(1);
                    assertThat(failed.getCause()).isInstanceOf(PoisonRecordException.class).hasSuppressedException(refusal);
                });
        assertThat(jdbc.queryForObject("select count(*) from inbox where consumer_group = ? and topic = ?", Integer.class, group, REFUSED))
                .as("both payments, committed before the dead letter was sent").isEqualTo(2);
    }

    /**
     * A record that fails for its own reason is dead-lettered by the inbox at its limit, whatever succeeded between its
     * tries, and the records after it in its batch are applied. Spring Kafka's error handler started its count again after
     * every batch that passed between two tries (in a backlog, the thread's other partitions), so such a record held its
     * partition until they ran dry. A failure of the database is never counted: every record would fail alike.
     */
    @Test
    void aRecordFailingForItsOwnReasonIsDeadLetteredAtItsLimitWhateverPassedBetweenItsTries() {
        List<ConsumerRecord<?, ?>> deadLettered = new ArrayList<>();
        Inbox counting = new Inbox(JdbcClient.create(jdbc), transaction, meters, (record, failure) -> deadLettered.add(record), 3);
        DispatchingHandler handler = inTransactions(new ArrayList<>(), "13.00");
        ConsumerRecord<String, String> failing = at(0, 7, received(OWN_FAILURES, PaymentMother.payment(9_506, 95_061, "13.00")));
        ConsumerRecord<String, String> after = at(0, 8, received(OWN_FAILURES, PaymentMother.payment(9_506, 95_062, "14.00")));
        for (int passed = 1; passed <= 2; passed++) {
            assertThatThrownBy(() -> counting.apply(group, List.of(failing, after), handler))
                    .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> assertThat(failed.getIndex()).isZero());
            counting.apply(group, List.of(at(1, passed, received(OWN_FAILURES, PaymentMother.payment(9_507, 95_070 + passed, "20.00")))),
                    handler);
        }

        counting.apply(group, List.of(failing, after), handler);

        assertThat(deadLettered).singleElement().satisfies(record -> assertThat(record.offset()).isEqualTo(7));
        assertThat(jdbc.queryForObject("select count(*) from inbox where consumer_group = ? and topic = ?", Integer.class, group,
                OWN_FAILURES)).as("the two batches between the tries and the payment after the failed one").isEqualTo(3);

        EventHandlers away = EventHandlers.forTopics(Topics.PAYMENTS)
                .on(PaymentConfirmed.class, payment -> {
                    throw new DataAccessResourceFailureException("the database is away (test)");
                })
                .ignore(EventType.PAYMENT_REFUNDED, EventType.REFUND_DUE, EventType.COVERAGE_STARTED, EventType.COVERAGE_REVOKED)
                .build();
        DispatchingHandler databaseAway = () -> away;
        ConsumerRecord<String, String> waiting = at(2, 1, received(OWN_FAILURES, PaymentMother.payment(9_508, 95_081, "15.00")));
        for (int tries = 1; tries <= 4; tries++) {
            assertThatThrownBy(() -> counting.apply(group, List.of(waiting), databaseAway)).isInstanceOf(BatchListenerFailedException.class);
        }
        assertThat(deadLettered).as("not the record's fault").hasSize(1);
    }

    /**
     * A record that cannot be read for a reason no one foresaw is unreadable all the same: dead-lettered in its place and the
     * records around it applied. Thrown past the inbox, it was no record's failure, and the error handler, which now retries
     * without a limit of its own, would have retried the whole batch without end.
     */
    @Test
    void aRecordThatCannotBeReadForAnUnforeseenReasonIsDeadLetteredInItsPlace() {
        List<ConsumerRecord<?, ?>> deadLettered = new ArrayList<>();
        Inbox inbox = new Inbox(JdbcClient.create(jdbc), transaction, meters, (record, failure) -> deadLettered.add(record), 5);
        List<IncomingEvent> applied = new ArrayList<>();
        InboxHandler handler = new InboxHandler() {

            @Override
            public void apply(IncomingEvent event) {
                applied.add(event);
            }

            @Override
            public boolean applies(EventType type) {
                if (type == EventType.PAYMENT_REFUNDED) {
                    throw new IllegalStateException("unforeseen (test)");
                }
                return true;
            }
        };
        PaymentConfirmed before = PaymentMother.payment(9_509, 95_091, "10.00");
        PaymentConfirmed after = PaymentMother.payment(9_509, 95_092, "20.00");

        inbox.apply(group, List.of(at(0, 1, received(UNFORESEEN, before)),
                at(0, 2, received(EventTraffic.record(UNFORESEEN, UUID.randomUUID(), new PaymentRefunded(before.personId(), 2018,
                        before.region(), before.voucherNo(), "TF95091", before.amount(), Instant.parse("2017-11-02T03:00:00Z"), "退费")))),
                at(0, 3, received(UNFORESEEN, after))), handler);

        assertThat(deadLettered).singleElement().satisfies(record -> assertThat(record.offset()).isEqualTo(2));
        assertThat(applied).extracting(event -> event.as(PaymentConfirmed.class).voucherNo())
                .containsExactly(before.voucherNo(), after.voucherNo());
    }

    private static ConsumerRecord<String, String> at(int partition, long offset, ConsumerRecord<String, String> record) {
        return new ConsumerRecord<>(record.topic(), partition, offset, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, record.key(), record.value(), record.headers(), Optional.empty());
    }

    /**
     * The events before a failed one are applied again in a transaction of their own; should one of them fail this time
     * (a lock refused on the second try, say), the ones before it are committed before it is reported: the container
     * commits the offsets before the index it is given, and the transaction that held them was rolled back.
     */
    @Test
    void anEventBeforeTheFailedOneThatFailsOnItsSecondTryLeavesTheOnesBeforeItCommitted() {
        AtomicInteger triesOfTheSecond = new AtomicInteger();
        EventHandlers handlers = EventHandlers.forTopics(Topics.PAYMENTS)
                .on(PaymentConfirmed.class, payment -> {
                    if (payment.amount().compareTo(new BigDecimal("13.00")) == 0
                            || (payment.amount().compareTo(new BigDecimal("11.00")) == 0 && triesOfTheSecond.incrementAndGet() == 2)) {
                        throw new IllegalArgumentException("payment " + payment.voucherNo() + " refused by the test");
                    }
                })
                .ignore(EventType.PAYMENT_REFUNDED, EventType.REFUND_DUE, EventType.COVERAGE_STARTED, EventType.COVERAGE_REVOKED)
                .build();
        DispatchingHandler handler = () -> handlers;

        assertThatThrownBy(() -> inbox.apply(group, List.of(received(SECOND_TRY, PaymentMother.payment(9_503, 95_021, "10.00")),
                received(SECOND_TRY, PaymentMother.payment(9_503, 95_022, "11.00")),
                received(SECOND_TRY, PaymentMother.payment(9_503, 95_023, "13.00"))), handler))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, failed -> assertThat(failed.getIndex()).isEqualTo(1));

        assertThat(triesOfTheSecond).hasValue(2);
        assertThat(jdbc.queryForObject("select count(*) from inbox where consumer_group = ? and topic = ?", Integer.class, group,
                SECOND_TRY)).as("the first payment, committed before the offsets past it").isEqualTo(1);
    }

    /** Applies payments, noting each one's transaction; fails the one of this amount, if any. */
    private DispatchingHandler inTransactions(List<String> transactions, String failingAmount) {
        EventHandlers handlers = EventHandlers.forTopics(Topics.PAYMENTS)
                .on(PaymentConfirmed.class, payment -> {
                    if (failingAmount != null && payment.amount().compareTo(new BigDecimal(failingAmount)) == 0) {
                        throw new IllegalArgumentException("payment " + payment.voucherNo() + " refused by the test");
                    }
                    transactions.add(jdbc.queryForObject("select txid_current()::text", String.class));
                })
                .ignore(EventType.PAYMENT_REFUNDED, EventType.REFUND_DUE, EventType.COVERAGE_STARTED, EventType.COVERAGE_REVOKED)
                .build();
        return () -> handlers;
    }

    /** The topic's dead letters as counted when each was sent, before the inbox returned. */
    private double deadLettered(String topic) {
        return meters.get(DeadLetters.COUNTER).tag("topic", topic).tag("group", group).counter().count();
    }

    /** The ids of the topic's dead letters, once there are this many. */
    private List<String> deadLetteredIds(String topic, int count) {
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = EventTraffic.consumer(Topics.deadLetter(topic, group))) {
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                EventTraffic.poll(consumer).forEach(record -> ids.add(EventTraffic.header(record, EventHeaders.ID)));
                assertThat(ids).hasSize(count);
            });
        }
        return ids;
    }

    private static ConsumerRecord<String, String> received(PaymentConfirmed payment) {
        return received(Topics.PAYMENTS, payment);
    }

    private static ConsumerRecord<String, String> received(String topic, PaymentConfirmed payment) {
        return received(EventTraffic.record(topic, UUID.randomUUID(), payment));
    }

    private static ConsumerRecord<String, String> received(String topic, UUID id, String payload) {
        return received(EventTraffic.record(topic, id, "PaymentConfirmed", PaymentMother.personId(9_500), payload));
    }

    private static ConsumerRecord<String, String> received(ProducerRecord<String, String> sent) {
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
