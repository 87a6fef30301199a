package cn.medicare.campaign.infra;

import cn.medicare.campaign.infra.kafka.LocalKafkaBroker;
import cn.medicare.campaign.infra.postgres.LocalPostgres;
import cn.medicare.campaign.infra.postgres.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * The embedded PostgreSQL and the in-JVM Kafka broker: real servers that need nothing installed,
 * and that the fault tests can restart.
 */
public final class LocalInfrastructure implements RestartableInfrastructure {

    private final LocalPostgres postgres;
    private final LocalKafkaBroker kafka;

    private LocalInfrastructure(LocalPostgres postgres, LocalKafkaBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /**
     * @param kafkaPort the broker's client port, or 0 for a free one
     * @param postgresPort PostgreSQL's port, or 0 for a free one
     * @param workDirectory holds the database cluster and the broker's log
     */
    public static LocalInfrastructure start(int kafkaPort, int postgresPort, Path workDirectory) {
        LocalPostgres postgres = LocalPostgres.start(postgresPort, workDirectory.resolve("postgres"));
        try {
            int port = kafkaPort > 0 ? kafkaPort : freePort();
            LocalKafkaBroker kafka = LocalKafkaBroker.start(port, freePort(), workDirectory.resolve("kafka"));
            return new LocalInfrastructure(postgres, kafka);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    @Override
    public PostgresServer postgres() {
        return postgres.server();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void restartKafka() {
        kafka.restart();
    }

    @Override
    public void restartPostgres() {
        postgres.restart();
    }

    @Override
    public String description() {
        return postgres.kind() + " on port " + postgres.server().port()
                + " + in-JVM Apache Kafka broker (KRaft) on " + kafka.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
