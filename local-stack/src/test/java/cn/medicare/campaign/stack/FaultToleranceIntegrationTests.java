package cn.medicare.campaign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.EventHeaders;
import cn.medicare.campaign.contracts.TopicDeclarations;
import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.infra.Infrastructure;
import cn.medicare.campaign.infra.RestartableInfrastructure;
import cn.medicare.campaign.infra.relay.Relay;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.TestInfrastructure;
import cn.medicare.campaign.stack.bench.CountyCampaign;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The suite under the faults production will meet, each injected into a real part mid-stream while
 * 1 % of Liancheng (2,769 residents) enrols, is certified and pays through the public APIs. Each
 * test ends when the figures are final and then asserts that the reporting service's participation
 * by township equals a recount from enrollment's and the tax adapter's own tables and that the tax
 * adapter counted every payment once: 0 lost, 0 counted twice, nothing stuck behind a poison record.
 * Each prints what it injected, what it counted and how long the suite took to recover.
 */
@RealInfrastructure
class FaultToleranceIntegrationTests {

    private static final double SHARE = 0.01;
    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(3);

    private Suite suite;
    private CountyCampaign county;
    /** The embedded relays' offsets, deleted after each test once the suite is closed. */
    @TempDir
    private Path relayState;

    @BeforeEach
    void freshDatabases() {
        Suite.dropDatabases(infrastructure());
    }

    @AfterEach
    void stopAndForget() {
        if (suite != null) {
            suite.close();
        }
        // the next test class starts from empty databases, as it would have without this one
        Suite.dropDatabases(infrastructure());
    }

    @ParameterizedTest
    @EnumSource(Relay.Kind.class)
    void theRelayKilledMidStreamLosesNothing(Relay.Kind kind) {
        enrolAndCertify(kind);
        county.pay(0, half());
        suite.stopRelay();
        county.pay(half(), county.payers().size());
        long restarted = System.nanoTime();
        suite.startRelay(kind, relayState, 0);

        awaitFinalFiguresMatchingTheSources();
        report("relay (" + kind + ") stopped after half the payments, the other half written while it was down", restarted);
    }

    @Test
    void theBrokerRestartedMidStreamLosesNothing() {
        RestartableInfrastructure restartable = restartable();
        enrolAndCertify(Relay.Kind.EMBEDDED);
        county.pay(0, half());
        CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> county.pay(half(), county.payers().size()));
        restartable.restartKafka();
        long restarted = System.nanoTime();
        rest.join();

        awaitFinalFiguresMatchingTheSources();
        report("Kafka broker restarted while the second half of the payments was posted", restarted);
    }

    @Test
    void postgresRestartedUnderLoadLosesNothing() {
        RestartableInfrastructure restartable = restartable();
        enrolAndCertify(Relay.Kind.EMBEDDED);
        county.pay();
        // the consumers are applying the payments, the relay reading the outboxes
        restartable.restartPostgres();
        long restarted = System.nanoTime();

        awaitFinalFiguresMatchingTheSources();
        assertThat(suite.relay().failures()).as("the relay resumes after PostgreSQL comes back").isEmpty();
        report("PostgreSQL restarted (fast shutdown) while every consumer and the relay were working", restarted);
    }

    @Test
    void consumersKilledMidBatchApplyEachEventOnce() {
        enrolAndCertify(Relay.Kind.EMBEDDED);
        CompletableFuture<Void> payments = CompletableFuture.runAsync(() -> county.pay());
        AtomicInteger killed = new AtomicInteger();
        // a consumer's transaction ended by the database before its commit, as a crashed consumer's would be
        await().atMost(RECOVERY_LIMIT).pollInterval(Duration.ofMillis(20))
                .until(() -> killed.addAndGet(terminateWorkingSessions("reporting")) >= 3);
        long stopped = System.nanoTime();
        payments.join();

        awaitFinalFiguresMatchingTheSources();
        report(killed.get() + " sessions of the reporting service terminated while it applied events", stopped);
    }

    @Test
    void aHundredThousandDuplicateDeliveriesChangeNothing() {
        Map<TopicPartition, Long> start = endOffsets(List.of(Topics.PAYMENTS, Topics.ROSTER));
        enrolAndCertify(Relay.Kind.EMBEDDED);
        county.pay();
        awaitFinalFiguresMatchingTheSources();
        List<ProducerRecord<String, String>> delivered = new ArrayList<>();
        readFrom(start, record -> delivered.add(copy(record)));

        List<ProducerRecord<String, String>> duplicates = new ArrayList<>(100_000);
        for (int n = 0; n < 100_000; n++) {
            duplicates.add(delivered.get(n % delivered.size()));
        }
        long sent = System.nanoTime();
        EventTraffic.send(duplicates);
        Map<TopicPartition, Long> end = endOffsets(List.of(Topics.PAYMENTS, Topics.ROSTER));
        awaitConsumed("reporting-service", end);

        awaitFinalFiguresMatchingTheSources();
        report("100,000 redeliveries of " + delivered.size() + " payment and roster records, each consumed by the reporting service", sent);
    }

    /**
     * Every consumer group of the topic dead-letters every poison record, before the test ends: one still retrying would
     * dead-letter it later, under the next test's suite, which shares the broker and the groups.
     */
    @Test
    void aThousandPoisonRecordsGoToTheirDeadLetterTopicAndBlockNothing() {
        enrolAndCertify(Relay.Kind.EMBEDDED);
        List<String> deadLetters = TopicDeclarations.CONSUMERS.entrySet().stream().filter(group -> group.getValue().contains(Topics.PAYMENTS))
                .map(group -> Topics.deadLetter(Topics.PAYMENTS, group.getKey())).sorted().toList();
        assertThat(deadLetters).hasSizeGreaterThanOrEqualTo(2);
        Map<TopicPartition, Long> deadBefore = endOffsets(deadLetters);
        List<ProducerRecord<String, String>> poison = new ArrayList<>();
        for (int n = 0; n < 1_000; n++) {
            // spread over every partition, before and among the good records
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.PAYMENTS, "poison-" + n, n % 2 == 0 ? "{not json" : "[]");
            record.headers().add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.TYPE, "PaymentConfirmed".getBytes(StandardCharsets.UTF_8));
            poison.add(record);
        }
        EventTraffic.send(poison.subList(0, 500));
        county.pay(0, half());
        EventTraffic.send(poison.subList(500, 1_000));
        long sent = System.nanoTime();
        county.pay(half(), county.payers().size());

        awaitFinalFiguresMatchingTheSources();
        for (String topic : deadLetters) {
            await().atMost(RECOVERY_LIMIT).untilAsserted(() -> assertThat(endOffsets(List.of(topic)).entrySet().stream()
                    .mapToLong(e -> e.getValue() - deadBefore.getOrDefault(e.getKey(), 0L)).sum())
                    .as("poison records on " + topic).isEqualTo(1_000));
        }
        report("1,000 poison payment records among " + county.payers().size() + " good ones; each dead-lettered once by each of "
                + deadLetters, sent);
    }

    @Test
    void aRebalanceWhileConsumingLosesNothing() {
        enrolAndCertify(Relay.Kind.EMBEDDED);
        county.pay(0, half());
        long joined;
        try (Suite replica = Suite.replica(infrastructure(), System.out)) {
            joined = System.nanoTime();
            county.pay(half(), county.payers().size());
        }
        awaitFinalFiguresMatchingTheSources();
        report("a second instance of every service joined the consumer groups mid-stream and left again", joined);
    }

    private void enrolAndCertify(Relay.Kind kind) {
        suite = Suite.start(infrastructure(), false, kind, relayState, System.out);
        county = new CountyCampaign(suite::url, SHARE);
        county.defineCampaign();
        county.enrol();
        county.certify();
    }

    private int half() {
        return county.payers().size() / 2;
    }

    private void awaitFinalFiguresMatchingTheSources() {
        county.awaitFigures(RECOVERY_LIMIT);
        SourceRecount.assertFiguresMatchTheSources(infrastructure().postgres(), county::figures);
    }

    private void report(String injected, long since) {
        System.out.printf("[fault] %s: figures final and equal to the recount (%d enrolled of %d registered, 0 lost, 0 counted twice) "
                + "%.1f s after the fault%n", injected, county.expectedEnrolled(), county.residents().size(), (System.nanoTime() - since) / 1e9);
    }

    private static int terminateWorkingSessions(String database) {
        try (Connection connection = infrastructure().postgres().connect("postgres"); Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = '" + database
                    + "' and pid <> pg_backend_pid() and state in ('active', 'idle in transaction')");
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            return 0;
        }
    }

    private static Map<TopicPartition, Long> endOffsets(List<String> topics) {
        try (KafkaConsumer<String, String> consumer = EventTraffic.consumer(topics.get(0))) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition()))));
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }

    private static void readFrom(Map<TopicPartition, Long> start, Consumer<ConsumerRecord<String, String>> each) {
        Map<TopicPartition, Long> end = endOffsets(start.keySet().stream().map(TopicPartition::topic).distinct().toList());
        try (KafkaConsumer<String, String> consumer = EventTraffic.consumer(start.keySet().iterator().next().topic())) {
            consumer.unsubscribe();
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            Map<TopicPartition, Long> position = new HashMap<>(start);
            while (position.entrySet().stream().anyMatch(e -> e.getValue() < end.get(e.getKey()))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(partition)) {
                        each.accept(record);
                    }
                    position.put(partition, record.offset() + 1);
                }
            }
        }
    }

    private static ProducerRecord<String, String> copy(ConsumerRecord<String, String> record) {
        ProducerRecord<String, String> copy = new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value());
        record.headers().forEach(header -> copy.headers().add(header.key(), header.value()));
        return copy;
    }

    private static void awaitConsumed(String group, Map<TopicPartition, Long> end) {
        await().atMost(RECOVERY_LIMIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", infrastructure().kafkaBootstrapServers()))) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                return end.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue());
            }
        });
    }

    private static RestartableInfrastructure restartable() {
        assumeThat(infrastructure()).as("servers this JVM can restart (the embedded ones)").isInstanceOf(RestartableInfrastructure.class);
        return (RestartableInfrastructure) infrastructure();
    }

    private static Infrastructure infrastructure() {
        return TestInfrastructure.get();
    }
}
