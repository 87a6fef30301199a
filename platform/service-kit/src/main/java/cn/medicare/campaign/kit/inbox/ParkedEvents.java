package cn.medicare.campaign.kit.inbox;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Applies what an older version of this service parked ({@link Inbox#applyParked}), for each of its consumers: when the
 * service is up, and every minute after ({@code insurance.inbox.parked-every}), since during a rolling update the older
 * replicas still running go on parking what they cannot read. Once per cluster on the schedule; at a start in the replica
 * starting, which takes each event once beside any other (the park's row locks).
 */
public class ParkedEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ParkedEvents.class);

    private final ObjectProvider<InboxListener> listeners;

    public ParkedEvents(ObjectProvider<InboxListener> listeners) {
        this.listeners = listeners;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        applyAll();
    }

    @Scheduled(initialDelayString = "${insurance.inbox.parked-every:PT1M}", fixedDelayString = "${insurance.inbox.parked-every:PT1M}")
    @SchedulerLock(name = "inbox-parked", lockAtMostFor = "PT10M")
    public void everyMinute() {
        applyAll();
    }

    /** Each consumer on its own: one that cannot read the park now neither stops the others nor the service's start. */
    private void applyAll() {
        listeners.orderedStream().forEach(listener -> {
            try {
                listener.applyParked();
            } catch (RuntimeException e) {
                LOG.warn("{} could not read its parked events, left for the next try: {}", listener.getClass().getSimpleName(),
                        e.getClass().getName());
            }
        });
    }
}
