package cn.medicare.campaign.kit.kafka;

import cn.medicare.campaign.contracts.EventHeaders;
import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.kit.inbox.InboxListener;
import cn.medicare.campaign.kit.inbox.InfrastructureFailure;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Gives a consumer's dead letters back to the consumer that gave up on them, once the cause is fixed: each, with its key,
 * payload and original headers, is applied in this service through its inbox ({@link InboxListener#applyReplayed}), so an
 * event the group applied meanwhile changes nothing. The replay writes nothing to the topic the dead letter came from: the
 * other groups applied it long ago, and a service needs no right to write the topics it reads (docs/security.md). One that
 * fails again is dead-lettered again. Each dead letter is replayed once: the replay remembers, as its own consumer group,
 * how far it got. A dead letter whose plain ID numbers were starred ({@link DeadLetters#ID_NUMBERS_REDACTED}) is passed
 * over: its producer, which broke the contract, sends it again.
 */
public class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final String DEAD_LETTER_HEADER_PREFIX = "kafka_dlt-";

    private final ConsumerFactory<?, ?> consumers;
    private final ObjectProvider<InboxListener> listeners;
    private final ConsumerRecordRecoverer deadLetters;
    private final String group;

    public DeadLetterReplay(ConsumerFactory<?, ?> consumers, ObjectProvider<InboxListener> listeners, ConsumerRecordRecoverer deadLetters,
            String group) {
        this.consumers = consumers;
        this.listeners = listeners;
        this.deadLetters = deadLetters;
        this.group = group;
    }

    /**
     * What a replay did: {@code replayed} dead letters were given to the consumer again, {@code deadLetteredAgain} of them
     * failed again and wait on the dead-letter topic; {@code passedOver} had their plain ID numbers starred, and wait for
     * their producer to send them again. {@code finished} is false where the consumer's batches held its turn too long
     * ({@link cn.medicare.campaign.kit.inbox.Inbox#applyReplayed}): the rest waits for the next replay.
     */
    public record Outcome(int replayed, int deadLetteredAgain, int passedOver, boolean finished) {
    }

    /** Whether a consumer of this service reads the topic, and so may have dead letters of it. */
    public boolean consumes(String topic) {
        return listeners.orderedStream().anyMatch(listener -> listener.consumes(topic));
    }

    public Outcome replay(String topic) {
        InboxListener listener = listeners.orderedStream().filter(candidate -> candidate.consumes(topic)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no consumer of this service reads " + topic));
        String deadLetterTopic = Topics.deadLetter(topic, group);
        try (Consumer<?, ?> consumer = consumers.createConsumer(groupOf(group), "replay", null, replayProperties())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                return new Outcome(0, 0, 0, true);
            }
            consumer.assign(partitions);
            // a dead letter written during the replay (one failing again) waits for the next
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            List<String> passedOver = new ArrayList<>();
            int replayed = 0;
            int again = 0;
            try {
                while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                    for (ConsumerRecord<?, ?> record : consumer.poll(Duration.ofMillis(500))) {
                        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                        if (record.offset() >= ends.get(partition)) {
                            continue;
                        }
                        if (record.headers().lastHeader(DeadLetters.ID_NUMBERS_REDACTED) != null) {
                            // its ID numbers are stars now: applied, it would count the stars or fail again
                            Header id = record.headers().lastHeader(EventHeaders.ID);
                            passedOver.add(id == null ? record.partition() + "@" + record.offset() : new String(id.value(), StandardCharsets.UTF_8));
                        } else {
                            ConsumerRecord<String, String> original = original(topic, record);
                            try {
                                if (!listener.applyReplayed(original)) {
                                    log.info("Replayed {} dead letters of {} and left the rest for the next replay: the consumers held their "
                                            + "turn", replayed, deadLetterTopic);
                                    return new Outcome(replayed, again, passedOver.size(), false);
                                }
                            } catch (RuntimeException failed) {
                                if (InfrastructureFailure.in(failed)) {
                                    throw failed;
                                }
                                deadLetters.accept(original, failed);
                                again++;
                            }
                            replayed++;
                        }
                        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    }
                }
            } finally {
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
            }
            if (!passedOver.isEmpty()) {
                log.warn("Did not replay {} dead letters of {} whose plain ID numbers were starred, for their producer to send again: {}",
                        passedOver.size(), deadLetterTopic, passedOver);
            }
            log.info("Replayed {} dead letters of {} ({} dead-lettered again)", replayed, deadLetterTopic, again);
            return new Outcome(replayed, again, passedOver.size(), true);
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

    /** The record as the consumer first read it: its topic, partition and offset, without what the dead-lettering added. */
    private static ConsumerRecord<String, String> original(String topic, ConsumerRecord<?, ?> deadLetter) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        int partition = Optional.ofNullable(deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION))
                .map(header -> ByteBuffer.wrap(header.value()).getInt()).orElse(deadLetter.partition());
        long offset = Optional.ofNullable(deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET))
                .map(header -> ByteBuffer.wrap(header.value()).getLong()).orElse(deadLetter.offset());
        return new ConsumerRecord<>(topic, partition, offset, deadLetter.timestamp(), deadLetter.timestampType(), ConsumerRecord.NULL_SIZE,
                ConsumerRecord.NULL_SIZE, (String) deadLetter.key(), (String) deadLetter.value(), headers, Optional.empty());
    }
}
