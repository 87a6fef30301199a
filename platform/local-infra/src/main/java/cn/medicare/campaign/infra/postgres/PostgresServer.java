package cn.medicare.campaign.infra.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Where a PostgreSQL server with logical decoding answers, and the superuser that services,
 * Flyway and Debezium log in with. The same shape for the embedded server, a Testcontainers
 * container or an external server.
 */
public record PostgresServer(String host, int port, String user, String password) {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?reWriteBatchedInserts=true";
    }

    /** Creates the database unless it exists; services each own one database. */
    public void createDatabase(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = connect("postgres");
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " on " + host + ":" + port, e);
        }
    }

    /**
     * Drops a logical replication slot if present: a slot outlives its Debezium engine and
     * keeps WAL forever, so a throwaway database must take its slot with it.
     */
    public void dropReplicationSlot(String slotName) {
        try (Connection connection = connect("postgres");
                PreparedStatement drop = connection.prepareStatement(
                        "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = ? and not active")) {
            drop.setString(1, slotName);
            drop.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop replication slot " + slotName, e);
        }
    }

    /**
     * Drops the database and the replication slots on it, for a run that must start from nothing;
     * nobody may be connected any more (services and relays stopped).
     */
    public void dropDatabase(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = connect("postgres");
                PreparedStatement slots = connection.prepareStatement(
                        "select pg_drop_replication_slot(slot_name) from pg_replication_slots where database = ?");
                Statement drop = connection.createStatement()) {
            slots.setString(1, database);
            slots.execute();
            drop.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop database " + database + " on " + host + ":" + port, e);
        }
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }
}
