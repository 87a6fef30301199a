package cn.medicare.campaign.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.medicare.campaign.contracts.events.WireTimes;
import cn.medicare.campaign.infra.testing.MigratedDatabase;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * V0_0_7 turns the outbox's {@code time} into the text its header carries: the rows in the outbox when a service upgrades
 * hold the text the new code would have written for them (what a snapshot publishes; the slot's changes from before the
 * migration are decoded with the column's old type, in Debezium's own form), and an older replica still running beside
 * the migrated database must not write a time no consumer can read.
 */
@RealInfrastructure
class OutboxTimeMigrationIntegrationTests {

    @Test
    void rowsWrittenBeforeTheMigrationKeepTheirTimeAsTheWriterWouldWriteItAndAnOlderWritersTimeIsRefused() throws SQLException {
        List<Instant> times = List.of(Instant.parse("2017-10-09T02:15:00Z"), Instant.parse("2017-10-09T02:15:00.000001Z"),
                Instant.parse("2017-10-20T15:59:59.120Z"), Instant.parse("2017-12-31T23:59:59.999999Z"));
        try (MigratedDatabase database = MigratedDatabase.at("0.0.6", "kit_outbox_time_migration", "classpath:db/kit")) {
            List<UUID> ids = new ArrayList<>();
            try (Connection connection = database.connect(); PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox (id, aggregatetype, aggregateid, type, payload, source, time, schemaversion)
                    values (?, 'insurance.payments.v1', 'p', 'PaymentConfirmed', '{}', 'tax-collection-adapter', ?, 1)""")) {
                for (Instant time : times) {
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setTimestamp(2, Timestamp.from(time));
                    insert.executeUpdate();
                    ids.add(id);
                }
            }

            database.migrateToTheLatest();

            try (Connection connection = database.connect();
                    PreparedStatement read = connection.prepareStatement("select time from outbox where id = ?")) {
                for (int i = 0; i < ids.size(); i++) {
                    read.setObject(1, ids.get(i));
                    try (ResultSet row = read.executeQuery()) {
                        assertThat(row.next()).isTrue();
                        assertThat(row.getString(1)).isEqualTo(WireTimes.micros(times.get(i)));
                    }
                }
                // what an older replica still binds: PostgreSQL would keep it as its own text, which no consumer reads
                try (PreparedStatement older = connection.prepareStatement("""
                        insert into outbox (id, aggregatetype, aggregateid, type, payload, source, time, schemaversion)
                        select ?, 'insurance.payments.v1', 'p', 'PaymentConfirmed', '{}', 'tax-collection-adapter', t, 1
                        from unnest(cast(? as timestamptz[])) as t""")) {
                    older.setObject(1, UUID.randomUUID());
                    older.setArray(2, connection.createArrayOf("timestamptz", new Object[] {Timestamp.from(times.get(0))}));
                    assertThatThrownBy(older::executeUpdate).isInstanceOf(SQLException.class).hasMessageContaining("outbox_time_wire_form");
                }
            }
        }
    }
}
