package cn.medicare.campaign.kit.inbox;

import cn.medicare.campaign.contracts.EventHeaders;
import cn.medicare.campaign.contracts.events.Event;
import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.contracts.events.EventType;
import cn.medicare.campaign.contracts.events.PersonEvent;
import cn.medicare.campaign.contracts.events.WireTimes;
import cn.medicare.campaign.contracts.identity.IdNumberLeaks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;

/**
 * A Kafka record read as an event of EVENTS.md: its headers and, when this code knows its type,
 * the payload as a record. Anything that cannot be read is a {@link PoisonRecordException}.
 *
 * @param event empty for a type this version of the contracts does not know yet, or one the consumer does not apply
 * @param unknownPayload the payload as it came where this version of the contracts does not know the type, to be kept
 *     until a version that knows it starts ({@link Inbox#applyParked}); else null
 */
public record IncomingEvent(UUID id, String type, String source, Instant time, int schemaVersion,
        String topic, String key, Optional<Event> event, String unknownPayload) {

    private static final Map<String, EventType> BY_NAME = Arrays.stream(EventType.values())
            .collect(Collectors.toUnmodifiableMap(EventType::typeName, type -> type));

    /** @param needed whether the consumer applies events of a type: a payload it ignores is not parsed */
    static IncomingEvent read(ConsumerRecord<String, String> record, Predicate<EventType> needed) {
        UUID id = uuid(header(record, EventHeaders.ID).orElseThrow(() -> poison(record, "has no id header")), record);
        String type = header(record, EventHeaders.TYPE).orElseThrow(() -> poison(record, "has no type header"));
        if (record.value() == null) {
            throw poison(record, "has no payload");
        }
        Optional<EventType> known = known(type);
        // a type this version does not know is parked as it came and named in a log line: one whose record holds an ID number
        // is no newer version's event but a producer's mistake, dead-lettered with its numbers starred (EVENTS.md)
        if (known.isEmpty() && (IdNumberLeaks.containsIdNumber(type) || IdNumberLeaks.containsIdNumber(record.key())
                || IdNumberLeaks.containsIdNumber(record.value()))) {
            throw poison(record, "is of a type this version does not know and holds an ID number in clear");
        }
        Optional<Event> event = known.filter(needed).map(eventType -> payload(record, eventType));
        return new IncomingEvent(id, type, header(record, EventHeaders.SOURCE).orElse(null), time(record),
                schemaVersion(record),
                record.topic(), record.key(), event, known.isPresent() ? null : record.value());
    }

    /**
     * The events about people among {@code applied} that are of one of these types, in their order:
     * what a handler's {@code afterApplying} judges once for the batch.
     */
    @SafeVarargs
    public static List<PersonEvent> about(List<IncomingEvent> applied, Class<? extends PersonEvent>... types) {
        return applied.stream().flatMap(incoming -> incoming.event().stream())
                .filter(event -> Arrays.stream(types).anyMatch(type -> type.isInstance(event)))
                .map(PersonEvent.class::cast)
                .toList();
    }

    /** The payload as the event class the caller handles. */
    public <T extends Event> T as(Class<T> eventClass) {
        return eventClass.cast(event.orElseThrow(() -> new IllegalStateException("event type " + type + " is not known")));
    }

    private static Optional<EventType> known(String type) {
        return Optional.ofNullable(BY_NAME.get(type));
    }

    private static Event payload(ConsumerRecord<String, String> record, EventType type) {
        try {
            return EventJson.read(record.value(), type.payloadClass());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new PoisonRecordException(describe(record) + " is not a valid " + type.typeName() + ": " + e.getMessage(), e);
        }
    }

    private static int schemaVersion(ConsumerRecord<String, String> record) {
        try {
            return header(record, EventHeaders.SCHEMA_VERSION).map(Integer::valueOf).orElse(1);
        } catch (NumberFormatException e) {
            throw poison(record, "has a schemaVersion header that is not a whole number");
        }
    }

    private static Instant time(ConsumerRecord<String, String> record) {
        try {
            return header(record, EventHeaders.TIME).map(WireTimes::instant).orElse(Instant.ofEpochMilli(record.timestamp()));
        } catch (DateTimeParseException e) {
            throw poison(record, "has a time header that is not an ISO-8601 instant");
        }
    }

    private static UUID uuid(String text, ConsumerRecord<String, String> record) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw poison(record, "has an id header that is not a UUID");
        }
    }

    static Optional<String> header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return Optional.ofNullable(header).map(h -> new String(h.value(), StandardCharsets.UTF_8)).filter(s -> !s.isBlank());
    }

    private static PoisonRecordException poison(ConsumerRecord<String, String> record, String problem) {
        return new PoisonRecordException(describe(record) + " " + problem);
    }

    static String describe(ConsumerRecord<String, String> record) {
        return "record " + record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
