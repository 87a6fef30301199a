package cn.medicare.campaign.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.kit.inbox.Inbox;
import cn.medicare.campaign.kit.inbox.InboxHandler;
import cn.medicare.campaign.kit.inbox.IncomingEvent;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A consumer older than its producers (enrollment-service upgraded first, say, and publishing a type reporting does not
 * know yet) keeps what it cannot read and applies it once a version that knows the type starts: nothing is lost.
 */
class ParkedEventsIntegrationTests extends KitIntegrationTestBase {

    private static final Instant PAID = Instant.parse("2017-10-09T02:15:00Z");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Inbox inbox;

    private final List<IncomingEvent> applied = new ArrayList<>();
    private final InboxHandler handler = applied::add;

    @Test
    void anEventOfATypeThisVersionDoesNotKnowIsParkedAsItCameOnceAndSeen() {
        String group = "kit-parking-" + UUID.randomUUID();
        UUID id = UUID.randomUUID();
        ConsumerRecord<String, String> record = delivered(EventTraffic.record(KitTestApplication.PAYMENTS, id, "PaymentDisputed",
                PaymentMother.personId(7_001), "{\"voucherNo\":\"V201700007001\",\"disputedOn\":\"2017-10-20\"}"));

        inbox.apply(group, List.of(record, record), handler);
        inbox.apply(group, List.of(record), handler);

        assertThat(applied).isEmpty();
        assertThat(jdbc.queryForList("select type, topic, record_key, payload, event_time from parked_event where consumer_group = ?",
                group)).singleElement().satisfies(row -> assertThat(row)
                        .containsEntry("type", "PaymentDisputed").containsEntry("topic", KitTestApplication.PAYMENTS)
                        .containsEntry("record_key", PaymentMother.personId(7_001))
                        .containsEntry("payload", "{\"voucherNo\":\"V201700007001\",\"disputedOn\":\"2017-10-20\"}")
                        .containsEntry("event_time", Timestamp.from(Instant.parse("2017-10-09T02:15:00Z"))));
        assertThat(jdbc.queryForObject("select count(*) from inbox where consumer_group = ? and event_id = ?", Integer.class, group, id))
                .isOne();
    }

    @Test
    void anEventParkedByAnOlderVersionIsAppliedOnceByOneThatKnowsItsTypeAndLeavesThePark() {
        String group = "kit-parking-" + UUID.randomUUID();
        PaymentConfirmed payment = PaymentMother.payment(7_002, 7_002, "180.00");
        UUID id = parkedByAnOlderVersion(group, "PaymentConfirmed", EventJson.write(payment));

        assertThat(inbox.applyParked(group, handler)).isOne();
        assertThat(inbox.applyParked(group, handler)).isZero();

        assertThat(applied).singleElement().satisfies(event -> {
            assertThat(event.id()).isEqualTo(id);
            assertThat(event.as(PaymentConfirmed.class)).isEqualTo(payment);
            assertThat(event.time()).isEqualTo(PAID);
            assertThat(event.source()).isEqualTo("tax-collection-adapter");
        });
        assertThat(jdbc.queryForObject("select count(*) from parked_event where consumer_group = ?", Integer.class, group)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from inbox where consumer_group = ? and event_id = ?", Integer.class, group, id))
                .isOne();
    }

    @Test
    void aParkedEventThatCannotBeAppliedStaysParkedAndTheOthersAreApplied() {
        String group = "kit-parking-" + UUID.randomUUID();
        UUID unreadable = parkedByAnOlderVersion(group, "PaymentConfirmed", "{\"voucherNo\":\"V201700007003\"}");
        UUID unknownStill = parkedByAnOlderVersion(group, "PaymentDisputed", "{}");
        PaymentConfirmed payment = PaymentMother.payment(7_004, 7_004, "40.00");
        UUID readable = parkedByAnOlderVersion(group, "PaymentConfirmed", EventJson.write(payment));

        assertThat(inbox.applyParked(group, handler)).isOne();

        assertThat(applied).extracting(IncomingEvent::id).containsExactly(readable);
        assertThat(jdbc.queryForList("select event_id from parked_event where consumer_group = ?", UUID.class, group))
                .containsExactlyInAnyOrder(unreadable, unknownStill);
    }

    /** A consumer far behind its producers: more than a page of parked events, all applied, once each. */
    @Test
    void moreParkedEventsThanAPageAreAllAppliedInTheOrderTheyHappened() {
        String group = "kit-parking-" + UUID.randomUUID();
        int events = 1_234;
        jdbc.update("""
                insert into parked_event (consumer_group, event_id, topic, record_key, type, source, event_time, schema_version, payload)
                select ?, gen_random_uuid(), ?, ?, 'PaymentConfirmed', 'tax-collection-adapter', cast(? as timestamptz) + n * interval '1 millisecond', 1, ?
                from generate_series(1, ?) as n""", group, KitTestApplication.PAYMENTS, PaymentMother.personId(7_005),
                Timestamp.from(PAID), EventJson.write(PaymentMother.payment(7_005, 7_005, "1.00")), events);

        assertThat(inbox.applyParked(group, handler)).isEqualTo(events);

        assertThat(applied).hasSize(events).extracting(IncomingEvent::time).isSorted();
        assertThat(jdbc.queryForObject("select count(*) from parked_event where consumer_group = ?", Integer.class, group)).isZero();
    }

    /**
     * A parked event is applied beside the live consumer, not on its partition: it waits for the batch in flight and reads
     * what that batch committed, as reporting's settlement, judged from all of a person's facts, needs.
     */
    @Test
    void aParkedEventWaitsForTheBatchInFlightAndReadsWhatItCommitted() throws Exception {
        String group = "kit-parking-" + UUID.randomUUID();
        jdbc.execute("create table if not exists parking_probe (consumer_group varchar(255), note varchar(40))");
        parkedByAnOlderVersion(group, "PaymentConfirmed", EventJson.write(PaymentMother.payment(7_006, 7_006, "40.00")));
        CountDownLatch liveInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> probesTheParkedOneRead = new ArrayList<>();
        InboxHandler parked = event -> probesTheParkedOneRead.add(
                jdbc.queryForObject("select count(*) from parking_probe where consumer_group = ?", Integer.class, group));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> batch = batchHeld(threads, group, 7_006,
                    event -> jdbc.update("insert into parking_probe values (?, 'live')", group), liveInside, release);
            assertThat(liveInside.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Integer> fromThePark = threads.submit(() -> inbox.applyParked(group, parked));

            await().atMost(Duration.ofSeconds(30)).until(() -> parkedEventsWaitingForTheirTurn() > 0);
            release.countDown();

            batch.get(30, TimeUnit.SECONDS);
            // applied now, or, had the release come after the turn's wait, at the next try
            assertThat(fromThePark.get(30, TimeUnit.SECONDS) + inbox.applyParked(group, parked)).isOne();
            assertThat(probesTheParkedOneRead).containsExactly(1);
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    /**
     * A batch that holds the turn (stuck behind a lock, say) does not keep the parked event waiting, nor every batch after
     * it queued behind that event: it leaves the turn and stays parked for the next try.
     */
    @Test
    void aParkedEventLeavesTheTurnToABatchThatHoldsItAndIsAppliedAtTheNextTry() throws Exception {
        String group = "kit-parking-" + UUID.randomUUID();
        UUID parkedId = parkedByAnOlderVersion(group, "PaymentConfirmed", EventJson.write(PaymentMother.payment(7_008, 7_008, "40.00")));
        CountDownLatch liveInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> batch = batchHeld(threads, group, 7_009, event -> { }, liveInside, release);
            assertThat(liveInside.await(30, TimeUnit.SECONDS)).isTrue();

            // on a thread of its own: without the turn's wait it would wait for the stuck batch, which only the test releases
            assertThat(threads.submit(() -> inbox.applyParked(group, handler)).get(30, TimeUnit.SECONDS)).isZero();
            assertThat(jdbc.queryForList("select event_id from parked_event where consumer_group = ?", UUID.class, group))
                    .containsExactly(parkedId);

            release.countDown();
            batch.get(30, TimeUnit.SECONDS);
            List<String> lockTimeoutWhileApplied = new ArrayList<>();
            assertThat(inbox.applyParked(group, event -> {
                lockTimeoutWhileApplied.add(jdbc.queryForObject("select current_setting('lock_timeout')", String.class));
                handler.apply(event);
            })).isOne();
            assertThat(applied).extracting(IncomingEvent::id).containsExactly(parkedId);
            // the turn's wait is the turn's alone: the event's own statements wait as the server says
            assertThat(lockTimeoutWhileApplied).containsExactly(jdbc.queryForObject("select current_setting('lock_timeout')", String.class));
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    /**
     * A live batch of one payment, on one of {@code threads}, whose transaction (and so the park's turn) is held from its
     * first event, after {@code first}, until {@code release}; {@code inside} says it is held.
     */
    private Future<?> batchHeld(ExecutorService threads, String group, int person, InboxHandler first, CountDownLatch inside,
            CountDownLatch release) {
        InboxHandler held = event -> {
            first.apply(event);
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        return threads.submit(() -> inbox.apply(group, List.of(delivered(EventTraffic.record(KitTestApplication.PAYMENTS,
                UUID.randomUUID(), "PaymentConfirmed", PaymentMother.personId(person),
                EventJson.write(PaymentMother.payment(person, person, "140.00"))))), held));
    }

    /** Parked events of this class's groups waiting for the park's turn (Inbox's advisory lock class, 'PARK'). */
    private int parkedEventsWaitingForTheirTurn() {
        return jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory' and classid = cast(1346458187 as oid)"
                + " and not granted", Integer.class);
    }

    /** As an older version leaves it: parked, and recorded as seen. */
    private UUID parkedByAnOlderVersion(String group, String type, String payload) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into parked_event (consumer_group, event_id, topic, record_key, type, source, event_time, schema_version, payload)
                values (?, ?, ?, ?, ?, 'tax-collection-adapter', ?, 1, ?)""",
                group, id, KitTestApplication.PAYMENTS, PaymentMother.personId(7_000), type, Timestamp.from(PAID), payload);
        jdbc.update("insert into inbox (consumer_group, event_id, topic, type) values (?, ?, ?, ?)", group, id,
                KitTestApplication.PAYMENTS, type);
        return id;
    }

    private static ConsumerRecord<String, String> delivered(ProducerRecord<String, String> sent) {
        return new ConsumerRecord<>(sent.topic(), 0, 0, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, sent.key(), sent.value(), sent.headers(), Optional.empty());
    }
}
