package cn.medicare.campaign.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.infra.Infrastructure;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.TestInfrastructure;
import java.sql.Connection;
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
        DatabaseWork work = DatabaseWork.start(List.of(new DatabaseWork.Server("measured", infrastructure.postgres(), "database_work")));

        try (Connection connection = infrastructure.postgres().connect("database_work"); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists written");
            statement.execute("create table written (id integer primary key, filler text)");
            // 20,000 rows of some 130 bytes and their index entries: more than 2.6 MB of WAL, far less than 50
            statement.execute("insert into written select n, repeat('x', 100) from generate_series(1, 20000) n");
        }

        List<DatabaseWork.Done> done = work.since();
        assertThat(done).singleElement().satisfies(server -> {
            assertThat(server.name()).isEqualTo("measured");
            assertThat(server.walBytes()).isBetween(2_600_000L, 50_000_000L);
            if (infrastructure.description().startsWith("Testcontainers")) {
                assertThat(server.cpuSeconds()).as("a container's processes are not this machine's to read").isNaN();
            } else {
                assertThat(server.cpuSeconds()).as("the backend that wrote the rows, at least").isPositive().isLessThan(60.0);
            }
        });
    }
}
