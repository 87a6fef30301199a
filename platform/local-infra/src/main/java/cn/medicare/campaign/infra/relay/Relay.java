package cn.medicare.campaign.infra.relay;

import cn.medicare.campaign.infra.LocalInfrastructure;
import cn.medicare.campaign.infra.postgres.PostgresServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /**
     * Starts the connectors and returns once each captures: a row committed afterwards is never missed.
     *
     * @param stateDirectory where the relay keeps its offsets: the embedded engine's files, or for Kafka
     *        Connect the name of its cluster (offsets in that cluster's topics), so that a restart resumes
     * @param connectPort Kafka Connect's REST port, 0 for a free one; unused by the embedded engine
     */
    static Relay start(Kind kind, List<ConnectorConfiguration> connectors, PostgresServer postgres, String bootstrapServers,
            Path stateDirectory, int connectPort) {
        return switch (kind) {
            case EMBEDDED -> embedded(connectors, postgres, bootstrapServers, stateDirectory);
            case CONNECT -> connect(connectors, postgres, bootstrapServers, stateDirectory, connectPort);
        };
    }

    private static Relay embedded(List<ConnectorConfiguration> connectors, PostgresServer postgres, String bootstrapServers,
            Path stateDirectory) {
        List<OutboxRelay> relays = new ArrayList<>();
        try {
            for (ConnectorConfiguration connector : connectors) {
                relays.add(OutboxRelay.start(connector, postgres, bootstrapServers, stateDirectory));
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

    private static Relay connect(List<ConnectorConfiguration> connectors, PostgresServer postgres, String bootstrapServers,
            Path stateDirectory, int connectPort) {
        String cluster = "campaign-connect-" + Integer.toHexString(stateDirectory.toAbsolutePath().normalize().toString().hashCode());
        ConnectWorker worker = ConnectWorker.start(bootstrapServers, connectPort > 0 ? connectPort : LocalInfrastructure.freePort(),
                cluster, postgres);
        try {
            connectors.forEach(worker::run);
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
}
