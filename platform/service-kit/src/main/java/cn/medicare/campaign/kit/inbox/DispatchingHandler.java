package cn.medicare.campaign.kit.inbox;

import cn.medicare.campaign.contracts.events.EventType;
import java.util.List;

/**
 * A service's handler whose events are dispatched by type ({@link EventHandlers}); it adds only
 * what concerns the batch as a whole ({@code beforeApplying}, {@code afterApplying}).
 */
public interface DispatchingHandler extends InboxHandler {

    EventHandlers handlers();

    @Override
    default boolean applies(EventType type) {
        return handlers().applies(type);
    }

    @Override
    default void apply(IncomingEvent incoming) {
        handlers().apply(incoming);
    }

    @Override
    default boolean appliesInRuns(EventType type) {
        return handlers().appliesInRuns(type);
    }

    @Override
    default void applyRun(List<IncomingEvent> run) {
        handlers().applyRun(run);
    }
}
