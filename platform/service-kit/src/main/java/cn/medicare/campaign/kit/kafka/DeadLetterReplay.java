package cn.medicare.campaign.kit.kafka;

import cn.medicare.campaign.contracts.EventHeaders;
import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.kit.inbox.InboxListener;
import cn.medicare.campaign.kit.inbox.InfrastructureFailure;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
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
 * how far it got, and one replay of a group runs at a time, whichever replica is asked ({@link ReplayRunning}). A dead
 * letter whose plain ID numbers were starred ({@link DeadLetters#ID_NUMBERS_REDACTED}) is passed over: its producer, which
 * broke the contract, sends it again.
 */
public class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final String DEAD_LETTER_HEADER_PREFIX = "kafka_dlt-";
    /**
     * The advisory lock class of a group's replay ('RPLY'), held by the replaying session: two replays side by side would
     * read the same dead letters, dead-letter a failing one twice and could move the replay group's offsets back.
     */
    private static final int REPLAYING = 0x5250_4C59;

    private final ConsumerFactory<?, ?> consumers;
    private final ObjectProvider<InboxListener> listeners;
    private final ConsumerRecordRecoverer deadLetters;
    private final DataSource database;
    private final String group;

    public DeadLetterReplay(ConsumerFactory<?, ?> consumers, ObjectProvider<InboxListener> listeners, ConsumerRecordRecoverer deadLetters,
            DataSource database, String group) {
        this.consumers = consumers;
        this.listeners = listeners;
        this.deadLetters = deadLetters;
        this.database = database;
        this.group = group;
    }

    /** Another replay of the group's dead letters is running, in this replica or another. */
    public static final class ReplayRunning extends RuntimeException {

        ReplayRunning(String group) {
            super("a replay of " + group + "'s dead letters is running");
        }
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

    /** @throws ReplayRunning while another replay of the group's dead letters runs */
    public Outcome replay(String topic) {
        InboxListener listener = listeners.orderedStream().filter(candidate -> candidate.consumes(topic)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no consumer of this service reads " + topic));
        // a transaction of its own holds the lock, which its end gives back, however the replay ends: a session's lock would
        // stay with the pooled connection should the unlock fail
        try (Connection holder = database.getConnection()) {
            holder.setAutoCommit(false);
            try {
                if (!replayLock(holder)) {
                    throw new ReplayRunning(group);
                }
                return replay(topic, listener);
            } finally {
                holder.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the replay's lock could not be taken or given back", e);
        }
    }

    private boolean replayLock(Connection holder) throws SQLException {
        try (PreparedStatement lock = holder.prepareStatement("select pg_try_advisory_xact_lock(" + REPLAYING + ", hashtext(?))")) {
            lock.setString(1, group);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private Outcome replay(String topic, InboxListener listener) {
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
            RuntimeException failure = null;
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
                                deadLetterAgain(original, failed);
                                again++;
                            }
                            replayed++;
                        }
                        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            } finally {
                commit(consumer, done, failure);
                if (!passedOver.isEmpty()) {
                    log.warn("Did not replay {} dead letters of {} whose plain ID numbers were starred, for their producer to send again: {}",
                            passedOver.size(), deadLetterTopic, passedOver);
                }
            }
            log.info("Replayed {} dead letters of {} ({} dead-lettered again)", replayed, deadLetterTopic, again);
            return new Outcome(replayed, again, passedOver.size(), true);
        }
    }

    private void deadLetterAgain(ConsumerRecord<String, String> original, RuntimeException failed) {
        try {
            deadLetters.accept(original, failed);
        } catch (RuntimeException notWritten) {
            notWritten.addSuppressed(failed);
            throw notWritten;
        }
    }

    /** What the replay got through, so the next one starts after it; a commit that fails too does not hide why the replay stopped. */
    private static void commit(Consumer<?, ?> consumer, Map<TopicPartition, OffsetAndMetadata> done, RuntimeException failure) {
        if (done.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(done);
        } catch (RuntimeException notCommitted) {
            if (failure == null) {
                throw notCommitted;
            }
            failure.addSuppressed(notCommitted);
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
        // where the dead-lettering did not say (or garbled it), the place is unknown, not the dead-letter topic's
        Header partitionHeader = deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION);
        int partition = partitionHeader != null && partitionHeader.value().length == Integer.BYTES
                ? ByteBuffer.wrap(partitionHeader.value()).getInt() : -1;
        Header offsetHeader = deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET);
        long offset = offsetHeader != null && offsetHeader.value().length == Long.BYTES ? ByteBuffer.wrap(offsetHeader.value()).getLong() : -1;
        return new ConsumerRecord<>(topic, partition, offset, deadLetter.timestamp(), deadLetter.timestampType(), ConsumerRecord.NULL_SIZE,
                ConsumerRecord.NULL_SIZE, (String) deadLetter.key(), (String) deadLetter.value(), headers, Optional.empty());
    }
}
