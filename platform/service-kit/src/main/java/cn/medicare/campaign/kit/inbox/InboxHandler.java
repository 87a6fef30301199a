package cn.medicare.campaign.kit.inbox;

import java.util.List;

/**
 * Applies one event to the service's state. Runs inside the inbox's transaction and is called at
 * most once per event id; it must not commit on its own.
 */
@FunctionalInterface
public interface InboxHandler {

    void apply(IncomingEvent event);

    /**
     * Called in the transaction before any event of it is applied, with all of them (repeats
     * included): a handler whose writes meet other writers' takes its locks here, all at once and
     * in one order ({@code PersonLocks}), rather than event by event in the order they arrived.
     */
    default void beforeApplying(List<IncomingEvent> events) {
    }
}
