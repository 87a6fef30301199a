package cn.medicare.campaign.kit.inbox;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What every service's {@code *Listener} is: the {@code @KafkaListener} edge handing each batch to
 * the inbox, under the consumer group of the configuration (so that a second instance of a test can
 * have its own), with no logic of its own. A subclass declares the topics.
 */
public abstract class InboxListener {

    private final Inbox inbox;
    private final InboxHandler handler;
    private final String group;

    protected InboxListener(Inbox inbox, InboxHandler handler, String group) {
        this.inbox = inbox;
        this.handler = handler;
        this.group = group;
    }

    /** Applies the batch once per event through the inbox, in one transaction per event. */
    protected final void apply(List<ConsumerRecord<String, String>> records) {
        inbox.apply(group, records, handler);
    }

    /** The events an older version parked, of types this one knows ({@link ParkedEvents} calls it). */
    public void applyParked() {
        inbox.applyParked(group, handler);
    }
}
