package cn.medicare.campaign.kit.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Whether this service's consumer group has consumed everything a topic holds right now. A request
 * that needs a fact this service has not found (a township, a campaign) asks it to tell "not
 * consumed yet" (answer 503, the caller sends again) from "there is no such fact" (the caller's
 * data is wrong). Offsets are committed after the inbox's transaction, so a group that has caught
 * up has applied (or dead-lettered) every record.
 */
public class ConsumerProgress implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerProgress.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final String group;
    private final LazyAdmin admin;

    public ConsumerProgress(KafkaAdmin kafkaAdmin, String group) {
        this.admin = new LazyAdmin(kafkaAdmin, TIMEOUT);
        this.group = group;
    }

    /**
     * Answers for one request: each topic is asked of the broker once, however many rows need it, whether every record
     * it received before the request began is consumed ({@link #caughtUpTo(String, Instant)}): what a row may wait for,
     * while a steady stream after it (a busy roster) does not keep a whole post waiting.
     */
    @FunctionalInterface
    public interface CaughtUp {

        boolean caughtUp(String topic);
    }

    public CaughtUp forOneRequest() {
        Instant began = Instant.now();
        Map<String, Boolean> answered = new HashMap<>();
        return topic -> answered.computeIfAbsent(topic, asked -> caughtUpTo(asked, began));
    }

    /**
     * @return true when the group has consumed every record now on {@code topic}; false also when the
     *         broker cannot tell within a few seconds (the caller may hold a lock meanwhile)
     */
    public boolean caughtUp(String topic) {
        return consumedBefore(topic, null, null);
    }

    /**
     * @param at a moment on the wall clock, as Kafka stamps its records: never a service's business clock, which a
     *     rehearsal or a test sets to another day (a day in 2017 would find every record after it, and answer true)
     * @return true when the group has consumed every record {@code topic} received before {@code at} (by the records'
     *         timestamps): a steady stream after it does not keep the answer false, as {@link #caughtUp} would
     */
    public boolean caughtUpTo(String topic, Instant at) {
        return consumedBefore(topic, null, at);
    }

    /**
     * @param at a moment on the wall clock, as for {@link #caughtUpTo(String, Instant)}
     * @return true when the group has consumed every record the partition of {@code key} received before {@code at}: what
     *         a decision about one person waits for, whatever the other partitions of a busy topic hold in flight
     *         (records are placed by the producers' default partitioner on the key's UTF-8 bytes, as the relays send them)
     */
    public boolean caughtUpTo(String topic, String key, Instant at) {
        return consumedBefore(topic, key, at);
    }

    /**
     * {@link #caughtUpTo(String, String, Instant)} as of this moment on the wall clock, the one Kafka stamps its records
     * by, whatever day the service's business clock says: what a request about one person waits for.
     */
    public boolean caughtUpNow(String topic, String key) {
        return consumedBefore(topic, key, Instant.now());
    }

    /**
     * {@link #caughtUpTo(String, Instant)} for every record that reached {@code topic} {@code inFlight} or more ago on the
     * wall clock: a consumer's batch in flight under a steady stream does not keep the answer false.
     */
    public boolean caughtUpExcept(String topic, Duration inFlight) {
        return consumedBefore(topic, null, Instant.now().minus(inFlight));
    }

    private boolean consumedBefore(String topic, String key, Instant at) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try {
            Admin client = admin.get();
            List<TopicPartitionInfo> all = get(client.describeTopics(Set.of(topic)).allTopicNames(), deadline).get(topic).partitions();
            int ofKey = key == null ? -1 : Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % all.size();
            Set<TopicPartition> partitions = all.stream()
                    .filter(partition -> key == null || partition.partition() == ofKey)
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .collect(Collectors.toSet());
            Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(client, partitions, OffsetSpec.latest(), deadline);
            // the first record at or after the moment; none (-1) means every record came before it
            Map<TopicPartition, ListOffsetsResultInfo> bounds = at == null ? ends
                    : offsets(client, partitions, OffsetSpec.forTimestamp(at.toEpochMilli()), deadline);
            Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(client, partitions, OffsetSpec.earliest(), deadline);
            Map<TopicPartition, OffsetAndMetadata> committed = get(
                    client.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(), deadline);
            return partitions.stream().allMatch(partition -> {
                OffsetAndMetadata done = committed.get(partition);
                long consumed = done == null ? starts.get(partition).offset() : done.offset();
                long bound = bounds.get(partition).offset() < 0 ? ends.get(partition).offset() : bounds.get(partition).offset();
                return consumed >= bound;
            });
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return true;
            }
            log.warn("Cannot tell whether {} has consumed {}: {}", group, topic, e.getCause().toString());
            return false;
        } catch (TimeoutException e) {
            log.warn("Cannot tell whether {} has consumed {}: the broker did not answer within {}", group, topic, TIMEOUT);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Map<TopicPartition, ListOffsetsResultInfo> offsets(Admin client, Set<TopicPartition> partitions, OffsetSpec spec,
            long deadline) throws ExecutionException, TimeoutException, InterruptedException {
        return get(client.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec))).all(),
                deadline);
    }

    private static <T> T get(KafkaFuture<T> future, long deadline) throws ExecutionException, TimeoutException, InterruptedException {
        return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
