package cn.medicare.campaign.kit.inbox;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.util.ClassUtils;

/**
 * What every service's {@code *Listener} is: the {@code @KafkaListener} edge handing each batch to
 * the inbox, under the consumer group of the configuration (so that a second instance of a test can
 * have its own), with no logic of its own. A subclass declares the topics.
 */
public abstract class InboxListener {

    private final Inbox inbox;
    private final InboxHandler handler;
    private final String group;
    private final Set<String> topics;

    protected InboxListener(Inbox inbox, InboxHandler handler, String group) {
        this.inbox = inbox;
        this.handler = handler;
        this.group = group;
        this.topics = Arrays.stream(ClassUtils.getUserClass(getClass()).getDeclaredMethods())
                .map(method -> method.getAnnotation(KafkaListener.class)).filter(Objects::nonNull)
                .flatMap(InboxListener::literalTopics)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The replay finds a dead letter's consumer by these names: a pattern or a placeholder would leave its topics unknown. */
    private static Stream<String> literalTopics(KafkaListener listener) {
        if (!listener.topicPattern().isEmpty() || listener.topicPartitions().length > 0
                || Arrays.stream(listener.topics()).anyMatch(topic -> topic.contains("${") || topic.contains("#{"))) {
            throw new IllegalStateException("an InboxListener names its topics as they are, for the replay of its dead letters: "
                    + Arrays.toString(listener.topics()));
        }
        return Arrays.stream(listener.topics());
    }

    /** Applies the batch through the inbox ({@link Inbox#apply}). */
    protected final void apply(List<ConsumerRecord<String, String>> records) {
        inbox.apply(group, records, handler);
    }

    /** The events an older version parked, of types this one knows ({@link ParkedEvents} calls it). */
    public void applyParked() {
        inbox.applyParked(group, handler);
    }

    /** Whether a {@code @KafkaListener} method of this listener reads the topic. */
    public boolean consumes(String topic) {
        return topics.contains(topic);
    }

    /**
     * A dead letter of one of its topics, given to it again ({@link Inbox#applyReplayed}); a listener that follows its batches
     * with something of its own (reporting's gauges) does the same after this.
     */
    public boolean applyReplayed(ConsumerRecord<String, String> record) {
        return inbox.applyReplayed(group, handler, record);
    }
}
