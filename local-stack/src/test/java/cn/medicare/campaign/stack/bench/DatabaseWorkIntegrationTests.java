package cn.medicare.campaign.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.infra.Infrastructure;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.TestInfrastructure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

@RealInfrastructure
class DatabaseWorkIntegrationTests {

    @Test
    void aServerReportsTheWalItWroteAndTheCpuItsProcessesTookSince() throws SQLException {
        Infrastructure infrastructure = TestInfrastructure.get();
        infrastructure.postgres().createDatabase("database_work");
        DatabaseWork work = DatabaseWork.start(List.of(new DatabaseWork.Server("database_work", infrastructure.postgres())));

        double backendCpu;
        try (Connection connection = infrastructure.postgres().connect("database_work"); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists written");
            statement.execute("create table written (id integer primary key, filler text)");
            // 200,000 rows of some 130 bytes and their index entries: more than 26 MB of WAL, far less than 500
            statement.execute("insert into written select n, repeat('x', 100) from generate_series(1, 200000) n");
            try (ResultSet backend = statement.executeQuery("select pg_backend_pid()")) {
                backend.next();
                backendCpu = DatabaseWork.cpuSeconds(backend.getInt(1));
            }
        }

        List<DatabaseWork.Done> done = work.since();
        assertThat(done).singleElement().satisfies(server -> {
            assertThat(server.database()).isEqualTo("database_work");
            assertThat(server.walBytes()).isBetween(26_000_000L, 500_000_000L);
            if (infrastructure.description().startsWith("Testcontainers")) {
                assertThat(server.cpuSeconds()).as("a container's processes are not this machine's to read").isNaN();
            } else {
                // the backend that wrote the rows ended with the connection: the postmaster reaped it, and its CPU with it
                assertThat(backendCpu).isPositive();
                assertThat(server.cpuSeconds()).isGreaterThanOrEqualTo(backendCpu).isLessThan(120.0);
            }
        });
    }
}
