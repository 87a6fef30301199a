package cn.medicare.campaign.kit.outbox;

import cn.medicare.campaign.contracts.events.Event;
import cn.medicare.campaign.contracts.events.EventJson;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One outbox row: what becomes one Kafka record with its five headers. */
public record OutboxMessage(UUID id, String topic, String key, String type, int schemaVersion, String payload, Instant time) {

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(time, "time");
    }

    /** @param occurredAt when the fact happened (the {@code time} header) */
    public static OutboxMessage of(Event event, Instant occurredAt) {
        return new OutboxMessage(EventIds.next(), event.type().topic(), event.key(), event.type().typeName(),
                event.type().schemaVersion(), EventJson.write(event), occurredAt);
    }
}
