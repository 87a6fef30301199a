package cn.medicare.campaign.kit.outbox;

import cn.medicare.campaign.contracts.events.Event;
import cn.medicare.campaign.contracts.events.EventType;
import cn.medicare.campaign.contracts.identity.IdNumberLeaks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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
     */
    private static final String INSERT = """
            insert into outbox (id, aggregatetype, aggregateid, type, payload, source, time, schemaversion, created_at)
            values (:id, :topic, :key, :type, cast(:payload as json), :source, :time, :schemaVersion, clock_timestamp())""";

    /** Not a JdbcClient: the messages go in one JDBC batch, which JdbcClient has no API for. */
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
        jdbc.batchUpdate(INSERT, messages.stream().map(message -> new MapSqlParameterSource()
                .addValue("id", message.id())
                .addValue("topic", message.topic())
                .addValue("key", message.key())
                .addValue("type", message.type())
                .addValue("payload", message.payload())
                .addValue("source", source)
                .addValue("time", Timestamp.from(message.time()))
                .addValue("schemaVersion", message.schemaVersion()))
                .toArray(SqlParameterSource[]::new));
    }

    private Counter refused(String type) {
        return Counter.builder(REFUSED).description("Events refused because their payload held a plain ID number").tag("type", type)
                .register(meters);
    }
}
