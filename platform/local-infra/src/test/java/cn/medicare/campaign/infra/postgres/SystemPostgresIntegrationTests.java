package cn.medicare.campaign.infra.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fallback: the machine's own PostgreSQL binaries, started as the postgres user when we are root. */
class SystemPostgresIntegrationTests {

    @TempDir
    Path work;

    @Test
    void machineBinariesRunALogicalDecodingCluster() throws Exception {
        assumeTrue(SystemPostgres.binaries().isPresent(), "no PostgreSQL binaries under /usr/lib/postgresql");
        String previous = System.setProperty("local.postgres", "system");
        try (LocalPostgres postgres = LocalPostgres.start(0, work.resolve("cluster"))) {
            postgres.server().createDatabase("fallback_check");
            try (Connection connection = postgres.server().connect("fallback_check");
                    ResultSet walLevel = connection.createStatement().executeQuery("show wal_level")) {
                walLevel.next();
                assertThat(walLevel.getString(1)).isEqualTo("logical");
            }
            assertThat(postgres.kind()).startsWith("PostgreSQL from /usr/lib/postgresql/");
        } finally {
            if (previous == null) {
                System.clearProperty("local.postgres");
            } else {
                System.setProperty("local.postgres", previous);
            }
        }
    }
}
