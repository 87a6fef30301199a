package cn.medicare.campaign.infra.postgres;

import cn.medicare.campaign.infra.LocalInfrastructure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL configured for logical decoding, so that Debezium can read the outbox: by
 * default PostgreSQL 17 from the binaries Maven Central ships (no install, works as root); the
 * machine's own binaries when those cannot start, or when {@code -Dlocal.postgres=system} asks.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final String SUPERUSER = "postgres";

    private final PostgresServer server;
    private final Runnable stop;
    private final String kind;

    private LocalPostgres(int port, Runnable stop, String kind) {
        this.server = new PostgresServer("localhost", port, SUPERUSER, SUPERUSER);
        this.stop = stop;
        this.kind = kind;
    }

    /**
     * @param port a fixed port, or 0 for a free one
     * @param dataDirectory where the cluster lives; it is wiped first so a start is always clean
     */
    public static LocalPostgres start(int port, Path dataDirectory) {
        Optional<Path> systemBinaries = SystemPostgres.binaries();
        if ("system".equals(System.getProperty("local.postgres")) && systemBinaries.isPresent()) {
            return startSystem(systemBinaries.get(), port, dataDirectory);
        }
        try {
            return startEmbedded(port, dataDirectory);
        } catch (RuntimeException e) {
            if (systemBinaries.isEmpty()) {
                throw e;
            }
            log.warn("Embedded PostgreSQL did not start ({}); using the machine's binaries in {}", e.getMessage(), systemBinaries.get());
            return startSystem(systemBinaries.get(), port, dataDirectory.resolveSibling(dataDirectory.getFileName() + "-system"));
        }
    }

    private static LocalPostgres startEmbedded(int port, Path dataDirectory) {
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
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL 17 with logical decoding on port {} (data in {})", postgres.getPort(), dataDirectory);
            return new LocalPostgres(postgres.getPort(), () -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
                }
            }, "embedded PostgreSQL 17");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    private static LocalPostgres startSystem(Path bin, int port, Path dataDirectory) {
        int chosen = port > 0 ? port : LocalInfrastructure.freePort();
        SystemPostgres postgres = SystemPostgres.start(bin, chosen, dataDirectory);
        log.info("PostgreSQL from {} with logical decoding on port {} (data in {})", bin, chosen, dataDirectory);
        return new LocalPostgres(chosen, postgres::stop, "PostgreSQL from " + bin);
    }

    public PostgresServer server() {
        return server;
    }

    /** Which binaries run it, for logs and test output. */
    public String kind() {
        return kind;
    }

    @Override
    public void close() {
        stop.run();
    }
}
