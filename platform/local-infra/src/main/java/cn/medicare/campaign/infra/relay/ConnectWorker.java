package cn.medicare.campaign.infra.relay;

import cn.medicare.campaign.infra.postgres.PostgresServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Apache Kafka Connect in distributed mode, in this JVM: the worker production runs (its
 * configuration, offsets and status in Kafka topics, connectors submitted through its REST API),
 * with the Debezium PostgreSQL connector and the Outbox Event Router from the classpath. It runs
 * the files of {@code deploy/connect/} as they are; their {@code ${env:DATABASE_*}} placeholders
 * are answered with this machine's PostgreSQL ({@link GivenValuesConfigProvider}).
 */
public final class ConnectWorker implements AutoCloseable {

    /** 8083 is the tax adapter's (API.md), so Connect's usual port moves here. */
    public static final int DEFAULT_REST_PORT = 8090;

    private static final Logger log = LoggerFactory.getLogger(ConnectWorker.class);
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Connect<?> connect;
    private final URI rest;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ConnectWorker(Connect<?> connect, URI rest) {
        this.connect = connect;
        this.rest = rest;
    }

    /**
     * Starts a worker of the Connect cluster {@code cluster} (its group id and the prefix of its
     * three internal topics) and returns once its REST API answers.
     */
    public static ConnectWorker start(String bootstrapServers, Map<String, String> login, int restPort, String cluster,
            PostgresServer postgres) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        // the worker's own clients and its tasks' producers, consumers and admins log in alike, as Strimzi configures them
        login.forEach((key, value) -> {
            for (String prefix : List.of("", "producer.", "consumer.", "admin.")) {
                config.put(prefix + key, value);
            }
        });
        config.put("group.id", cluster);
        config.put("config.storage.topic", cluster + "-configs");
        config.put("offset.storage.topic", cluster + "-offsets");
        config.put("status.storage.topic", cluster + "-status");
        // one broker here; Kubernetes declares 3 (deploy/k8s/kafka-connect.yaml)
        config.put("config.storage.replication.factor", "1");
        config.put("offset.storage.replication.factor", "1");
        config.put("status.storage.replication.factor", "1");
        config.put("offset.storage.partitions", "3");
        config.put("status.storage.partitions", "3");
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("listeners", "http://localhost:" + restPort);
        config.put("rest.advertised.host.name", "localhost");
        // the plugins are on the classpath with their ServiceLoader manifests: no scan of every jar
        config.put("plugin.discovery", "service_load");
        // as deploy/k8s/kafka-connect.yaml: the connector files set producer.override.*; a worker commits
        // offsets on a timer (0 is refused), so a restarted task replays at most a second of rows, which
        // the consumers' inboxes drop as duplicates
        config.put("connector.client.config.override.policy", "All");
        config.put("offset.flush.interval.ms", "1000");
        config.put("scheduled.rebalance.max.delay.ms", "0");
        config.put("config.providers", "env");
        config.put("config.providers.env.class", GivenValuesConfigProvider.class.getName());
        config.put("config.providers.env.param.DATABASE_HOSTNAME", postgres.host());
        config.put("config.providers.env.param.DATABASE_PORT", String.valueOf(postgres.port()));
        config.put("config.providers.env.param.DATABASE_USER", postgres.user());
        config.put("config.providers.env.param.DATABASE_PASSWORD", postgres.password());
        Connect<?> connect = new ConnectDistributed().startConnect(config);
        ConnectWorker worker = new ConnectWorker(connect, URI.create("http://localhost:" + restPort + "/"));
        try {
            worker.await("its REST API to answer", () -> worker.call(HttpRequest.newBuilder(worker.rest).GET())
                    .filter(response -> response.statusCode() == 200).isPresent());
        } catch (RuntimeException e) {
            worker.close();
            throw e;
        }
        log.info("Kafka Connect worker of {} listening on {}", cluster, worker.rest);
        return worker;
    }

    public URI restUrl() {
        return rest;
    }

    /**
     * Creates or updates the connector through the REST API ({@code PUT /connectors/<name>/config},
     * as {@code deploy/compose/register-connectors.sh} does) and returns once it and its task
     * run: the replication slot exists then, so no outbox row committed afterwards is missed.
     */
    public void run(ConnectorConfiguration connector) {
        String body = JsonMapper.shared().writeValueAsString(connector.config());
        HttpRequest.Builder put = HttpRequest.newBuilder(rest.resolve("connectors/" + connector.name() + "/config"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        // 409 while the workers rebalance: Connect's own answer to "try again"
        await("connector " + connector.name() + " to be accepted", () -> call(put).map(response -> {
            if (response.statusCode() >= 400 && response.statusCode() != 409) {
                throw new IllegalStateException("Kafka Connect refused connector " + connector.name() + ": " + response.body());
            }
            return response.statusCode() < 300;
        }).orElse(false));
        await("connector " + connector.name() + " to run", () -> running(connector.name()));
        log.info("Connector {} running on Kafka Connect at {}", connector.name(), rest);
    }

    /** True once the connector and all its tasks are RUNNING; a FAILED one throws with Connect's trace. */
    public boolean running(String connector) {
        Optional<HttpResponse<String>> response = call(HttpRequest.newBuilder(rest.resolve("connectors/" + connector + "/status")).GET())
                .filter(answer -> answer.statusCode() == 200);
        if (response.isEmpty()) {
            return false;
        }
        JsonNode status = JsonMapper.shared().readTree(response.get().body());
        boolean running = "RUNNING".equals(status.path("connector").path("state").asString());
        if (status.path("tasks").isEmpty()) {
            return false;
        }
        for (JsonNode task : status.path("tasks")) {
            if ("FAILED".equals(task.path("state").asString())) {
                throw new IllegalStateException("connector " + connector + " task failed: " + task.path("trace").asString());
            }
            running &= "RUNNING".equals(task.path("state").asString());
        }
        return running;
    }

    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
    }

    /** Empty while the worker does not answer yet. */
    private Optional<HttpResponse<String>> call(HttpRequest.Builder request) {
        try {
            return Optional.of(http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling Kafka Connect", e);
        }
    }

    private void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka Connect at " + rest + " waited " + PATIENCE.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
