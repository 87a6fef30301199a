package cn.medicare.campaign.kit.inbox;

import cn.medicare.campaign.contracts.events.EventType;
import java.util.List;

/**
 * Applies one event to the service's state. Runs inside the inbox's transaction and is called at
 * most once per event id; it must not commit on its own.
 */
@FunctionalInterface
public interface InboxHandler {

    void apply(IncomingEvent event);

    /**
     * Whether events of this type change anything here. Those that do not are recorded as seen
     * without their payload being read: parsing a payload only to ignore it was a share of every
     * consumer's time. An event of such a type reaches {@link #apply} with an empty {@code event()}.
     */
    default boolean applies(EventType type) {
        return true;
    }

    /**
     * Whether consecutive events of this type may be applied together, by {@link #applyRun}: one
     * statement for a run of enrolments rather than one per enrolment, in the order of the batch.
     */
    default boolean appliesInRuns(EventType type) {
        return false;
    }

    /**
     * Applies consecutive events of one type that {@link #appliesInRuns} accepts, each for the first
     * time, in order; the result must be that of applying them one after the other. Should a run of
     * several fail, the inbox applies the batch again one event at a time, as for
     * {@link #afterApplying} (unless another transaction was in the way: then the batch again, whole).
     */
    default void applyRun(List<IncomingEvent> run) {
        run.forEach(this::apply);
    }

    /**
     * Called in the transaction before any event of it is applied, with all of them (repeats
     * included): a handler whose writes meet other writers' takes its locks here, all at once and
     * in one order ({@code PersonLocks}), rather than event by event in the order they arrived.
     */
    default void beforeApplying(List<IncomingEvent> events) {
    }

    /**
     * Called in the transaction after its events were applied, with those applied for the first
     * time, in order: a handler finishes here what costs one statement for the whole batch rather
     * than one per event (re-judging every person-year the batch touched). Should it fail, the
     * inbox applies the batch again one event at a time, each in a transaction of its own, so
     * that the event at fault is the one retried and dead-lettered; should it meet another transaction in the way (a lock
     * refused, a deadlock), no event is at fault, and the batch is tried again whole.
     */
    default void afterApplying(List<IncomingEvent> applied) {
    }
}
