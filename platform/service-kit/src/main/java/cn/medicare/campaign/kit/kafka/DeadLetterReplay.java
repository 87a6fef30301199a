package cn.medicare.campaign.kit.kafka;

import cn.medicare.campaign.contracts.EventHeaders;
import cn.medicare.campaign.contracts.TopicDeclarations;
import cn.medicare.campaign.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
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
 * is replayed once: the replay remembers, as its own consumer group, how far it got. On a compacted topic a key's last
 * record is all a new reader finds, so the newest record of each key replayed follows the replayed ones again. A dead
 * letter whose plain ID numbers were starred ({@link DeadLetters#ID_NUMBERS_REDACTED}) is passed over: its producer, which
 * broke the contract, sends it again.
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

    /**
     * What a replay did: {@code replayed} dead letters went back to the topic; {@code passedOver} had their plain ID numbers
     * starred, and wait for their producer to send them again.
     */
    public record Outcome(int replayed, int passedOver) {
    }

    public Outcome replay(String topic) {
        String deadLetters = Topics.deadLetter(topic, group);
        try (Consumer<?, ?> consumer = consumers.createConsumer(groupOf(group), "replay", null, replayProperties())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetters).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                return new Outcome(0, 0);
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<CompletableFuture<SendResult<Object, Object>>> sent = new ArrayList<>();
            Set<Object> keys = new HashSet<>();
            List<String> passedOver = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<?, ?> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.headers().lastHeader(DeadLetters.ID_NUMBERS_REDACTED) != null) {
                        // its ID numbers are stars now: sent back, it would be applied so or fail again
                        Header id = record.headers().lastHeader(EventHeaders.ID);
                        passedOver.add(id == null ? record.partition() + "@" + record.offset() : new String(id.value(), StandardCharsets.UTF_8));
                        continue;
                    }
                    sent.add(producer.send(backToOrigin(topic, record)));
                    keys.add(record.key());
                }
            }
            if (!passedOver.isEmpty()) {
                log.warn("Did not replay {} dead letters of {} whose plain ID numbers were starred, for their producer to send again: {}",
                        passedOver.size(), deadLetters, passedOver);
            }
            awaitAll(sent);
            if (compacted(topic) && !keys.isEmpty()) {
                // compaction keeps a key's last record: a campaign's old version replayed would become the one a new reader finds
                awaitAll(latestAgain(topic, keys, sent));
            }
            consumer.commitSync();
            log.info("Replayed {} dead letters of {} to {}", sent.size(), deadLetters, topic);
            return new Outcome(sent.size(), passedOver.size());
        }
    }

    private static boolean compacted(String topic) {
        return TopicDeclarations.all().stream().anyMatch(declared -> declared.name().equals(topic) && declared.retention() == null);
    }

    /**
     * The newest record of each of these keys on the topic before the replayed ones, sent again after them as it was: its
     * id is one every inbox that applied it skips.
     */
    private List<CompletableFuture<SendResult<Object, Object>>> latestAgain(String topic, Set<Object> keys,
            List<CompletableFuture<SendResult<Object, Object>>> replayed) {
        Set<List<Object>> replayedAt = replayed.stream().map(CompletableFuture::join)
                .map(result -> List.<Object>of(result.getRecordMetadata().partition(), result.getRecordMetadata().offset()))
                .collect(Collectors.toSet());
        Map<Object, ConsumerRecord<?, ?>> latest = new HashMap<>();
        try (Consumer<?, ?> reader = consumers.createConsumer(groupOf(group) + "-latest", "replay-latest", null, replayProperties())) {
            List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> reader.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<?, ?> record : reader.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key()) && !replayedAt.contains(List.<Object>of(record.partition(), record.offset()))) {
                        latest.put(record.key(), record);
                    }
                }
            }
        }
        return latest.values().stream().map(record -> producer.send(backToOrigin(topic, record))).toList();
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
