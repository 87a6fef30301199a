package cn.medicare.campaign.stack.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * What the suite's consumers have left to read, asked of Kafka alone: a look costs the suite next
 * to nothing, where a look at the figures reads the whole county in the database the consumers write.
 */
final class ConsumerProgress implements AutoCloseable {

    private static final Duration LOOK = Duration.ofMillis(100);

    private final Admin kafka;

    ConsumerProgress(String bootstrapServers) {
        this.kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * Waits until every consumer group with members has committed each partition it is assigned up to
     * its end, and no record came for {@code quiet}: a consumer's batch may publish events of its own
     * (an enrolment's assessment, a payment's settlement), which the relay sends within that time.
     *
     * @return false when {@code deadline} (of {@link System#nanoTime()}) passed first
     */
    boolean awaitQuiet(Duration quiet, long deadline) {
        Map<TopicPartition, Long> ends = Map.of();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Map<String, List<TopicPartition>> assigned = assignments();
            Map<TopicPartition, Long> now = ends(assigned);
            if (!now.equals(ends)) {
                ends = now;
                quietSince = System.nanoTime();
            } else if (caughtUp(assigned, now) && System.nanoTime() - quietSince >= quiet.toNanos()) {
                return true;
            }
            LockSupport.parkNanos(LOOK.toNanos());
        }
        return false;
    }

    private Map<String, List<TopicPartition>> assignments() {
        List<String> groups = answer(kafka.listGroups(ListGroupsOptions.forConsumerGroups()).all()).stream()
                .map(GroupListing::groupId).toList();
        Map<String, List<TopicPartition>> assigned = new HashMap<>();
        answer(kafka.describeConsumerGroups(groups).all()).forEach((group, description) -> assigned.put(group, partitions(description)));
        return assigned;
    }

    private static List<TopicPartition> partitions(ConsumerGroupDescription group) {
        return group.members().stream().flatMap(member -> member.assignment().topicPartitions().stream()).toList();
    }

    private Map<TopicPartition, Long> ends(Map<String, List<TopicPartition>> assigned) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        assigned.values().forEach(partitions -> partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        answer(kafka.listOffsets(latest).all()).forEach((partition, end) -> ends.put(partition, end.offset()));
        return ends;
    }

    private boolean caughtUp(Map<String, List<TopicPartition>> assigned, Map<TopicPartition, Long> ends) {
        for (Map.Entry<String, List<TopicPartition>> group : assigned.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = answer(kafka.listConsumerGroupOffsets(group.getKey()).partitionsToOffsetAndMetadata());
            for (TopicPartition partition : group.getValue()) {
                OffsetAndMetadata offset = committed.get(partition);
                if ((offset == null ? 0 : offset.offset()) < ends.get(partition)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Kafka's answer, or the failure to get it as an unchecked exception. */
    static <T> T answer(KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        kafka.close();
    }
}
