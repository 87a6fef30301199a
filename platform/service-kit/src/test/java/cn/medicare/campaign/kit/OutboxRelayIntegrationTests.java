package cn.medicare.campaign.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.EventHeaders;
import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.events.WireTimes;
import cn.medicare.campaign.infra.Infrastructure;
import cn.medicare.campaign.infra.LocalInfrastructure;
import cn.medicare.campaign.infra.postgres.PostgresServer;
import cn.medicare.campaign.infra.relay.ConnectorConfiguration;
import cn.medicare.campaign.infra.relay.Relay;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.TestInfrastructure;
import cn.medicare.campaign.kit.outbox.OutboxMessage;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outbox rows written in transactions reach Kafka through the real Debezium connector, running
 * the enrollment-service connector file, on both paths: Debezium's embedded engine and a Kafka
 * Connect worker in distributed mode; a relay stopped mid-stream and started again loses none of them.
 */
class OutboxRelayIntegrationTests extends KitIntegrationTestBase {

    private static final int ROWS = Integer.getInteger("relay.rows", 10_000);
    private static final int ROWS_PER_TRANSACTION = 50;
    private static final String SLOT = "kit_test_relay";

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path relayState;

    private Relay relay;

    @AfterEach
    void stopRelay() {
        if (relay != null) {
            relay.close();
        }
        TestInfrastructure.get().postgres().dropReplicationSlot(SLOT);
    }

    @ParameterizedTest
    @EnumSource(Relay.Kind.class)
    void tenThousandRowsArriveAsWrittenAcrossARelayRestart(Relay.Kind kind) throws IOException {
        String topic = "relay-check." + UUID.randomUUID();
        relay = startRelay(kind);
        Map<UUID, OutboxMessage> written = new ConcurrentHashMap<>();
        Map<String, ConsumerRecord<String, String>> received = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicBoolean reading = new AtomicBoolean(true);

        Instant start = Instant.now();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (KafkaConsumer<String, String> consumer = EventTraffic.consumer(topic)) {
                while (reading.get()) {
                    for (ConsumerRecord<String, String> record : EventTraffic.poll(consumer)) {
                        if (received.putIfAbsent(EventTraffic.header(record, EventHeaders.ID), record) != null) {
                            duplicates.incrementAndGet();
                        }
                    }
                }
            }
        });
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int first = 0; first < ROWS; first += ROWS_PER_TRANSACTION) {
                List<OutboxMessage> messages = new ArrayList<>();
                for (int n = first; n < first + ROWS_PER_TRANSACTION; n++) {
                    messages.add(message(topic, n));
                }
                transaction.executeWithoutResult(status -> outbox.appendAll(messages));
                messages.forEach(message -> written.put(message.id(), message));
            }
        });

        await().atMost(Duration.ofMinutes(2)).until(() -> received.size() >= ROWS / 4);
        relay.close();
        int beforeRestart = received.size();
        relay = startRelay(kind);

        writer.join();
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> assertThat(received).as("records in Kafka").hasSizeGreaterThanOrEqualTo(ROWS));
        Duration elapsed = Duration.between(start, Instant.now());
        reading.set(false);
        reader.join();

        assertThat(written).hasSize(ROWS);
        assertThat(received).hasSize(ROWS);
        written.values().forEach(message -> assertArrivedAsWritten(message, received.get(message.id().toString())));
        assertTheRelayPassesOverRetentionDeletes(topic, received);
        System.out.printf("[relay] %d rows through %s, stopped after %d and restarted: 0 missing, %d duplicates, %.0f rows/s end to end%n",
                ROWS, relay.description(), beforeRestart, duplicates.get(), ROWS / (elapsed.toMillis() / 1000.0));
    }

    /** A service may write before its connector first runs (a new deployment): the connector's initial snapshot sends those rows. */
    @ParameterizedTest
    @EnumSource(Relay.Kind.class)
    void rowsWrittenBeforeTheConnectorFirstRanArePublished(Relay.Kind kind) {
        String topic = "relay-before-slot." + UUID.randomUUID();
        List<OutboxMessage> early = List.of(message(topic, 1), message(topic, 2), message(topic, 3));
        transaction.executeWithoutResult(status -> outbox.appendAll(early));

        relay = startRelay(kind);
        OutboxMessage late = message(topic, 4);
        transaction.executeWithoutResult(status -> outbox.appendAll(List.of(late)));

        Map<String, ConsumerRecord<String, String>> received = receive(topic, 4);
        early.forEach(message -> assertArrivedAsWritten(message, received.get(message.id().toString())));
        assertArrivedAsWritten(late, received.get(late.id().toString()));
    }

    /**
     * A service's database on a server of its own (the local stack's shape) is read there, not on the
     * server the connector files' environment names: here that one answers nowhere.
     */
    @ParameterizedTest
    @EnumSource(Relay.Kind.class)
    void aDatabaseOnAServerOfItsOwnIsReadOnThatServer(Relay.Kind kind) {
        String topic = "relay-own-server." + UUID.randomUUID();
        Infrastructure real = TestInfrastructure.get();
        PostgresServer nowhere = new PostgresServer("localhost", LocalInfrastructure.freePort(), real.postgres().user(), real.postgres().password());
        Infrastructure serverPerDatabase = new Infrastructure() {
            @Override
            public PostgresServer postgres() {
                return nowhere;
            }

            @Override
            public PostgresServer postgres(String database) {
                return DATABASE.equals(database) ? real.postgres() : nowhere;
            }

            @Override
            public String kafkaBootstrapServers() {
                return real.kafkaBootstrapServers();
            }

            @Override
            public String description() {
                return "the test's PostgreSQL for " + DATABASE + " only";
            }

            @Override
            public void close() {
                // the test's infrastructure outlives this view of it
            }
        };

        relay = Relay.start(kind, List.of(connector()), serverPerDatabase, relayState, 0);
        OutboxMessage message = message(topic, 1);
        transaction.executeWithoutResult(status -> outbox.appendAll(List.of(message)));

        assertArrivedAsWritten(message, receive(topic, 1).get(message.id().toString()));
        assertThat(relay.failures()).isEmpty();
    }

    /** The topic's records by event id, once there are as many as expected. */
    private static Map<String, ConsumerRecord<String, String>> receive(String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = EventTraffic.consumer(topic)) {
            Map<String, ConsumerRecord<String, String>> received = new ConcurrentHashMap<>();
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                EventTraffic.poll(consumer).forEach(record -> received.put(EventTraffic.header(record, EventHeaders.ID), record));
                assertThat(received).hasSize(expected);
            });
            return received;
        }
    }

    /** Retention deletes captured rows; the relay must forward nothing for them and go on. */
    private void assertTheRelayPassesOverRetentionDeletes(String topic, Map<String, ConsumerRecord<String, String>> received) {
        jdbc.update("delete from outbox where aggregatetype = ?", topic);
        OutboxMessage after = message(topic, ROWS);
        transaction.executeWithoutResult(status -> outbox.appendAll(List.of(after)));
        Set<String> expected = new HashSet<>(received.keySet());
        expected.add(after.id().toString());
        try (KafkaConsumer<String, String> consumer = EventTraffic.consumer(topic)) {
            Set<String> arrived = new HashSet<>();
            // the topic has several partitions: the last row's record may come before others of the topic. Sets, not
            // AssertJ's list comparisons: those compared 10,000 ids with 10,000 at every poll and outlasted the wait.
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                EventTraffic.poll(consumer).forEach(record -> arrived.add(EventTraffic.header(record, EventHeaders.ID)));
                List<String> missing = expected.stream().filter(id -> !arrived.contains(id)).toList();
                assertThat(missing.size()).as("records not yet read, e.g. %s", missing.stream().limit(3).toList()).isZero();
            });
            assertThat(arrived.stream().filter(id -> !expected.contains(id)).toList()).as("nothing forwarded for the deleted rows").isEmpty();
        }
        assertThat(relay.failures()).isEmpty();
    }

    private Relay startRelay(Relay.Kind kind) {
        return Relay.start(kind, List.of(connector()), TestInfrastructure.get(), relayState, 0);
    }

    private static ConnectorConfiguration connector() {
        return ConnectorConfiguration.forService("enrollment-service")
                .with("database.dbname", DATABASE)
                .with("slot.name", SLOT)
                .with("publication.name", SLOT)
                .with("topic.prefix", DATABASE);
    }

    private static OutboxMessage message(String topic, int n) {
        PaymentConfirmed payment = PaymentMother.payment(n % 500, n, "180.00");
        return new OutboxMessage(UUID.randomUUID(), topic, payment.key(), payment.type().typeName(), 1,
                EventJson.write(payment), Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    private static void assertArrivedAsWritten(OutboxMessage message, ConsumerRecord<String, String> record) {
        assertThat(record).as("record of outbox row %s", message.id()).isNotNull();
        assertThat(record.topic()).isEqualTo(message.topic());
        assertThat(record.key()).isEqualTo(message.key());
        assertThat(EventTraffic.header(record, EventHeaders.TYPE)).isEqualTo(message.type());
        assertThat(EventTraffic.header(record, EventHeaders.SOURCE)).isEqualTo("kit-test");
        // the column's text as it is, not parsed and printed again by the connector
        assertThat(EventTraffic.header(record, EventHeaders.TIME)).isEqualTo(WireTimes.micros(message.time()));
        assertThat(Instant.parse(EventTraffic.header(record, EventHeaders.TIME))).isEqualTo(message.time());
        assertThat(EventTraffic.header(record, EventHeaders.SCHEMA_VERSION)).isEqualTo("1");
        assertThat(EventJson.mapper().readTree(record.value())).isEqualTo(EventJson.mapper().readTree(message.payload()));
    }
}
