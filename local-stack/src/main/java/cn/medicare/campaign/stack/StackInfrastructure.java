package cn.medicare.campaign.stack;

import cn.medicare.campaign.infra.Infrastructure;
import cn.medicare.campaign.infra.LocalInfrastructure;
import cn.medicare.campaign.infra.kafka.LocalKafkaBroker;
import cn.medicare.campaign.infra.postgres.LocalPostgres;
import cn.medicare.campaign.infra.postgres.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The stack's Kafka and PostgreSQL: embedded by default, external where the environment names
 * them. Embedded ones start clean each time, so the relays' offsets are wiped with them.
 */
final class StackInfrastructure implements Infrastructure {

    private final PostgresServer postgres;
    private final String kafka;
    private final LocalPostgres embeddedPostgres;
    private final AutoCloseable embeddedKafka;

    private StackInfrastructure(PostgresServer postgres, String kafka, LocalPostgres embeddedPostgres, AutoCloseable embeddedKafka) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.embeddedPostgres = embeddedPostgres;
        this.embeddedKafka = embeddedKafka;
    }

    static StackInfrastructure start(StackSettings settings) {
        Path work = settings.workDirectory();
        wipe(work);
        LocalPostgres localPostgres = null;
        PostgresServer postgres;
        if (settings.externalPostgres().isPresent()) {
            StackSettings.ExternalPostgres external = settings.externalPostgres().get();
            postgres = new PostgresServer(external.host(), external.port(), external.user(), external.password());
        } else {
            localPostgres = LocalPostgres.start(0, work.resolve("postgres"));
            postgres = localPostgres.server();
        }
        LocalKafkaBroker localKafka = null;
        String kafka;
        if (settings.externalKafka().isPresent()) {
            kafka = settings.externalKafka().get();
        } else {
            LocalInfrastructure.KafkaPorts ports = LocalInfrastructure.kafkaPorts(settings.kafkaPort());
            localKafka = LocalKafkaBroker.start(ports.client(), ports.controller(), work.resolve("kafka"));
            kafka = localKafka.bootstrapServers();
        }
        return new StackInfrastructure(postgres, kafka, localPostgres, localKafka);
    }

    @Override
    public PostgresServer postgres() {
        return postgres;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka;
    }

    @Override
    public String description() {
        return (embeddedPostgres != null ? embeddedPostgres.kind() : "external PostgreSQL") + " on " + postgres.host() + ":" + postgres.port()
                + ", " + (embeddedKafka != null ? "in-JVM Kafka broker (KRaft)" : "external Kafka") + " on " + kafka;
    }

    @Override
    public void close() {
        closeQuietly(embeddedKafka);
        closeQuietly(embeddedPostgres);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("Could not stop " + closeable + ": " + e.getMessage());
        }
    }

    private static void wipe(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + directory, e);
        }
    }
}
