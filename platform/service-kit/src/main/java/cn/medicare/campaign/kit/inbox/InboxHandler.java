package cn.medicare.campaign.kit.inbox;

/**
 * Applies one event to the service's state. Runs inside the inbox's transaction and is called at
 * most once per event id; it must not commit on its own.
 */
@FunctionalInterface
public interface InboxHandler {

    void apply(IncomingEvent event);
}
