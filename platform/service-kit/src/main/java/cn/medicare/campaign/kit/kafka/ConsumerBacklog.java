package cn.medicare.campaign.kit.kafka;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.kit.EveryReplica;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * What waits for this service's consumer group on the broker, read off the broker every minute by every replica alike:
 * <ul>
 * <li>{@code insurance_consumer_records_waiting{topic,group,partition}}: records of each consumed partition the group has not
 * committed (the partition's end less the group's offset). The consumer's own {@code records-lag-max} is measured as it fetches:
 * a consumer that hangs stops fetching, the metric goes NaN within a minute, and the rules built on it went silent
 * exactly when they were needed;</li>
 * <li>{@code insurance_consumer_committed_offsets{topic,group,partition}}: the group's committed offset of each consumed
 * partition: a consumer that commits is moving, whether or not it applied what it read (enrollment ignores the
 * assessments on the eligibility topic, which a reassessment streams for many minutes);</li>
 * <li>{@code insurance_consumer_dead_letters_waiting{topic,group}}: the dead letters of each consumed topic no replay
 * has reached yet (the dead-letter topic's end less how far {@link DeadLetterReplay}'s group got; one whose ID numbers were
 * starred is passed over, and its producer sends it again). The count of dead
 * letters says when records went there; this says that they still wait, so the alert stays until the operations team
 * has replayed them, however long the fix takes.</li>
 * </ul>
 */
public class ConsumerBacklog implements DisposableBean {

    public static final String DEAD_LETTERS = "insurance.consumer.dead.letters.waiting";
    public static final String RECORDS = "insurance.consumer.records.waiting";
    public static final String COMMITTED = "insurance.consumer.committed.offsets";

    private static final Logger log = LoggerFactory.getLogger(ConsumerBacklog.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;
    private final String group;
    private final MultiGauge deadLettersWaiting;
    private final MultiGauge recordsWaiting;
    private final MultiGauge committedOffsets;
    private final LazyAdmin admin;

    public ConsumerBacklog(KafkaAdmin kafkaAdmin, ObjectProvider<KafkaListenerEndpointRegistry> listeners, MeterRegistry meters,
            String group) {
        this.admin = new LazyAdmin(kafkaAdmin, TIMEOUT);
        this.listeners = listeners;
        this.group = group;
        this.deadLettersWaiting = MultiGauge.builder(DEAD_LETTERS)
                .description("Dead letters of a consumed topic not yet replayed").register(meters);
        this.recordsWaiting = MultiGauge.builder(RECORDS)
                .description("Records of a consumed partition the group has not committed yet, on the broker").register(meters);
        this.committedOffsets = MultiGauge.builder(COMMITTED)
                .description("The group's committed offset of a consumed partition").register(meters);
    }

    /**
     * Every replica exposes the same counts (the broker's, not the replica's): the rules take the largest. Each gauge is
     * asked for on its own: a dead-letter topic the broker does not answer for leaves the records waiting counted.
     */
    @Scheduled(fixedDelayString = "${insurance.observability.consumer-backlog-refresh-ms:60000}")
    @EveryReplica
    public void refresh() {
        Set<String> topics = consumedTopics();
        counted("Records waiting", () -> {
            List<MultiGauge.Row<?>> waiting = new ArrayList<>();
            List<MultiGauge.Row<?>> committed = new ArrayList<>();
            Admin client = admin.get();
            for (String topic : topics) {
                // per partition: another replica committing its partitions hid one that hung on a lock, retried without end
                positions(client, partitions(client, topic), group).forEach((partition, position) -> {
                    Tags tags = Tags.of("topic", topic, "group", group, "partition", String.valueOf(partition.partition()));
                    waiting.add(MultiGauge.Row.of(tags, position.behind()));
                    committed.add(MultiGauge.Row.of(tags, position.committed()));
                });
            }
            recordsWaiting.register(waiting, true);
            committedOffsets.register(committed, true);
        });
        counted("Dead letters waiting", () -> {
            List<MultiGauge.Row<?>> deadLetters = new ArrayList<>();
            for (String topic : topics) {
                deadLetters.add(MultiGauge.Row.of(Tags.of("topic", topic, "group", group), waiting(topic)));
            }
            deadLettersWaiting.register(deadLetters, true);
        });
    }

    private interface BrokerQuestions {
        void ask() throws ExecutionException, TimeoutException, InterruptedException;
    }

    private static void counted(String what, BrokerQuestions questions) {
        try {
            questions.ask();
        } catch (ExecutionException e) {
            log.warn("{} not counted: {}", what, e.getCause().toString());
        } catch (TimeoutException e) {
            log.warn("{} not counted: the broker did not answer within {}", what, TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return how many of {@code topic}'s dead letters no replay has reached yet */
    public long waiting(String topic) throws ExecutionException, TimeoutException, InterruptedException {
        Admin client = admin.get();
        return behind(positions(client, partitions(client, Topics.deadLetter(topic, group)), DeadLetterReplay.groupOf(group)));
    }

    /** The topic's partitions; none where it does not exist (yet). */
    private static Set<TopicPartition> partitions(Admin client, String topic)
            throws ExecutionException, TimeoutException, InterruptedException {
        try {
            return client.describeTopics(Set.of(topic)).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic).partitions().stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).collect(Collectors.toSet());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Set.of();
            }
            throw e;
        }
    }

    /**
     * @param behind the records of the partition beyond what the reader committed, or beyond its start where it never did
     * @param committed the reader's committed offset: it moves whenever the reader commits, whatever it applied
     */
    private record Position(long behind, long committed) {
    }

    private static Map<TopicPartition, Position> positions(Admin client, Set<TopicPartition> partitions, String reader)
            throws ExecutionException, TimeoutException, InterruptedException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(client, partitions, OffsetSpec.latest());
        Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(client, partitions, OffsetSpec.earliest());
        Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(reader)
                .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Position> positions = new TreeMap<>(Comparator.comparingInt(TopicPartition::partition));
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            long from = Math.max(starts.get(partition).offset(), offset == null ? 0 : offset.offset());
            positions.put(partition, new Position(Math.max(0, ends.get(partition).offset() - from), offset == null ? 0 : offset.offset()));
        }
        return positions;
    }

    private static long behind(Map<TopicPartition, Position> positions) {
        return positions.values().stream().mapToLong(Position::behind).sum();
    }

    private Set<String> consumedTopics() {
        Set<String> topics = new TreeSet<>();
        listeners.ifAvailable(registry -> registry.getListenerContainers().forEach(container -> {
            String[] consumed = container.getContainerProperties().getTopics();
            topics.addAll(List.of(consumed == null ? new String[0] : consumed));
        }));
        return topics;
    }

    private static Map<TopicPartition, ListOffsetsResultInfo> offsets(Admin client, Set<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, TimeoutException, InterruptedException {
        return client.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec))).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
