package cn.medicare.campaign.stack;

import cn.medicare.campaign.infra.Infrastructure;
import cn.medicare.campaign.infra.LocalInfrastructure;
import cn.medicare.campaign.infra.kafka.LocalKafkaBroker;
import cn.medicare.campaign.infra.postgres.LocalPostgres;
import cn.medicare.campaign.infra.postgres.PostgresServer;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The stack's Kafka and PostgreSQL: embedded by default, external where the environment names
 * them. Embedded ones start clean each time, so the relays' offsets are wiped with them.
 * Embedded, each service's database has a server of its own, as a database per service has in
 * production: a walsender decodes its server's whole WAL, so on one shared server each of the four
 * connectors also decoded the other three services' writes (docs/delivery.md).
 */
public final class StackInfrastructure implements Infrastructure {

    private final PostgresServer postgres;
    /** Empty when PostgreSQL is external: then every database is on {@link #postgres}. */
    private final Map<String, LocalPostgres> embeddedPostgres;
    private final String kafka;
    private final AutoCloseable embeddedKafka;
    private final WorkDirectory work;

    private StackInfrastructure(PostgresServer postgres, Map<String, LocalPostgres> embeddedPostgres, String kafka,
            AutoCloseable embeddedKafka, WorkDirectory work) {
        this.work = work;
        this.postgres = postgres;
        this.embeddedPostgres = embeddedPostgres;
        this.kafka = kafka;
        this.embeddedKafka = embeddedKafka;
    }

    /** All embedded, on free ports: what the benchmarks measure. */
    public static StackInfrastructure embedded(Path work) {
        return start(Optional.empty(), Optional.empty(), 0, work);
    }

    static StackInfrastructure start(StackSettings settings) {
        return start(settings.externalPostgres(), settings.externalKafka(), settings.kafkaPort(), settings.workDirectory());
    }

    private static StackInfrastructure start(Optional<StackSettings.ExternalPostgres> externalPostgres, Optional<String> externalKafka,
            int kafkaPort, Path work) {
        WorkDirectory claimed = WorkDirectory.claim(work);
        Map<String, LocalPostgres> local;
        try {
            local = externalPostgres.isPresent() ? Map.of() : startEmbeddedPostgres(work);
        } catch (RuntimeException e) {
            closeQuietly(claimed);
            throw e;
        }
        try {
            PostgresServer postgres = externalPostgres
                    .map(external -> new PostgresServer(external.host(), external.port(), external.user(), external.password()))
                    .orElseGet(() -> local.get(SuiteService.ENROLLMENT.database()).server());
            LocalKafkaBroker localKafka = null;
            String kafka;
            if (externalKafka.isPresent()) {
                kafka = externalKafka.get();
            } else {
                LocalInfrastructure.KafkaPorts ports = LocalInfrastructure.kafkaPorts(kafkaPort);
                localKafka = LocalKafkaBroker.start(ports.client(), ports.controller(), work.resolve("kafka"));
                kafka = localKafka.bootstrapServers();
            }
            return new StackInfrastructure(postgres, Collections.unmodifiableMap(local), kafka, localKafka, claimed);
        } catch (RuntimeException e) {
            local.values().forEach(StackInfrastructure::closeQuietly);
            closeQuietly(claimed);
            throw e;
        }
    }

    /** One server per service database, started side by side on ports found together (so never the same one twice). */
    private static Map<String, LocalPostgres> startEmbeddedPostgres(Path work) {
        SuiteService[] services = SuiteService.values();
        int[] ports = LocalInfrastructure.freePorts(services.length);
        ExecutorService starting = Executors.newFixedThreadPool(services.length);
        Map<String, Future<LocalPostgres>> started = new LinkedHashMap<>();
        for (int i = 0; i < services.length; i++) {
            String database = services[i].database();
            int port = ports[i];
            started.put(database, starting.submit(() -> LocalPostgres.start(port, work.resolve("postgres-" + database))));
        }
        starting.shutdown();
        Map<String, LocalPostgres> servers = new LinkedHashMap<>();
        RuntimeException failure = null;
        for (Map.Entry<String, Future<LocalPostgres>> server : started.entrySet()) {
            try {
                servers.put(server.getKey(), server.getValue().get());
            } catch (ExecutionException e) {
                failure = failure != null ? failure : new IllegalStateException("could not start PostgreSQL for " + server.getKey(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new IllegalStateException("interrupted while PostgreSQL started", e);
            }
        }
        if (failure != null) {
            servers.values().forEach(StackInfrastructure::closeQuietly);
            throw failure;
        }
        return servers;
    }

    @Override
    public PostgresServer postgres() {
        return postgres;
    }

    @Override
    public PostgresServer postgres(String database) {
        LocalPostgres embedded = embeddedPostgres.get(database);
        return embedded != null ? embedded.server() : postgres;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka;
    }

    @Override
    public String description() {
        String postgresDescription = embeddedPostgres.isEmpty() ? "external PostgreSQL on " + postgres.host() + ":" + postgres.port()
                : embeddedPostgres.size() + " x " + embeddedPostgres.values().iterator().next().kind() + ", one per service database";
        return postgresDescription + ", " + (embeddedKafka != null ? "in-JVM Kafka broker (KRaft)" : "external Kafka") + " on " + kafka;
    }

    @Override
    public void close() {
        closeQuietly(embeddedKafka);
        embeddedPostgres.values().forEach(StackInfrastructure::closeQuietly);
        closeQuietly(work);
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
}
