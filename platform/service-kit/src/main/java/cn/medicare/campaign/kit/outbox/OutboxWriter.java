package cn.medicare.campaign.kit.outbox;

import cn.medicare.campaign.contracts.events.Event;
import cn.medicare.campaign.contracts.events.EventType;
import cn.medicare.campaign.contracts.events.WireTimes;
import cn.medicare.campaign.contracts.identity.IdNumberLeaks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the service's outbox in the caller's transaction, so that an event exists
 * exactly when the state it announces was committed. Debezium takes it from there.
 *
 * <p>It is also the last guard of personal data: a payload holding a plain ID number is refused
 * (and counted), whichever field a future change put it in, and the transaction rolls back.
 */
public class OutboxWriter {

    public static final String REFUSED = "insurance.outbox.refused";

    /**
     * {@code created_at} is when the row was written, not the transaction's start ({@code now()}): a transaction that
     * waited for a lock writes after one that took it later, and a connector that lost its offsets snapshots in this order.
     * One statement for all the messages, one array per column, in the messages' order: as a JDBC batch a list of 5,000
     * rows was 40 statements of 128 rows, each with 1,024 parameters to bind and a plan to make (docs/delivery.md).
     */
    private static final String INSERT = """
            insert into outbox (id, aggregatetype, aggregateid, type, payload, source, time, schemaversion, created_at)
            select id, topic, key, type, cast(payload as json), :source, time, schema_version, clock_timestamp()
            from unnest(cast(:ids as uuid[]), cast(:topics as varchar[]), cast(:keys as varchar[]), cast(:types as varchar[]),
                        cast(:payloads as text[]), cast(:times as varchar[]), cast(:schemaVersions as int[]))
                 with ordinality as message(id, topic, key, type, payload, time, schema_version, position)
            order by position""";

    private final NamedParameterJdbcTemplate jdbc;
    private final String source;
    private final Clock clock;
    private final MeterRegistry meters;

    public OutboxWriter(NamedParameterJdbcTemplate jdbc, String source, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.source = source;
        this.clock = clock;
        this.meters = meters;
        // at 0 from the start: a counter born at its first refusal hides that refusal from increase() (the alert PlainIdNumberRefused)
        Arrays.stream(EventType.values()).forEach(type -> refused(type.typeName()));
    }

    /** Appends an event that happened now. */
    public UUID append(Event event) {
        OutboxMessage message = OutboxMessage.of(event, clock.instant());
        appendAll(List.of(message));
        return message.id();
    }

    public void appendAll(List<OutboxMessage> messages) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // outside a transaction the event could be published for state that then rolls back
            throw new IllegalStateException("the outbox is written only inside the transaction of the state change");
        }
        for (OutboxMessage message : messages) {
            if (IdNumberLeaks.containsIdNumber(message.payload())) {
                refused(message.type()).increment();
                throw new PlainIdNumberException(message.type());
            }
        }
        if (messages.isEmpty()) {
            return;
        }
        jdbc.update(INSERT, new MapSqlParameterSource()
                .addValue("ids", messages.stream().map(message -> message.id().toString()).toArray(String[]::new))
                .addValue("topics", messages.stream().map(OutboxMessage::topic).toArray(String[]::new))
                .addValue("keys", messages.stream().map(OutboxMessage::key).toArray(String[]::new))
                .addValue("types", messages.stream().map(OutboxMessage::type).toArray(String[]::new))
                .addValue("payloads", messages.stream().map(OutboxMessage::payload).toArray(String[]::new))
                .addValue("source", source)
                .addValue("times", messages.stream().map(message -> WireTimes.micros(message.time())).toArray(String[]::new))
                .addValue("schemaVersions", messages.stream().map(OutboxMessage::schemaVersion).toArray(Integer[]::new)));
    }

    private Counter refused(String type) {
        return Counter.builder(REFUSED).description("Events refused because their payload held a plain ID number").tag("type", type)
                .register(meters);
    }
}
