package cn.medicare.campaign.stack.bench;

import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.codes.PaymentSource;
import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.events.WireTimes;
import cn.medicare.campaign.infra.postgres.PostgresServer;
import cn.medicare.campaign.kit.outbox.EventIds;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * The kit's outbox for the benchmarks, made by the kit's own migrations; its rows' columns as {@code OutboxWriter} writes
 * them, but for {@code created_at}, one per COPY's transaction rather than one per row.
 */
final class BenchOutbox {

    /** Every benchmark row's payload: a PaymentConfirmed as the tax adapter writes it. */
    static final String PAYLOAD = EventJson.write(new PaymentConfirmed("0".repeat(32), 2018, "350825", "PB0000000000",
            new BigDecimal("180.00"), PaymentChannel.WECHAT, Instant.parse("2017-10-20T02:00:00Z"), PaymentSource.WEBHOOK));
    /** COPY's text format takes a backslash as an escape. */
    private static final String COPIED_PAYLOAD = PAYLOAD.replace("\\", "\\\\");

    /** A PaymentConfirmed row as the tax adapter writes it, by JDBC: the ceilings' rows and the real path's are the same. */
    static final String INSERT = """
            insert into outbox (id, aggregatetype, aggregateid, type, payload, source, time, schemaversion)
            values (?, ?, ?, 'PaymentConfirmed', cast(? as json), 'tax-collection-adapter', ?, 1)""";

    private BenchOutbox() {
    }

    /** Binds one row of {@link #INSERT}. */
    static void bind(PreparedStatement insert, UUID id, String topic, String key, String payload, Instant time) throws SQLException {
        insert.setObject(1, id);
        insert.setString(2, topic);
        insert.setString(3, key);
        insert.setString(4, payload);
        insert.setString(5, WireTimes.micros(time));
    }

    /** The kit's tables in a fresh database, its migrations up to {@code flywayTarget} ({@code latest}, or a version). */
    static void create(PostgresServer postgres, String database, String flywayTarget) {
        Flyway.configure().dataSource(postgres.jdbcUrl(database), postgres.user(), postgres.password())
                .locations("classpath:db/kit").target(flywayTarget).load().migrate();
    }

    /** Rows {@code from} to {@code to} (exclusive, each keyed by its number) by COPY, in the connection's transaction. */
    static void copy(Connection connection, String topic, int from, int to) throws SQLException {
        StringBuilder rows = new StringBuilder();
        for (int n = from; n < to; n++) {
            rows.append(EventIds.next()).append('\t').append(topic).append('\t').append(String.format("%032x", n))
                    .append("\tPaymentConfirmed\t").append(COPIED_PAYLOAD).append("\ttax-collection-adapter\t")
                    .append(WireTimes.micros(Instant.now())).append("\t1\n");
        }
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy outbox (id, aggregatetype, aggregateid, type, payload, source, time, schemaversion) from stdin",
                    new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException(e);
        }
    }
}
