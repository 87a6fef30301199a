package cn.medicare.campaign.kit.kafka;

import cn.medicare.campaign.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

/**
 * Sends a consumer's dead letters back to the topic they came from, once the cause is fixed: with
 * their key, payload and original headers, so that every consumer's inbox recognises the event
 * ids it has already applied and only the groups that missed them apply them now. Each dead letter
 * is replayed once: the replay remembers, as its own consumer group, how far it got.
 */
public class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final String DEAD_LETTER_HEADER_PREFIX = "kafka_dlt-";

    private final ConsumerFactory<?, ?> consumers;
    private final KafkaOperations<Object, Object> producer;
    private final String group;

    public DeadLetterReplay(ConsumerFactory<?, ?> consumers, KafkaOperations<Object, Object> producer, String group) {
        this.consumers = consumers;
        this.producer = producer;
        this.group = group;
    }

    /** @return how many dead letters went back to {@code topic} */
    public int replay(String topic) {
        String deadLetters = Topics.deadLetter(topic, group);
        try (Consumer<?, ?> consumer = consumers.createConsumer(groupOf(group), "replay", null, replayProperties())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetters).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                return 0;
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<CompletableFuture<SendResult<Object, Object>>> sent = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<?, ?> record : consumer.poll(Duration.ofMillis(500))) {
                    sent.add(producer.send(backToOrigin(topic, record)));
                }
            }
            awaitAll(sent);
            consumer.commitSync();
            log.info("Replayed {} dead letters of {} to {}", sent.size(), deadLetters, topic);
            return sent.size();
        }
    }

    /** The consumer group that remembers how far the replay of {@code group}'s dead letters got. */
    static String groupOf(String group) {
        return group + "-replay";
    }

    private static Properties replayProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return properties;
    }

    private static ProducerRecord<Object, Object> backToOrigin(String topic, ConsumerRecord<?, ?> record) {
        ProducerRecord<Object, Object> replayed = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADER_PREFIX)) {
                replayed.headers().add(header);
            }
        }
        return replayed;
    }

    private static void awaitAll(List<CompletableFuture<SendResult<Object, Object>>> sent) {
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // nothing is committed: the next replay sends them all again, and the inboxes drop the repeats
            throw new IllegalStateException("dead letters could not all be sent back", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying dead letters", e);
        }
    }
}
