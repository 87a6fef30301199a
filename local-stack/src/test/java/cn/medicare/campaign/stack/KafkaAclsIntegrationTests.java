package cn.medicare.campaign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.infra.Infrastructure;
import cn.medicare.campaign.infra.LocalInfrastructure;
import cn.medicare.campaign.infra.kafka.KafkaLogins;
import cn.medicare.campaign.infra.kafka.KafkaTls;
import cn.medicare.campaign.infra.kafka.KafkaUsers;
import cn.medicare.campaign.infra.kafka.LocalKafkaBroker;
import cn.medicare.campaign.infra.postgres.PostgresServer;
import cn.medicare.campaign.infra.relay.Relay;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.TestInfrastructure;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathBuilderException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite on a broker that asks every client for TLS and a login and allows it what {@code deploy/k8s/kafka-users.yaml}
 * says, nothing else, as production's does (Strimzi, {@code deploy/k8s/kafka.yaml}): the services on their own logins, with the
 * client properties of {@code deploy/k8s/services.yaml} (a PEM trust store of the broker's certificate), Kafka
 * Connect with Debezium on its own. A county's season runs through it, a dead letter is written and replayed, and no
 * service can write a payment: the tax adapter's outbox, through Connect, does.
 */
@RealInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaAclsIntegrationTests {

    private static final Path USERS = Path.of("..", "deploy", "k8s", "kafka-users.yaml");

    private Path work;
    private KafkaTls tls;
    private LocalKafkaBroker broker;
    private Suite suite;

    @BeforeAll
    void startTheSuiteOnABrokerThatAsksLogins() throws IOException {
        work = Files.createTempDirectory("kafka-acls");
        int[] ports = LocalInfrastructure.freePorts(3);
        tls = KafkaTls.create(work);
        broker = LocalKafkaBroker.startWithLogins(ports[0], ports[1], ports[2], work.resolve("kafka"), tls);
        KafkaUsers users = KafkaUsers.read(USERS);
        KafkaLogins.create(broker.setUpServers(), users.names(), users.acls());
        Infrastructure withLogins = new Infrastructure() {
            @Override
            public PostgresServer postgres() {
                return TestInfrastructure.get().postgres();
            }

            @Override
            public PostgresServer postgres(String database) {
                return TestInfrastructure.get().postgres(database);
            }

            @Override
            public String kafkaBootstrapServers() {
                return broker.bootstrapServers();
            }

            @Override
            public String kafkaSetUpServers() {
                return broker.setUpServers();
            }

            @Override
            public Map<String, String> kafkaClientProperties(String user) {
                return KafkaLogins.clientProperties(user, tls.certificate());
            }

            @Override
            public String description() {
                return "a broker asking TLS and SCRAM-SHA-512 logins, ACLs of " + USERS;
            }

            @Override
            public void close() {
                broker.close();
            }
        };
        System.out.println("[kafka acls] " + users.names().size() + " users, " + users.acls().size() + " ACLs from " + USERS);
        Suite.dropDatabases(withLogins);
        suite = Suite.start(withLogins, false, Relay.Kind.CONNECT, work.resolve("relay"), System.out);
    }

    @AfterAll
    void stop() throws IOException {
        try {
            if (suite != null) {
                suite.close();
            }
            if (broker != null) {
                broker.close();
            }
        } finally {
            // the broker's logs and its key
            FileSystemUtils.deleteRecursively(work);
        }
    }

    @Test
    @Order(1)
    void aCountysResidentsAreEnrolledAssessedPaidAndCountedOnTheirLogins() {
        Scenario scenario = new Scenario(suite, 2018, 1);
        scenario.runInOrder();

        assertThat(scenario.accepted).isEqualTo(21);
        scenario.assertParticipation();
    }

    /**
     * A record no consumer can read goes to each consumer's dead-letter topic, and the bureau replays it to the consumer: still
     * unreadable, it is dead-lettered again on the consumer's own login, and the topic it came from is not written.
     */
    @Test
    @Order(2)
    void aDeadLetterIsWrittenAndReplayedOnTheServicesLogins() throws Exception {
        try (KafkaProducer<String, String> setUp = producer(Map.of())) {
            setUp.send(new ProducerRecord<>(Topics.PAYMENTS, "someone", "not an event")).get(30, TimeUnit.SECONDS);
        }
        String deadLetters = Topics.deadLetter(Topics.PAYMENTS, SuiteService.REPORTING.serviceName());
        await().atMost(Duration.ofSeconds(60)).until(() -> records(deadLetters) >= 1);
        long payments = records(Topics.PAYMENTS);

        HttpResponse<String> replay = ApiClient.at(suite.url(SuiteService.REPORTING)).as("bureau")
                .post("/api/v1/operations/dead-letters/replay?topic=" + Topics.PAYMENTS, "");

        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        JsonNode replayed = JsonMapper.shared().readTree(replay.body());
        assertThat(replayed.get("replayed").asInt()).isOne();
        assertThat(replayed.get("deadLetteredAgain").asInt()).isOne();
        assertThat(records(deadLetters)).isEqualTo(2);
        assertThat(records(Topics.PAYMENTS)).isEqualTo(payments);
    }

    /**
     * Kafka Connect alone writes the services' events: no service's login can forge a payment (the replay writes no event
     * topic), nor can a client without a login, nor one that does not check the broker's certificate against the cluster's
     * (both fail at the handshake) write anything.
     */
    @Test
    @Order(3)
    void noServicesLoginWritesAPaymentNorDoesAnyoneWithoutALogin() throws Exception {
        for (SuiteService service : SuiteService.values()) {
            try (KafkaProducer<String, String> forger = producer(KafkaLogins.clientProperties(service.serviceName(), tls.certificate()))) {
                assertThatThrownBy(() -> forger.send(new ProducerRecord<>(Topics.PAYMENTS, "someone", "{}")).get(30, TimeUnit.SECONDS))
                        .as(service.serviceName()).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(AuthorizationException.class);
            }
        }
        long payments = records(Topics.PAYMENTS);
        // TLS to the trusted certificate, and no login
        try (KafkaProducer<String, String> anonymous = producer(Map.of("security.protocol", "SSL", "ssl.truststore.type", "PEM",
                "ssl.truststore.location", tls.certificate().toString()), broker.bootstrapServers())) {
            assertThatThrownBy(() -> anonymous.send(new ProducerRecord<>(Topics.PAYMENTS, "someone", "{}")).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(Exception.class);
        }
        // Connect's login, which may write payments, with the JDK's own trust store in place of the cluster's certificate
        Map<String, String> untrusting = new HashMap<>(KafkaLogins.clientProperties(Relay.KAFKA_USER, tls.certificate()));
        untrusting.remove("ssl.truststore.type");
        untrusting.remove("ssl.truststore.location");
        try (KafkaProducer<String, String> unchecked = producer(untrusting)) {
            assertThatThrownBy(() -> unchecked.send(new ProducerRecord<>(Topics.PAYMENTS, "someone", "{}")).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SslAuthenticationException.class)
                    .hasRootCauseInstanceOf(CertPathBuilderException.class);
        }
        assertThat(records(Topics.PAYMENTS)).isEqualTo(payments);
    }

    private long records(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.setUpServers()))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                ends.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            return admin.listOffsets(ends).all().get().values().stream().mapToLong(end -> end.offset()).sum();
        }
    }

    /** A producer on the set-up listener without a login, or on the suite's as {@code login} says. */
    private KafkaProducer<String, String> producer(Map<String, String> login) {
        return producer(login, login.isEmpty() ? broker.setUpServers() : broker.bootstrapServers());
    }

    private static KafkaProducer<String, String> producer(Map<String, String> login, String servers) {
        Map<String, Object> config = new HashMap<>(login);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
