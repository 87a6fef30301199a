package cn.medicare.campaign.infra.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server started from the binaries that Maven Central ships (no install,
 * works as root), configured for logical decoding so that Debezium can read the outbox.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final PostgresServer server;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.server = new PostgresServer("localhost", postgres.getPort(), SUPERUSER, SUPERUSER);
    }

    /**
     * @param port a fixed port, or 0 for a free one
     * @param dataDirectory where the cluster lives; it is wiped first so a start is always clean
     */
    public static LocalPostgres start(int port, Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "20")
                    .setServerConfig("max_wal_senders", "20")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC");
            if (port > 0) {
                builder.setPort(port);
            }
            LocalPostgres started = new LocalPostgres(builder.start());
            log.info("Local PostgreSQL with logical decoding on port {} (data in {})", started.server.port(), dataDirectory);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the local PostgreSQL", e);
        }
    }

    public PostgresServer server() {
        return server;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the local PostgreSQL", e);
        }
    }
}
