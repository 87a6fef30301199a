package cn.medicare.campaign.kit.inbox;

import cn.medicare.campaign.contracts.EventHeaders;
import cn.medicare.campaign.contracts.events.EventType;
import cn.medicare.campaign.contracts.events.WireTimes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a batch of records in one database transaction and records each applied event id in
 * it, so that a redelivered or repeated event changes nothing.
 *
 * <p>When one record fails, the records before it are still committed and the failure is reported
 * with its index: the listener's error handler then retries that record alone and goes on with the
 * ones after it. The inbox counts the record's own failures and dead-letters it at the limit, then
 * applies the ones after it, so a record that keeps failing never blocks its partition. A record
 * no one can read is dead-lettered here, once the batch around it is committed, rather than by the
 * error handler: its retries are pointless, and the handler's way, a seek and a new poll, read the
 * rest of the batch again for every such record.
 */
public class Inbox {

    /** One statement for the whole batch: the ids it returns are the events not applied before. */
    private static final String RECORD = """
            insert into inbox (consumer_group, event_id, topic, type)
            select :consumerGroup, event_id, topic, type
            from unnest(cast(:eventIds as uuid[]), cast(:topics as varchar[]), cast(:types as varchar[])) as batch(event_id, topic, type)
            on conflict do nothing
            returning event_id""";

    /**
     * The advisory lock class of the park's turn ('PARK'): every batch of a consumer group holds it shared, a parked or
     * replayed event being applied holds it alone. Such an event is applied beside the live consumer, not on its partition,
     * and a consumer that judges a person from all their facts (reporting's settlement, which takes no person lock) must not
     * read them while another transaction adds one: the event waits for the batches in flight, batches that come meanwhile
     * wait for it, and each reads the other's facts committed. Both are rare (a rolling update's minutes, a replay after a
     * fix), so the live consumer's pause is short; a batch pays one shared lock, in a statement it sends anyway.
     */
    private static final int PARKED_TURN = 0x5041_524B;
    /** How long a parked event waits for the batches in flight before it leaves the turn to them until the next try. */
    private static final Duration PARKED_TURN_WAIT = Duration.ofSeconds(2);

    /**
     * A consumer's statements find the people of its batch by key. Until autovacuum first analyses a
     * table (a minute or more after a database is new), PostgreSQL guesses that a batch's keys
     * match a good share of the rows and plans a scan of the whole table: in {@code benchmarks/pipeline.sh}
     * every batch of the read model's settlement scanned its person-years and payments whole. A table
     * with no index for a statement is still scanned. Nor does such a lookup (one poll's records) gain from
     * parallel workers, each a process started for one statement: PostgreSQL started two for many of the read model's
     * batches, and at county scale they took a third of its database's CPU (docs/delivery.md, "Where the time went in
     * session 31"). Both for the transaction alone, in one round trip, with the batch's share of the park's turn.
     */
    private static final String BY_KEY = """
            select set_config('enable_seqscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true),
                   pg_advisory_xact_lock_shared(%d, hashtext(:consumerGroup))""".formatted(PARKED_TURN);

    public static final String APPLIED = "insurance.inbox.applied";

    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
    /** Parked events read at a time: a consumer far behind its producers may have parked many. */
    private static final int PARKED_PAGE = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final ConsumerRecordRecoverer deadLetters;
    private final OwnFailures ownFailures;
    private volatile LastApplied lastApplied;

    /**
     * The last batch this replica committed with a fact applied for the first time.
     *
     * @param at when it committed
     * @param newestEventTime the newest event time (the {@code time} header) among its facts: how long the newest fact took
     *     to count is {@code at} less this
     */
    public record LastApplied(Instant at, Instant newestEventTime) {

        public Duration newestFactTook() {
            Duration took = Duration.between(newestEventTime, at);
            return took.isNegative() ? Duration.ZERO : took;
        }
    }

    /** What a batch applied for the first time: how many per topic, and the newest event time among them. */
    private record Applied(Map<String, Integer> byTopic, Instant newestEventTime) {
    }

    /**
     * @param deadLetters sends a record to its dead-letter topic, counts and logs it, as the listeners' error handler does
     * @param deliveries how many times a record may fail for its own reason before the inbox dead-letters it: the error
     *     handler only retries ({@link OwnFailures})
     */
    public Inbox(JdbcClient jdbc, TransactionTemplate transaction, MeterRegistry meters, ConsumerRecordRecoverer deadLetters,
            int deliveries) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.meters = meters;
        this.deadLetters = deadLetters;
        this.ownFailures = new OwnFailures(deliveries);
    }

    /**
     * The batch's readable records in one transaction, and then those no one can read to their dead-letter topic. When a
     * readable one fails, only the unreadable ones before it are dead-lettered, and the failure is reported by its index
     * in the batch: the container commits the offsets before it.
     */
    public void apply(String consumerGroup, List<ConsumerRecord<String, String>> records, InboxHandler handler) {
        List<IncomingEvent> readable = new ArrayList<>(records.size());
        List<Integer> positions = new ArrayList<>(records.size());
        Map<Integer, PoisonRecordException> unreadable = new TreeMap<>();
        for (int position = 0; position < records.size(); position++) {
            try {
                readable.add(IncomingEvent.read(records.get(position), handler::applies));
                positions.add(position);
            } catch (PoisonRecordException e) {
                unreadable.put(position, e);
            } catch (RuntimeException unforeseen) {
                // unreadable all the same: thrown past the inbox, it would have the whole batch retried without end
                unreadable.put(position, new PoisonRecordException(IncomingEvent.describe(records.get(position)) + " could not be read: "
                        + unforeseen.getClass().getSimpleName(), unforeseen));
            }
        }
        try {
            applyInOneTransaction(consumerGroup, readable, handler);
        } catch (BatchListenerFailedException failed) {
            int position = positions.get(failed.getIndex());
            deadLetter(records, unreadable, position);
            if (InfrastructureFailure.in(failed.getCause()) || !ownFailures.last(records.get(position))) {
                // the cause's message: the exception's own carries its index among the readable records
                throw new BatchListenerFailedException(failed.getCause().getMessage(), failed.getCause(), position);
            }
            try {
                deadLetters.accept(records.get(position), failed.getCause() instanceof Exception cause ? cause
                        : new IllegalStateException(failed.getCause()));
            } catch (RuntimeException refused) {
                failed.getCause().addSuppressed(refused);
                throw new BatchListenerFailedException(failed.getCause().getMessage(), failed.getCause(), position);
            }
            applyAfter(consumerGroup, records, position, handler);
            return;
        }
        deadLetter(records, unreadable, records.size());
    }

    /** The records after the one just dead-lettered, a failure among them reported at its place in the whole batch. */
    private void applyAfter(String consumerGroup, List<ConsumerRecord<String, String>> records, int position, InboxHandler handler) {
        try {
            apply(consumerGroup, records.subList(position + 1, records.size()), handler);
        } catch (BatchListenerFailedException later) {
            throw new BatchListenerFailedException(later.getCause().getMessage(), later.getCause(), position + 1 + later.getIndex());
        }
    }

    /**
     * Sends the unreadable records before {@code end} to their dead-letter topic, in their order. Should Kafka refuse one, it
     * is reported at its index for the error handler to send: the records after it come again, and the inbox knows those
     * already applied.
     */
    private void deadLetter(List<ConsumerRecord<String, String>> records, Map<Integer, PoisonRecordException> unreadable, int end) {
        for (Map.Entry<Integer, PoisonRecordException> poison : unreadable.entrySet()) {
            if (poison.getKey() >= end) {
                return;
            }
            try {
                deadLetters.accept(records.get(poison.getKey()), poison.getValue());
            } catch (RuntimeException refused) {
                // the reason stays the record's: the error handler dead-letters it at once, as before the inbox did
                poison.getValue().addSuppressed(refused);
                throw new BatchListenerFailedException(poison.getValue().getMessage(), poison.getValue(), poison.getKey());
            }
        }
    }

    /**
     * The events in one transaction. When one fails, the events before it are committed by the same rules, in a transaction
     * of their own, before it is reported by its index: the container commits the offsets before that index, and the
     * transaction that held them was rolled back (should one of them fail this time, the ones before that are committed
     * first). When the transaction itself fails (a commit, a lost connection), the events are retried from the first: never
     * Spring Kafka's whole-batch handling, which would dead-letter good records.
     */
    private void applyInOneTransaction(String consumerGroup, List<IncomingEvent> events, InboxHandler handler) {
        if (events.isEmpty()) {
            return;
        }
        try {
            count(consumerGroup, transaction.execute(status -> applyEach(consumerGroup, events, handler)));
        } catch (FailedAfterApplying notTheBatchAsAWhole) {
            applyOneByOneUnlessALockWasInTheWay(consumerGroup, events, handler, notTheBatchAsAWhole);
        } catch (FailedEvent failed) {
            applyInOneTransaction(consumerGroup, events.subList(0, failed.index), handler);
            throw new BatchListenerFailedException(failed.getCause().getMessage(), failed.getCause(), failed.index);
        } catch (RuntimeException notOneEvent) {
            if (!InfrastructureFailure.in(notOneEvent)) {
                // the inbox's own work for the batch refused a record (a type too long for its column): one at a time names it
                applyOneByOne(consumerGroup, events, handler);
                return;
            }
            throw new BatchListenerFailedException(notOneEvent.getMessage(), notOneEvent, 0);
        }
    }

    /**
     * Where the judgements met another transaction in the way (a lock refused, a deadlock), no event is at fault: the batch
     * is tried again whole once the database lets it, not one event per transaction (a commit per event for a passing
     * conflict). Any other failure, a failure of resources that a smaller piece of work might avoid among them, is applied
     * one event at a time as before.
     */
    private void applyOneByOneUnlessALockWasInTheWay(String consumerGroup, List<IncomingEvent> events, InboxHandler handler,
            FailedAfterApplying failed) {
        if (InfrastructureFailure.lockConflict(failed.getCause())) {
            throw new BatchListenerFailedException(failed.getCause().getMessage(), failed.getCause(), 0);
        }
        applyOneByOne(consumerGroup, events, handler);
    }

    /**
     * The batch again, one event per transaction, after its handler's work for the whole batch (or
     * a run of it) failed but for a lock conflict: the events before the one at fault are committed, and it is reported by
     * its index.
     */
    private void applyOneByOne(String consumerGroup, List<IncomingEvent> events, InboxHandler handler) {
        for (int index = 0; index < events.size(); index++) {
            List<IncomingEvent> one = events.subList(index, index + 1);
            try {
                count(consumerGroup, transaction.execute(status -> applyEach(consumerGroup, one, handler)));
            } catch (FailedEvent | FailedAfterApplying failed) {
                throw new BatchListenerFailedException(failed.getCause().getMessage(), failed.getCause(), index);
            } catch (RuntimeException notOneEvent) {
                throw new BatchListenerFailedException(notOneEvent.getMessage(), notOneEvent, index);
            }
        }
    }

    /** @return the events applied for the first time, by topic, and the newest event time among them */
    private Applied applyEach(String consumerGroup, List<IncomingEvent> events, InboxHandler handler) {
        Map<String, Integer> applied = new HashMap<>();
        Instant newest = null;
        List<IncomingEvent> appliedEvents = new ArrayList<>(events.size());
        jdbc.sql(BY_KEY).param("consumerGroup", consumerGroup).query().singleRow();
        Set<UUID> firstTime = recordFirstTimes(consumerGroup, events);
        handler.beforeApplying(events);
        Run run = new Run(handler);
        List<IncomingEvent> unknown = new ArrayList<>();
        for (int index = 0; index < events.size(); index++) {
            IncomingEvent event = events.get(index);
            // removed once applied: a second delivery of the same event in the batch changes nothing
            if (!firstTime.remove(event.id())) {
                continue;
            }
            if (event.event().isEmpty()) {
                if (event.unknownPayload() != null) {
                    unknown.add(event);
                }
                continue;
            }
            if (handler.appliesInRuns(event.event().get().type())) {
                run.add(event, index);
            } else {
                run.apply();
                try {
                    handler.apply(event);
                } catch (RuntimeException e) {
                    throw new FailedEvent(index, e);
                }
            }
            appliedEvents.add(event);
            applied.merge(event.topic(), 1, Integer::sum);
            if (newest == null || event.time().isAfter(newest)) {
                newest = event.time();
            }
        }
        run.apply();
        park(consumerGroup, unknown);
        if (!appliedEvents.isEmpty()) {
            try {
                handler.afterApplying(appliedEvents);
            } catch (RuntimeException e) {
                throw new FailedAfterApplying(e);
            }
        }
        return new Applied(applied, newest);
    }

    /** Consecutive events of one type the handler applies together; applied when the type changes or the batch ends. */
    private static final class Run {

        private final InboxHandler handler;
        private final List<IncomingEvent> events = new ArrayList<>();
        private int firstIndex;

        Run(InboxHandler handler) {
            this.handler = handler;
        }

        void add(IncomingEvent event, int index) {
            if (!events.isEmpty() && !events.get(0).type().equals(event.type())) {
                apply();
            }
            if (events.isEmpty()) {
                firstIndex = index;
            }
            events.add(event);
        }

        /** A run of one failing is that event's failure; of several, which one is at fault is not known yet. */
        void apply() {
            if (events.isEmpty()) {
                return;
            }
            try {
                handler.applyRun(List.copyOf(events));
            } catch (RuntimeException e) {
                throw events.size() == 1 ? new FailedEvent(firstIndex, e) : new FailedAfterApplying(e);
            } finally {
                events.clear();
            }
        }
    }

    /** Records the batch's event ids as applied, in the transaction of their effects; returns those not seen before. */
    private Set<UUID> recordFirstTimes(String consumerGroup, List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(jdbc.sql(RECORD).param("consumerGroup", consumerGroup)
                .param("eventIds", events.stream().map(event -> event.id().toString()).toArray(String[]::new))
                .param("topics", events.stream().map(IncomingEvent::topic).toArray(String[]::new))
                .param("types", events.stream().map(IncomingEvent::type).toArray(String[]::new))
                .query(UUID.class).list());
    }

    /**
     * Keeps the events of types this version does not know, in the transaction that records them seen, for
     * {@link #applyParked}: a consumer older than its producers loses nothing.
     */
    private void park(String consumerGroup, List<IncomingEvent> unknown) {
        if (unknown.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into parked_event (consumer_group, event_id, topic, record_key, type, source, event_time, schema_version, payload)
                select :consumerGroup, * from unnest(cast(:eventIds as uuid[]), cast(:topics as varchar[]), cast(:keys as text[]),
                                                     cast(:types as varchar[]), cast(:sources as varchar[]),
                                                     cast(:times as timestamptz[]), cast(:versions as int[]), cast(:payloads as text[]))
                on conflict do nothing""")
                .param("consumerGroup", consumerGroup)
                .param("eventIds", unknown.stream().map(event -> event.id().toString()).toArray(String[]::new))
                .param("topics", unknown.stream().map(IncomingEvent::topic).toArray(String[]::new))
                .param("keys", unknown.stream().map(IncomingEvent::key).toArray(String[]::new))
                .param("types", unknown.stream().map(IncomingEvent::type).toArray(String[]::new))
                .param("sources", unknown.stream().map(IncomingEvent::source).toArray(String[]::new))
                .param("times", unknown.stream().map(event -> event.time().toString()).toArray(String[]::new))
                .param("versions", unknown.stream().map(IncomingEvent::schemaVersion).toArray(Integer[]::new))
                .param("payloads", unknown.stream().map(IncomingEvent::unknownPayload).toArray(String[]::new))
                .update();
        LOG.warn("{} parked {} event(s) of types this version does not know yet, to apply once a version that knows them "
                + "starts: {}", consumerGroup, unknown.size(), unknown.stream().map(IncomingEvent::type).distinct().sorted().toList());
    }

    /**
     * Applies the events parked by an older version whose types this one knows (or knows it does not need), each in a
     * transaction of its own that takes it out of the park: in the order they happened, a page at a time, as if they had
     * just arrived. One that fails stays parked for the next try and is logged by id, type and the class of its root cause;
     * the others go on. Two replicas trying together take each event once: the second waits for the first's delete and
     * finds nothing left.
     *
     * @return how many were applied or found not needed
     */
    public int applyParked(String consumerGroup, InboxHandler handler) {
        int taken = 0;
        Instant afterTime = null;
        UUID afterId = null;
        List<ConsumerRecord<String, String>> parked;
        do {
            parked = parkedAfter(consumerGroup, afterTime, afterId);
            for (ConsumerRecord<String, String> record : parked) {
                ParkedOutcome outcome = applyOneParked(consumerGroup, handler, record);
                if (outcome == ParkedOutcome.CONSUMERS_BUSY) {
                    LOG.info("{} left its parked events for the next try: a batch held its turn longer than {}", consumerGroup,
                            PARKED_TURN_WAIT);
                    return taken;
                }
                taken += outcome == ParkedOutcome.APPLIED ? 1 : 0;
            }
            if (!parked.isEmpty()) {
                ConsumerRecord<String, String> last = parked.get(parked.size() - 1);
                afterTime = WireTimes.instant(header(last, EventHeaders.TIME));
                afterId = UUID.fromString(header(last, EventHeaders.ID));
            }
        } while (parked.size() == PARKED_PAGE);
        if (taken > 0) {
            LOG.info("{} applied {} parked event(s) of types it now knows", consumerGroup, taken);
        }
        return taken;
    }

    /**
     * Gives a dead letter of this group to its handler again, after a fix, beside the live consumer as a parked event is (the
     * park's turn), in a transaction of its own: an event the group applied meanwhile changes nothing. Nothing is written to
     * Kafka, so a service needs no right to write the topics it reads (docs/security.md).
     *
     * @return false when the group's batches held the turn longer than the wait: nothing was done, and the dead letter waits
     *     for the next try
     * @throws RuntimeException what applying it threw: the transaction was undone
     */
    public boolean applyReplayed(String consumerGroup, InboxHandler handler, ConsumerRecord<String, String> record) {
        // read first: a record no one can read fails without holding up the group's batches
        IncomingEvent event = IncomingEvent.read(record, handler::applies);
        try {
            count(consumerGroup, transaction.execute(status -> {
                takeTheTurn(consumerGroup);
                return applyEach(consumerGroup, List.of(event), handler);
            }));
            return true;
        } catch (ConsumersBusy e) {
            return false;
        } catch (FailedEvent | FailedAfterApplying failed) {
            throw (RuntimeException) failed.getCause();
        }
    }

    /** The next page of parked events of known types, in the order they happened, after the last one read. */
    private List<ConsumerRecord<String, String>> parkedAfter(String consumerGroup, Instant afterTime, UUID afterId) {
        return jdbc.sql("""
                select event_id, topic, record_key, type, source, event_time, schema_version, payload from parked_event
                where consumer_group = :consumerGroup and type = any(cast(:known as varchar[]))
                  and (cast(:afterTime as timestamptz) is null or (event_time, event_id) > (cast(:afterTime as timestamptz), cast(:afterId as uuid)))
                order by event_time, event_id
                limit :page""")
                .param("consumerGroup", consumerGroup)
                .param("known", Arrays.stream(EventType.values()).map(EventType::typeName).toArray(String[]::new))
                // the driver takes an OffsetDateTime as a timestamptz; a Timestamp it refuses for that type
                .param("afterTime", afterTime == null ? null : afterTime.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("afterId", afterId, Types.OTHER).param("page", PARKED_PAGE)
                .query((row, n) -> parkedRecord(row)).list();
    }

    private enum ParkedOutcome { APPLIED, TAKEN_ALREADY, FAILED, CONSUMERS_BUSY }

    private ParkedOutcome applyOneParked(String consumerGroup, InboxHandler handler, ConsumerRecord<String, String> record) {
        UUID id = UUID.fromString(header(record, EventHeaders.ID));
        try {
            Applied applied = transaction.execute(status -> {
                // another replica's: the group's consumers are not held up for an event already taken
                if (!jdbc.sql("select exists (select 1 from parked_event where consumer_group = :consumerGroup and event_id = :id)")
                        .param("consumerGroup", consumerGroup).param("id", id).query(Boolean.class).single()) {
                    return null;
                }
                takeTheTurn(consumerGroup);
                if (jdbc.sql("delete from parked_event where consumer_group = :consumerGroup and event_id = :id")
                        .param("consumerGroup", consumerGroup).param("id", id).update() == 0) {
                    return null;
                }
                jdbc.sql("delete from inbox where consumer_group = :consumerGroup and event_id = :id")
                        .param("consumerGroup", consumerGroup).param("id", id).update();
                return applyEach(consumerGroup, List.of(IncomingEvent.read(record, handler::applies)), handler);
            });
            if (applied == null) {
                return ParkedOutcome.TAKEN_ALREADY;
            }
            count(consumerGroup, applied);
            return ParkedOutcome.APPLIED;
        } catch (ConsumersBusy e) {
            return ParkedOutcome.CONSUMERS_BUSY;
        } catch (RuntimeException e) {
            // the class alone: a message may quote the payload
            LOG.warn("{} could not apply parked event {} ({}), left parked for the next try: {}", consumerGroup, id,
                    header(record, EventHeaders.TYPE), rootCause(e).getClass().getName());
            return ParkedOutcome.FAILED;
        }
    }

    /** The group's batches in flight held the park's turn longer than {@link #PARKED_TURN_WAIT}. */
    private static final class ConsumersBusy extends RuntimeException {

        ConsumersBusy(Throwable cause) {
            super(cause);
        }
    }

    /**
     * The park's turn, waited for at most {@link #PARKED_TURN_WAIT}: a batch stuck behind a lock would hold it, and every batch
     * after it would queue behind this transaction. The statements after it wait as they would anywhere else.
     */
    private void takeTheTurn(String consumerGroup) {
        String lockTimeout = jdbc.sql("select current_setting('lock_timeout')").query(String.class).single();
        jdbc.sql("select set_config('lock_timeout', :wait, true)").param("wait", PARKED_TURN_WAIT.toMillis() + "ms").query().singleRow();
        try {
            jdbc.sql("select pg_advisory_xact_lock(" + PARKED_TURN + ", hashtext(:consumerGroup))")
                    .param("consumerGroup", consumerGroup).query().singleRow();
        } catch (RuntimeException e) {
            throw rootCause(e) instanceof SQLException sql && InfrastructureFailure.LOCK_NOT_AVAILABLE.equals(sql.getSQLState()) ? new ConsumersBusy(e) : e;
        }
        jdbc.sql("select set_config('lock_timeout', :was, true)").param("was", lockTimeout).query().singleRow();
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A header of a parked event's record, which {@link #parkedRecord} always gives. */
    private static String header(ConsumerRecord<String, String> record, String name) {
        return IncomingEvent.header(record, name).orElseThrow();
    }

    private static ConsumerRecord<String, String> parkedRecord(ResultSet row) throws SQLException {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.ID, row.getString("event_id").getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.TYPE, row.getString("type").getBytes(StandardCharsets.UTF_8));
        if (row.getString("source") != null) {
            headers.add(EventHeaders.SOURCE, row.getString("source").getBytes(StandardCharsets.UTF_8));
        }
        headers.add(EventHeaders.TIME, WireTimes.micros(row.getTimestamp("event_time").toInstant()).getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.SCHEMA_VERSION, String.valueOf(row.getInt("schema_version")).getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(row.getString("topic"), -1, -1, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, row.getString("record_key"), row.getString("payload"), headers,
                Optional.empty());
    }

    /** When this replica last committed a fact it applied for the first time; empty before the first. */
    public Optional<Instant> lastAppliedAt() {
        return lastApplied().map(LastApplied::at);
    }

    /** The last batch this replica committed with a fact applied for the first time; empty before the first. */
    public Optional<LastApplied> lastApplied() {
        return Optional.ofNullable(lastApplied);
    }

    /** Counted once committed, so that a rolled-back batch does not inflate the figure. */
    private void count(String consumerGroup, Applied applied) {
        if (!applied.byTopic().isEmpty()) {
            lastApplied = new LastApplied(Instant.now(), applied.newestEventTime());
        }
        applied.byTopic().forEach((topic, count) -> appliedCounter(meters, consumerGroup, topic).increment(count));
    }

    /** {@code insurance_inbox_applied_total{group,topic}}: the events a consumer group applied for the first time. */
    public static Counter appliedCounter(MeterRegistry meters, String consumerGroup, String topic) {
        return Counter.builder(APPLIED)
                .description("Events a consumer applied for the first time")
                .tag("group", consumerGroup)
                .tag("topic", topic)
                .register(meters);
    }

    /** The handler's work for the whole batch, or for a run of several events, failed: which event is at fault is not known yet. */
    private static final class FailedAfterApplying extends RuntimeException {

        FailedAfterApplying(RuntimeException cause) {
            super(cause);
        }
    }

    /** Carries the failing record's position out of the rolled-back transaction. */
    private static final class FailedEvent extends RuntimeException {

        private final int index;

        FailedEvent(int index, RuntimeException cause) {
            super(cause);
            this.index = index;
        }
    }
}
