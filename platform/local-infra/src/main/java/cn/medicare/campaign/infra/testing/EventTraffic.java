package cn.medicare.campaign.infra.testing;

import cn.medicare.campaign.contracts.EventHeaders;
import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.events.Event;
import cn.medicare.campaign.contracts.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Records on the test broker as a service's relay would write them (with the five headers), and a reader for any topic. */
public final class EventTraffic {

    private EventTraffic() {
    }

    /** Publishes events on their own topics, keyed and with headers, as their owning service would. */
    public static void publish(Event... events) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (Event event : events) {
            records.add(record(event.type().topic(), UUID.randomUUID(), event));
        }
        send(records);
    }

    /**
     * Publishes an event that happened at {@code time} (its {@code time} header), e.g. a dead letter
     * replayed after newer facts about the same person.
     *
     * @return its event id, to wait for in the consumer's inbox
     */
    public static UUID publishAt(Instant time, Event event) {
        UUID id = UUID.randomUUID();
        ProducerRecord<String, String> record = record(event.type().topic(), id, event);
        record.headers().remove(EventHeaders.TIME);
        record.headers().add(EventHeaders.TIME, time.toString().getBytes(StandardCharsets.UTF_8));
        send(List.of(record));
        return id;
    }

    public static ProducerRecord<String, String> record(String topic, UUID id, Event event) {
        return record(topic, id, event.type().typeName(), event.key(), EventJson.write(event));
    }

    public static ProducerRecord<String, String> record(String topic, UUID id, String type, String key, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        if (id != null) {
            record.headers().add(EventHeaders.ID, id.toString().getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add(EventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.SOURCE, owner(topic).getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.TIME, "2017-10-09T02:15:00Z".getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String owner(String topic) {
        return switch (topic) {
            case Topics.CAMPAIGN, Topics.ROSTER -> "enrollment-service";
            case Topics.ELIGIBILITY -> "subsidy-service";
            case Topics.REPORTS -> "reporting-service";
            default -> "tax-collection-adapter";
        };
    }

    public static void send(List<ProducerRecord<String, String>> records) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    public static KafkaConsumer<String, String> consumer(String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    public static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return records;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
