package cn.medicare.campaign.infra.relay;

import cn.medicare.campaign.infra.postgres.PostgresServer;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debezium's embedded engine running one connector configuration of {@code deploy/connect/}
 * and forwarding what the Outbox Event Router makes of each outbox row to Kafka: what Kafka
 * Connect does in production, inside this JVM.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private final KafkaProducer<byte[], byte[]> producer;
    private final OutboxForwarder forwarder;
    private final ExecutorService thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch streaming = new CountDownLatch(1);

    private OutboxRelay(ConnectorConfiguration connector, String bootstrapServers, Map<String, String> login, Path stateDirectory) {
        this.name = connector.name();
        this.producer = new KafkaProducer<>(producerConfig(connector, bootstrapServers, login));
        this.forwarder = new OutboxForwarder(producer, Converters.of(connector));
        this.engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(engineConfig(connector, stateDirectory))
                .using((success, message, error) -> {
                    if (!success) {
                        failure.set(error != null ? error : new IllegalStateException(message));
                        log.error("Relay {} stopped: {}", name, message, error);
                    }
                    streaming.countDown();
                })
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        streaming.countDown();
                    }
                })
                .notifying(forwarder)
                .build();
        this.thread = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "relay-" + name));
    }

    /**
     * Starts capturing after the service's Flyway migrations have created the outbox table, and
     * returns once the replication slot exists: a row committed after that is never missed.
     *
     * @param connector the service's connector configuration
     * @param postgres the server the service's database is on (replaces the file's coordinates)
     * @param login what the producer adds to log in to Kafka ({@link cn.medicare.campaign.infra.Infrastructure#kafkaClientProperties})
     * @param stateDirectory where the engine keeps its offsets, so that a restart resumes where it stopped
     */
    public static OutboxRelay start(ConnectorConfiguration connector, PostgresServer postgres,
            String bootstrapServers, Map<String, String> login, Path stateDirectory) {
        ConnectorConfiguration local = connector
                .with("database.hostname", postgres.host())
                .with("database.port", String.valueOf(postgres.port()))
                .with("database.user", postgres.user())
                .with("database.password", postgres.password());
        OutboxRelay relay = new OutboxRelay(local, bootstrapServers, login, stateDirectory);
        relay.thread.execute(relay.engine);
        relay.awaitStreaming();
        log.info("Relay {} capturing {} into Kafka at {}", relay.name, local.get("database.dbname"), bootstrapServers);
        return relay;
    }

    private void awaitStreaming() {
        try {
            if (!streaming.await(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                close();
                throw new IllegalStateException("relay " + name + " did not start within " + STARTUP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while relay " + name + " was starting", e);
        }
        if (failure.get() != null) {
            close();
            throw new IllegalStateException("relay " + name + " could not start", failure.get());
        }
    }

    public String name() {
        return name;
    }

    /** Records handed to Kafka and acknowledged since this relay started. */
    public long forwarded() {
        return forwarder.forwarded();
    }

    /** The reason the engine stopped on its own, if it did. */
    public Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() {
        try {
            engine.close();
            thread.shutdown();
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("Relay {} did not stop within 30 s", name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            producer.close(Duration.ofSeconds(10));
        }
    }

    private static Properties engineConfig(ConnectorConfiguration connector, Path stateDirectory) {
        try {
            Files.createDirectories(stateDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties config = new Properties();
        connector.config().forEach(config::setProperty);
        config.setProperty("name", connector.name());
        config.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        config.setProperty("offset.storage.file.filename", stateDirectory.resolve(connector.name() + ".offsets").toString());
        // flushing offsets after every batch is what keeps a hard stop from replaying rows (PLATFORM-NOTES.md)
        config.setProperty("offset.flush.interval.ms", "0");
        return config;
    }

    private static Properties producerConfig(ConnectorConfiguration connector, String bootstrapServers, Map<String, String> login) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.putAll(login);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "relay-" + connector.name());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        String overridePrefix = "producer.override.";
        connector.config().forEach((key, value) -> {
            if (key.startsWith(overridePrefix)) {
                config.put(key.substring(overridePrefix.length()), value);
            }
        });
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }
}
