package cn.medicare.campaign.stack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.TestInfrastructure;
import cn.medicare.campaign.stack.demo.Resident;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The walking skeleton end to end: the four services, their Debezium relays, Kafka and PostgreSQL,
 * driven only through the public APIs.
 */
@RealInfrastructure
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIntegrationTests {

    private static Suite suite;
    private static Path relayState;
    private static final List<Resident> everyone = new ArrayList<>();

    @BeforeAll
    static void startSuite() throws IOException {
        relayState = Files.createTempDirectory("suite-relays");
        suite = Suite.start(TestInfrastructure.get(), false, relayState, System.out);
    }

    @AfterAll
    static void stopSuite() {
        suite.close();
    }

    @Test
    @Order(1)
    void residentsAreEnrolledAssessedPaidAndCounted() {
        Scenario scenario = new Scenario(suite, 2018, 1);
        everyone.addAll(scenario.residents);
        scenario.runInOrder();

        assertThat(scenario.accepted).as("payments accepted: 20 in full, 1 underpayment").isEqualTo(21);
        assertThat(scenario.duplicates).as("repeated vouchers").isEqualTo(2);
        scenario.assertParticipation();
    }

    @Test
    @Order(2)
    void paymentsBeforeTheListAndBeforeSomeEnrolmentsGiveTheSameFigures() {
        Scenario scenario = new Scenario(suite, 2019, 2);
        everyone.addAll(scenario.residents);
        scenario.defineCampaign();
        List<Resident> firstHalf = scenario.residents.stream().filter(r -> scenario.residents.indexOf(r) % 2 == 0).toList();
        List<Resident> secondHalf = scenario.residents.stream().filter(r -> !firstHalf.contains(r)).toList();
        scenario.enrol(firstHalf);
        scenario.pay();
        scenario.certify();
        scenario.enrol(secondHalf);

        scenario.assertParticipation();
    }

    @Test
    @Order(3)
    void aRefundThatTakesThePaymentBelowThePayableUncountsTheResident() {
        Scenario scenario = new Scenario(suite, 2020, 3);
        everyone.addAll(scenario.residents);
        scenario.runInOrder();
        scenario.assertParticipation();

        scenario.refundPartOfAPayment();

        scenario.assertRefundUncounts();
    }

    @Test
    @Order(4)
    void noPlainIdNumberTravelsOnAnyTopic() {
        Set<String> plain = everyone.stream().map(Resident::idNumber).collect(Collectors.toSet());
        assertThat(plain).hasSize(90);
        List<ConsumerRecord<byte[], byte[]>> records = everything();
        // per scenario at least 2 campaign events, 30 enrolments, 7 adjustments, 30 assessments and 21 payments;
        // up to 7 more assessments, depending on whether the list or the enrolment reached the subsidy service
        // first; the third scenario adds a refund, and refunds due for the two repeated vouchers are not
        // expected (they were duplicates, not payments)
        assertThat(records).as("records on the suite's topics").hasSizeGreaterThanOrEqualTo(3 * 90);
        assertThat(records.stream().map(ConsumerRecord::topic).distinct())
                .contains("insurance.campaign.v1", "insurance.roster.v1", "insurance.eligibility.v1", "insurance.payments.v1");
        for (ConsumerRecord<byte[], byte[]> record : records) {
            StringBuilder text = new StringBuilder();
            text.append(asText(record.key())).append(asText(record.value()));
            for (Header header : record.headers()) {
                text.append(header.key()).append(asText(header.value()));
            }
            plain.forEach(number -> assertThat(text.toString())
                    .as("record %s-%d@%d", record.topic(), record.partition(), record.offset()).doesNotContain(number));
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> everything() {
        String bootstrap = TestInfrastructure.get().kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG, "plain-id-scan-" + UUID.randomUUID()),
                        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Set<String> topics = admin.listTopics().names().get().stream().filter(t -> t.startsWith("insurance.")).collect(Collectors.toSet());
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        } catch (Exception e) {
            throw new IllegalStateException("could not read the suite's topics", e);
        }
    }

    private static String asText(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
