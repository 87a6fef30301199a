package cn.medicare.campaign.infra.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker, combined broker and controller in KRaft mode, inside this JVM.
 * Kafka's server classes are internal: this is the one class of ours that touches them.
 */
public final class LocalKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Properties config;
    private final String bootstrapServers;
    private final String setUpServers;
    private KafkaRaftServer server;

    private LocalKafkaBroker(Properties config, KafkaRaftServer server, String bootstrapServers, String setUpServers) {
        this.config = config;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.setUpServers = setUpServers;
    }

    /**
     * @param port the client port (9092 for the local stack)
     * @param controllerPort the KRaft controller port
     * @param logDirectory formatted on first use; its data survives a restart
     */
    public static LocalKafkaBroker start(int port, int controllerPort, Path logDirectory) {
        Properties config = config(port, controllerPort, logDirectory);
        String bootstrap = "localhost:" + port;
        LocalKafkaBroker broker = new LocalKafkaBroker(config, startServer(config, logDirectory), bootstrap, bootstrap);
        log.info("Local Kafka broker (KRaft) on {} (logs in {})", bootstrap, logDirectory);
        return broker;
    }

    /**
     * A broker as production's (deploy/k8s/kafka.yaml): every client of {@code port} speaks TLS to the certificate of
     * {@code tls}, logs in with SCRAM-SHA-512 and does what its ACLs allow, nothing else. {@code setUpPort} answers without a
     * login, as the super user, for whoever creates the topics, the logins and the ACLs ({@link #setUpServers()};
     * {@link KafkaLogins}).
     */
    public static LocalKafkaBroker startWithLogins(int port, int setUpPort, int controllerPort, Path logDirectory, KafkaTls tls) {
        Properties config = config(port, controllerPort, logDirectory);
        config.put("listeners", "SASL_SSL://localhost:" + port + ",PLAINTEXT://localhost:" + setUpPort + ","
                + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        config.put("advertised.listeners", "SASL_SSL://localhost:" + port + ",PLAINTEXT://localhost:" + setUpPort);
        config.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("sasl.enabled.mechanisms", KafkaLogins.MECHANISM);
        config.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        config.put("listener.name.sasl_ssl.ssl.keystore.type", "PKCS12");
        config.put("listener.name.sasl_ssl.ssl.keystore.location", tls.keystore().toString());
        config.put("listener.name.sasl_ssl.ssl.keystore.password", tls.password());
        config.put("listener.name.sasl_ssl.ssl.key.password", tls.password());
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // the listeners without a login: the set-up port, the broker itself and its controller
        config.put("super.users", "User:ANONYMOUS");
        LocalKafkaBroker broker = new LocalKafkaBroker(config, startServer(config, logDirectory), "localhost:" + port, "localhost:" + setUpPort);
        log.info("Local Kafka broker (KRaft) on {}, TLS, logins and ACLs asked (set up on {}; logs in {})", broker.bootstrapServers,
                broker.setUpServers, logDirectory);
        return broker;
    }

    private static KafkaRaftServer startServer(Properties config, Path logDirectory) {
        formatOnce(logDirectory);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        return server;
    }

    /** A controlled shutdown and a start on the same ports and logs: clients see the broker go and come back. */
    public void restart() {
        close();
        server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        log.info("Local Kafka broker (KRaft) on {} restarted", bootstrapServers);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Where the topics, logins and ACLs are created: {@link #bootstrapServers()} but on a broker that asks logins. */
    public String setUpServers() {
        return setUpServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties config(int port, int controllerPort, Path logDirectory) {
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        config.put("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logDirectory.toString());
        config.put("num.partitions", "3");
        config.put("auto.create.topics.enable", "true");
        config.put("offsets.topic.replication.factor", "1");
        // 400 days, as the dead letters: the dead-letter replay's group has no members, and its offsets say which still wait
        config.put("offsets.retention.minutes", "576000");
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // a single-node broker has nobody to wait for before the first rebalance
        config.put("group.initial.rebalance.delay.ms", "0");
        return config;
    }

    private static void formatOnce(Path logDirectory) {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDirectory);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDirectory.toString()))
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not format the Kafka log directory " + logDirectory, e);
        }
    }
}
