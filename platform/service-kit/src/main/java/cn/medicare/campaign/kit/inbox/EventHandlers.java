package cn.medicare.campaign.kit.inbox;

import cn.medicare.campaign.contracts.events.Event;
import cn.medicare.campaign.contracts.events.EventType;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One way for every service to apply the events of its topics: each type of those topics is
 * either handled ({@code on}) or explicitly not needed ({@code ignore}), which {@code build()}
 * checks, so a type added to a topic cannot slip through unnoticed. A type this version of the
 * contracts does not know yet is skipped: contracts grow by adding.
 *
 * <pre>{@code
 * EventHandlers.forTopics(Topics.CAMPAIGN, Topics.ROSTER)
 *         .on(CampaignDefined.class, this::define)
 *         .onTimed(PersonUpdated.class, this::update)   // (event, its time)
 *         .inRuns(PersonEnrolled.class, this::enrolAll)  // consecutive enrolments together
 *         .ignore(EventType.TARGETS_SET)
 *         .build();
 * }</pre>
 */
public final class EventHandlers implements InboxHandler {

    private final Map<EventType, BiConsumer<Event, Instant>> handlers;
    private final Map<EventType, Consumer<List<IncomingEvent>>> runHandlers;
    private final Set<EventType> inBatch;

    private EventHandlers(Map<EventType, BiConsumer<Event, Instant>> handlers,
            Map<EventType, Consumer<List<IncomingEvent>>> runHandlers, Set<EventType> inBatch) {
        this.handlers = handlers;
        this.runHandlers = runHandlers;
        this.inBatch = inBatch;
    }

    public static Builder forTopics(String... topics) {
        return new Builder(Set.of(topics));
    }

    @Override
    public boolean applies(EventType type) {
        return handlers.containsKey(type) || runHandlers.containsKey(type) || inBatch.contains(type);
    }

    @Override
    public boolean appliesInRuns(EventType type) {
        return runHandlers.containsKey(type);
    }

    /** A run of one type (the inbox forms runs of what {@link #appliesInRuns} accepts). */
    @Override
    public void applyRun(List<IncomingEvent> run) {
        run.get(0).event().map(Event::type).map(runHandlers::get).ifPresent(handler -> handler.accept(run));
    }

    @Override
    public void apply(IncomingEvent incoming) {
        incoming.event().ifPresent(event -> {
            BiConsumer<Event, Instant> handler = handlers.get(event.type());
            if (handler != null) {
                handler.accept(event, incoming.time());
            }
        });
    }

    public static final class Builder {

        private final Set<String> topics;
        private final Map<EventType, BiConsumer<Event, Instant>> handlers = new EnumMap<>(EventType.class);
        private final Map<EventType, Consumer<List<IncomingEvent>>> runHandlers = new EnumMap<>(EventType.class);
        private final Set<EventType> ignored = EnumSet.noneOf(EventType.class);
        private final Set<EventType> inBatch = EnumSet.noneOf(EventType.class);

        private Builder(Set<String> topics) {
            this.topics = topics;
        }

        /** Applies events of this type. */
        public <T extends Event> Builder on(Class<T> type, Consumer<T> handler) {
            return onTimed(type, (event, time) -> handler.accept(event));
        }

        /** Applies events of this type with their time (the {@code time} header): for upserts guarded by event time. */
        public <T extends Event> Builder onTimed(Class<T> type, BiConsumer<T, Instant> handler) {
            handlers.put(unhandled(typeOf(type)), (event, time) -> handler.accept(type.cast(event), time));
            return this;
        }

        /**
         * Applies consecutive events of this type together, with their times, in their order: for
         * one statement per run instead of one per event. The handler must end as applying them
         * one by one would (of two events for one key, the later one by time wins).
         */
        public <T extends Event> Builder inRuns(Class<T> type, Consumer<List<Timed<T>>> handler) {
            runHandlers.put(unhandled(typeOf(type)), run -> handler.accept(run.stream()
                    .map(incoming -> new Timed<>(incoming.as(type), incoming.time())).toList()));
            return this;
        }

        /**
         * Types the handler applies for the whole batch at once, in its {@code afterApplying}: their
         * payloads are read, and nothing is done with them event by event.
         */
        public Builder inBatch(EventType... types) {
            for (EventType type : types) {
                inBatch.add(unhandled(type));
            }
            return this;
        }

        /** Types of these topics this service does not need. */
        public Builder ignore(EventType... types) {
            for (EventType type : types) {
                ignored.add(unhandled(type));
            }
            return this;
        }

        public EventHandlers build() {
            List<String> forgotten = Arrays.stream(EventType.values())
                    .filter(type -> topics.contains(type.topic()))
                    .filter(type -> !known(type))
                    .map(EventType::typeName)
                    .toList();
            if (!forgotten.isEmpty()) {
                throw new IllegalStateException("neither handled nor ignored: " + forgotten
                        + " (every type of " + topics.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
            return new EventHandlers(new EnumMap<>(handlers), new EnumMap<>(runHandlers),
                    inBatch.isEmpty() ? EnumSet.noneOf(EventType.class) : EnumSet.copyOf(inBatch));
        }

        private boolean known(EventType type) {
            return handlers.containsKey(type) || runHandlers.containsKey(type) || inBatch.contains(type) || ignored.contains(type);
        }

        private EventType unhandled(EventType type) {
            if (known(type)) {
                throw new IllegalStateException(type.typeName() + " is handled twice (or handled and ignored)");
            }
            return type;
        }

        private static EventType typeOf(Class<? extends Event> type) {
            return Arrays.stream(EventType.values()).filter(t -> t.payloadClass() == type).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(type.getSimpleName() + " is no event of the contracts"));
        }
    }
}
