package cn.medicare.campaign.infra.testing;

import cn.medicare.campaign.infra.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * A database of its own for a migration's test, on the test infrastructure's PostgreSQL: migrated to a version, filled as
 * the code of that version left it, then migrated to the latest; dropped when closed.
 */
public final class MigratedDatabase implements AutoCloseable {

    private final PostgresServer postgres;
    private final String name;
    private final String[] locations;

    private MigratedDatabase(PostgresServer postgres, String name, String[] locations) {
        this.postgres = postgres;
        this.name = name;
        this.locations = locations;
    }

    /** @param locations the Flyway locations, as a service's {@code spring.flyway.locations} name them */
    public static MigratedDatabase at(String version, String name, String... locations) {
        PostgresServer postgres = TestInfrastructure.get().postgres();
        postgres.dropDatabase(name);
        postgres.createDatabase(name);
        MigratedDatabase database = new MigratedDatabase(postgres, name, locations);
        try {
            database.migrateTo(version);
        } catch (RuntimeException failure) {
            database.close();
            throw failure;
        }
        return database;
    }

    public void migrateToTheLatest() {
        migrateTo("latest");
    }

    public Connection connect() throws SQLException {
        return postgres.connect(name);
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The query's rows as its first column's text to its second's. */
    public Map<String, String> pairs(String query) throws SQLException {
        Map<String, String> pairs = new HashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                pairs.put(rows.getString(1), rows.getString(2));
            }
        }
        return pairs;
    }

    @Override
    public void close() {
        postgres.dropDatabase(name);
    }

    private void migrateTo(String version) {
        // a migration must not depend on the migrating session's zone (the kit's V0_0_7 turned instants into UTC text): one
        // that is neither UTC nor the services' Asia/Shanghai shows it
        Flyway.configure().dataSource(postgres.jdbcUrl(name), postgres.user(), postgres.password())
                .initSql("set time zone 'America/Sao_Paulo'").locations(locations).target(version).load().migrate();
    }
}
