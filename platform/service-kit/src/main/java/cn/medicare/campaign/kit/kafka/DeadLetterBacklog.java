package cn.medicare.campaign.kit.kafka;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.kit.EveryReplica;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * {@code insurance_consumer_dead_letters_waiting{topic,group}}: the dead letters of each topic this service consumes that
 * no replay has sent back yet (the dead-letter topic's end less how far {@link DeadLetterReplay}'s group got). The count
 * of dead letters says when records went there; this says that they still wait, so the alert stays until the operations
 * team has replayed them, however long the fix takes.
 */
public class DeadLetterBacklog implements DisposableBean {

    public static final String GAUGE = "insurance.consumer.dead.letters.waiting";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterBacklog.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ObjectProvider<KafkaListenerEndpointRegistry> listeners;
    private final String group;
    private final MultiGauge waiting;
    private final LazyAdmin admin;

    public DeadLetterBacklog(KafkaAdmin kafkaAdmin, ObjectProvider<KafkaListenerEndpointRegistry> listeners, MeterRegistry meters,
            String group) {
        this.admin = new LazyAdmin(kafkaAdmin, TIMEOUT);
        this.listeners = listeners;
        this.group = group;
        this.waiting = MultiGauge.builder(GAUGE)
                .description("Dead letters of a consumed topic not yet replayed").register(meters);
    }

    /** Every replica exposes the same counts (the broker's, not the replica's): the rule takes the largest. */
    @Scheduled(fixedDelayString = "${insurance.observability.dead-letters-refresh-ms:60000}")
    @EveryReplica
    public void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        try {
            for (String topic : consumedTopics()) {
                rows.add(MultiGauge.Row.of(Tags.of("topic", topic, "group", group), waiting(topic)));
            }
            waiting.register(rows, true);
        } catch (ExecutionException e) {
            log.warn("Dead letters waiting not counted: {}", e.getCause().toString());
        } catch (TimeoutException e) {
            log.warn("Dead letters waiting not counted: the broker did not answer within {}", TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return how many of {@code topic}'s dead letters no replay has sent back */
    public long waiting(String topic) throws ExecutionException, TimeoutException, InterruptedException {
        String deadLetters = Topics.deadLetter(topic, group);
        Admin client = admin.get();
        Set<TopicPartition> partitions;
        try {
            partitions = client.describeTopics(Set.of(deadLetters)).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(deadLetters).partitions().stream()
                    .map(partition -> new TopicPartition(deadLetters, partition.partition())).collect(Collectors.toSet());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0;
            }
            throw e;
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(client, partitions, OffsetSpec.latest());
        Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(client, partitions, OffsetSpec.earliest());
        Map<TopicPartition, OffsetAndMetadata> replayed = client.listConsumerGroupOffsets(DeadLetterReplay.groupOf(group))
                .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        long waiting = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = replayed.get(partition);
            long from = Math.max(starts.get(partition).offset(), done == null ? 0 : done.offset());
            waiting += Math.max(0, ends.get(partition).offset() - from);
        }
        return waiting;
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
