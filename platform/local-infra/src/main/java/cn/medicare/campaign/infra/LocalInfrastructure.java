package cn.medicare.campaign.infra;

import cn.medicare.campaign.infra.kafka.LocalKafkaBroker;
import cn.medicare.campaign.infra.postgres.LocalPostgres;
import cn.medicare.campaign.infra.postgres.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
            KafkaPorts ports = kafkaPorts(kafkaPort);
            LocalKafkaBroker kafka = LocalKafkaBroker.start(ports.client(), ports.controller(), workDirectory.resolve("kafka"));
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
        return freePorts(1)[0];
    }

    /** The in-JVM broker's two listeners' ports. */
    public record KafkaPorts(int client, int controller) {
    }

    /**
     * The broker's client port (the one given, or a free one) and a free controller port that is not
     * the same: two free ports asked for one after the other may be one port, as the first socket is
     * closed when the second is opened (a broker refused to start on one port for both, in CI).
     */
    public static KafkaPorts kafkaPorts(int clientPort) {
        return kafkaPorts(clientPort, freePorts(2));
    }

    static KafkaPorts kafkaPorts(int clientPort, int[] twoFree) {
        int client = clientPort > 0 ? clientPort : twoFree[0];
        return new KafkaPorts(client, twoFree[1] != client ? twoFree[1] : twoFree[0]);
    }

    /** As many different free ports: every socket stays open until all are chosen. */
    public static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                socket.setReuseAddress(true);
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // the port is only ever probed; a failed close leaves nothing to clean up
                }
            }
        }
    }
}
