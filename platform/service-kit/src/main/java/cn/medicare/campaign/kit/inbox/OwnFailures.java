package cn.medicare.campaign.kit.inbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * How many times each partition's failing record has failed for its own reason, counted by the inbox itself: Spring Kafka's
 * error handler keeps its count per listener thread and starts it again whenever a batch succeeds between two tries (the
 * thread's other partitions, in a backlog), and a record whose first failure was the database's keeps that failure's
 * endless retries (docs/delivery.md, "Failures of the infrastructure are not the record's fault"). One entry per partition:
 * a failure at another offset starts that partition's count again.
 */
final class OwnFailures {

    private record Failing(long offset, int failures) {
    }

    private final int deliveries;
    private final Map<TopicPartition, Failing> byPartition = new ConcurrentHashMap<>();

    /** @param deliveries how many times a record may fail for its own reason before it is dead-lettered */
    OwnFailures(int deliveries) {
        this.deliveries = deliveries;
    }

    /** Counts this failure of the record; whether it was the last the record is allowed (then its count is forgotten). */
    boolean last(ConsumerRecord<?, ?> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Failing failing = byPartition.merge(partition, new Failing(record.offset(), 1), (before, now) ->
                before.offset() == now.offset() ? new Failing(now.offset(), before.failures() + 1) : now);
        if (failing.failures() < deliveries) {
            return false;
        }
        byPartition.remove(partition, failing);
        return true;
    }
}
