package cn.medicare.campaign.infra.postgres;

import cn.medicare.campaign.infra.LocalInfrastructure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    /**
     * Memory for a county, not for a laptop's default: with 128 MB of shared buffers the backends of
     * {@code benchmarks/county-scale.sh 1.0} evicted and wrote back 13,500 pages a second, and 1 GB of
     * WAL asked for a checkpoint every minute, each followed by full-page images the walsenders decode
     * (docs/delivery.md); the default five minutes between checkpoints fell inside a county's run, so the
     * WAL it writes, which the benchmark reports as the databases' work, depended on where. Shared memory is
     * touched only as it is used, so a test's small server stays small.
     */
    static final Map<String, String> MEMORY = Map.of("shared_buffers", "1GB", "max_wal_size", "4GB", "checkpoint_timeout", "15min");

    private final PostgresServer server;
    private final String kind;
    private final Server running;

    /** The server process of either kind: stopped for good, or restarted on the same data. */
    private interface Server {
        void stop();

        void restart();
    }

    private LocalPostgres(int port, Server running, String kind) {
        this.server = new PostgresServer("localhost", port, SUPERUSER, SUPERUSER);
        this.running = running;
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
        EmbeddedPostgres postgres = embedded(port, dataDirectory);
        log.info("Embedded PostgreSQL 17 with logical decoding on port {} (data in {})", postgres.getPort(), dataDirectory);
        return new LocalPostgres(postgres.getPort(), new Server() {
            @Override
            public void stop() {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
                }
            }

            @Override
            public void restart() {
                restartWithPgCtl(dataDirectory);
            }
        }, "embedded PostgreSQL 17");
    }

    /**
     * PostgreSQL's own restart, with the binaries and options the running server was started with
     * ({@code postmaster.opts}): the embedded server object knows nothing of it and stops the restarted
     * server as it would have stopped the first. Run as zonky runs it when this JVM is root (in a user
     * namespace of its own, since PostgreSQL refuses to run as root).
     */
    private static void restartWithPgCtl(Path dataDirectory) {
        try {
            String started = Files.readString(dataDirectory.resolve("postmaster.opts")).trim();
            Path postgres = Path.of(started.substring(0, started.indexOf(' ')).replace("\"", ""));
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(postgres.resolveSibling("pg_ctl").toString(), "-D", dataDirectory.toString(), "-m", "fast", "-w",
                    "-t", "120", "restart"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dataDirectory.resolveSibling("pg_ctl-restart.log").toFile()).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pg_ctl restart failed, see " + dataDirectory.resolveSibling("pg_ctl-restart.log"));
            }
            log.info("Embedded PostgreSQL restarted (data in {})", dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart the embedded PostgreSQL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while PostgreSQL restarted", e);
        }
    }

    private static EmbeddedPostgres embedded(int port, Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "20")
                    .setServerConfig("max_wal_senders", "20")
                    .setServerConfig("max_connections", "300")
                    // the embedded server commits asynchronously, and logical decoding sends only what the WAL
                    // writer has flushed: at its default 200 ms every event waited about 100 ms more for the relay
                    .setServerConfig("wal_writer_delay", "10ms")
                    .setServerConfig("timezone", "UTC");
            MEMORY.forEach(builder::setServerConfig);
            // what each statement cost, for a benchmark's measurement only (docs/delivery.md, "Where the time went in session 26")
            if (Boolean.getBoolean("local.postgres.statements")) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    private static LocalPostgres startSystem(Path bin, int port, Path dataDirectory) {
        int chosen = port > 0 ? port : LocalInfrastructure.freePort();
        SystemPostgres postgres = SystemPostgres.start(bin, chosen, dataDirectory);
        log.info("PostgreSQL from {} with logical decoding on port {} (data in {})", bin, chosen, dataDirectory);
        return new LocalPostgres(chosen, new Server() {
            @Override
            public void stop() {
                postgres.stop();
            }

            @Override
            public void restart() {
                postgres.restart();
            }
        }, "PostgreSQL from " + bin);
    }

    /**
     * A fast shutdown and a start on the same data and port, as a crash and recovery would be for
     * everyone connected: their sessions end and open transactions roll back.
     */
    public void restart() {
        running.restart();
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
        running.stop();
    }
}
