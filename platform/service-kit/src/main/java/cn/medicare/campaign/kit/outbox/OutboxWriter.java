package cn.medicare.campaign.kit.outbox;

import cn.medicare.campaign.contracts.events.Event;
import cn.medicare.campaign.contracts.identity.IdNumberLeaks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private static final String INSERT = """
            insert into outbox (id, aggregatetype, aggregateid, type, payload, source, time, schemaversion)
            values (?, ?, ?, ?, ?::json, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final String source;
    private final Clock clock;
    private final MeterRegistry meters;

    public OutboxWriter(JdbcTemplate jdbc, String source, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.source = source;
        this.clock = clock;
        this.meters = meters;
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
                Counter.builder(REFUSED)
                        .description("Events refused because their payload held a plain ID number")
                        .tag("type", message.type())
                        .register(meters)
                        .increment();
                throw new PlainIdNumberException(message.type());
            }
        }
        jdbc.batchUpdate(INSERT, messages, 500, (statement, message) -> {
            statement.setObject(1, message.id());
            statement.setString(2, message.topic());
            statement.setString(3, message.key());
            statement.setString(4, message.type());
            statement.setString(5, message.payload());
            statement.setString(6, source);
            statement.setTimestamp(7, Timestamp.from(message.time()));
            statement.setInt(8, message.schemaVersion());
        });
    }
}
