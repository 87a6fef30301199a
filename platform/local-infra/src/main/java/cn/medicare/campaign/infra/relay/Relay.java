package cn.medicare.campaign.infra.relay;

import cn.medicare.campaign.infra.Infrastructure;
import cn.medicare.campaign.infra.LocalInfrastructure;
import cn.medicare.campaign.infra.postgres.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The outbox connectors of {@code deploy/connect/} running on one of the two paths from
 * PostgreSQL to Kafka: Debezium's embedded engine, or a Kafka Connect worker as in production.
 */
public interface Relay extends AutoCloseable {

    /** {@code --relay=embedded} (the default) or {@code --relay=connect}. */
    enum Kind {
        EMBEDDED, CONNECT;

        public static Kind parse(String value) {
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--relay is embedded or connect, not " + value, e);
            }
        }
    }

    /** One line for logs and test output. */
    String description();

    /** Why a connector stopped on its own, or empty while all run. */
    List<String> failures();

    @Override
    void close();

    /** Who the relays are on Kafka: the Kafka Connect cluster's user in production (deploy/k8s/kafka-users.yaml). */
    String KAFKA_USER = "campaign-connect";

    /**
     * Starts the connectors and returns once each captures: a row committed afterwards is never missed.
     *
     * @param stateDirectory where the relay keeps its offsets: the embedded engine's files, or for Kafka
     *        Connect the name of its cluster (offsets in that cluster's topics), so that a restart resumes
     * @param connectPort Kafka Connect's REST port, 0 for a free one; unused by the embedded engine
     */
    static Relay start(Kind kind, List<ConnectorConfiguration> connectors, Infrastructure infrastructure, Path stateDirectory,
            int connectPort) {
        return switch (kind) {
            case EMBEDDED -> embedded(connectors, infrastructure, stateDirectory);
            case CONNECT -> connect(connectors, infrastructure, stateDirectory, connectPort);
        };
    }

    private static PostgresServer serverOf(ConnectorConfiguration connector, Infrastructure infrastructure) {
        return infrastructure.postgres(connector.get("database.dbname"));
    }

    private static Relay embedded(List<ConnectorConfiguration> connectors, Infrastructure infrastructure, Path stateDirectory) {
        List<OutboxRelay> relays = new ArrayList<>();
        try {
            for (ConnectorConfiguration connector : connectors) {
                relays.add(OutboxRelay.start(connector, serverOf(connector, infrastructure), infrastructure.kafkaBootstrapServers(),
                        infrastructure.kafkaClientProperties(KAFKA_USER),
                        stateDirectory));
            }
        } catch (RuntimeException e) {
            relays.forEach(OutboxRelay::close);
            throw e;
        }
        return new Relay() {
            @Override
            public String description() {
                return relays.size() + " Debezium embedded engines";
            }

            @Override
            public List<String> failures() {
                return relays.stream().filter(relay -> relay.failure() != null)
                        .map(relay -> relay.name() + ": " + relay.failure()).toList();
            }

            @Override
            public void close() {
                relays.forEach(OutboxRelay::close);
            }
        };
    }

    /**
     * The Connect cluster of this state directory: kept in it, so that a relay restarted in the same run goes on from its
     * offsets, and new with the directory, so that a stack whose PostgreSQL starts empty again does not go on from an
     * earlier run's offsets kept on an external broker (Debezium would skip the new WAL below them).
     */
    static String clusterId(Path stateDirectory) {
        Path file = stateDirectory.resolve("connect-cluster-id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(stateDirectory);
            String id = UUID.randomUUID().toString().substring(0, 8);
            Files.writeString(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the Connect cluster's id in " + stateDirectory, e);
        }
    }

    private static Relay connect(List<ConnectorConfiguration> connectors, Infrastructure infrastructure, Path stateDirectory,
            int connectPort) {
        String cluster = "campaign-connect-" + clusterId(stateDirectory);
        PostgresServer shared = infrastructure.postgres();
        ConnectWorker worker = ConnectWorker.start(infrastructure.kafkaBootstrapServers(), infrastructure.kafkaClientProperties(KAFKA_USER),
                connectPort > 0 ? connectPort : LocalInfrastructure.freePort(), cluster, shared);
        try {
            for (ConnectorConfiguration connector : connectors) {
                worker.run(onItsServer(connector, serverOf(connector, infrastructure), shared));
            }
        } catch (RuntimeException e) {
            worker.close();
            throw e;
        }
        return new Relay() {
            @Override
            public String description() {
                return "Kafka Connect worker " + worker.restUrl() + " (cluster " + cluster + ") running " + connectors.size() + " connectors";
            }

            @Override
            public List<String> failures() {
                List<String> failures = new ArrayList<>();
                for (ConnectorConfiguration connector : connectors) {
                    try {
                        worker.running(connector.name());
                    } catch (IllegalStateException e) {
                        failures.add(e.getMessage());
                    }
                }
                return failures;
            }

            @Override
            public void close() {
                worker.close();
            }
        };
    }

    /**
     * The connector files name the server through the worker's environment, one server for all; a
     * database on a server of its own is named in its connector instead. Credentials stay in the
     * environment where they are the same: Connect's REST API shows a connector's configuration as given.
     */
    private static ConnectorConfiguration onItsServer(ConnectorConfiguration connector, PostgresServer server, PostgresServer shared) {
        ConnectorConfiguration located = server.host().equals(shared.host()) && server.port() == shared.port() ? connector
                : connector.with("database.hostname", server.host()).with("database.port", String.valueOf(server.port()));
        return server.user().equals(shared.user()) && server.password().equals(shared.password()) ? located
                : located.with("database.user", server.user()).with("database.password", server.password());
    }
}
