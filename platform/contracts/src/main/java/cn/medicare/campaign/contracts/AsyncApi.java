package cn.medicare.campaign.contracts;

import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.contracts.events.EventSchemas;
import cn.medicare.campaign.contracts.events.EventType;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The suite's events as an AsyncAPI 3.0 document, as one service sees them: every topic a channel
 * (its partitions and retention as declared), every event type a message whose payload is the JSON
 * Schema the tests check records against, this service's {@code send} operations (the types it
 * publishes) and {@code receive} operations (the topics its consumer group reads). Built from
 * {@link EventType}, {@link TopicDeclarations} and the schemas, so it cannot drift from them.
 */
public final class AsyncApi {

    private static final String SCHEMA_FORMAT = "application/schema+json;version=draft-2020-12";

    private AsyncApi() {
    }

    public static ObjectNode document(String service) {
        ObjectNode document = EventJson.mapper().createObjectNode();
        document.put("asyncapi", "3.0.0");
        ObjectNode info = document.putObject("info");
        info.put("title", service + " events (城乡居民医保参保缴费)");
        info.put("version", "1");
        info.put("description", "The event backbone of the county's resident-insurance campaign (EVENTS.md): JSON values, "
                + "headers id, type, source, time, schemaVersion; the key is the aggregate id (personId for people). "
                + "Operations: what " + service + " publishes and consumes.");
        document.put("defaultContentType", "application/json");
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode messages = document.putObject("components").putObject("messages");
        List<String> received = TopicDeclarations.CONSUMERS.getOrDefault(service, List.of());
        for (TopicDeclarations.Declaration topic : TopicDeclarations.all()) {
            List<EventType> types = Arrays.stream(EventType.values()).filter(type -> type.topic().equals(topic.name())).toList();
            if (types.isEmpty()) {
                continue;
            }
            String channel = channelId(topic.name());
            ObjectNode declared = channels.putObject(channel);
            declared.put("address", topic.name());
            ObjectNode channelMessages = declared.putObject("messages");
            types.forEach(type -> channelMessages.putObject(type.typeName()).put("$ref", "#/components/messages/" + type.typeName()));
            ObjectNode kafka = declared.putObject("bindings").putObject("kafka");
            kafka.put("topic", topic.name());
            kafka.put("partitions", topic.partitions());
            ObjectNode configs = kafka.putObject("topicConfiguration");
            configs.putArray("cleanup.policy").add(topic.cleanupPolicy());
            if (topic.retention() != null) {
                configs.put("retention.ms", topic.retention().toMillis());
            }
            kafka.put("bindingVersion", "0.5.0");
            List<EventType> sent = types.stream().filter(type -> type.producer().equals(service)).toList();
            if (!sent.isEmpty()) {
                operation(operations.putObject("send-" + channel), "send", channel, sent);
            }
            if (received.contains(topic.name())) {
                operation(operations.putObject("receive-" + channel), "receive", channel, types);
            }
        }
        for (EventType type : EventType.values()) {
            messages.set(type.typeName(), message(type));
        }
        return document;
    }

    private static void operation(ObjectNode operation, String action, String channel, List<EventType> types) {
        operation.put("action", action);
        operation.putObject("channel").put("$ref", "#/channels/" + channel);
        ArrayNode references = operation.putArray("messages");
        types.forEach(type -> references.addObject().put("$ref", "#/channels/" + channel + "/messages/" + type.typeName()));
    }

    private static ObjectNode message(EventType type) {
        ObjectNode message = EventJson.mapper().createObjectNode();
        message.put("name", type.typeName());
        message.put("title", type.typeName());
        message.put("summary", "published by " + type.producer() + " on " + type.topic());
        message.put("contentType", "application/json");
        ObjectNode headers = message.putObject("headers");
        headers.put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject("id").put("type", "string").put("format", "uuid");
        properties.putObject("type").put("const", type.typeName());
        properties.putObject("source").put("const", type.producer());
        properties.putObject("time").put("type", "string").put("format", "date-time");
        properties.putObject("schemaVersion").put("const", String.valueOf(type.schemaVersion()));
        headers.putArray("required").add("id").add("type").add("source").add("time").add("schemaVersion");
        ObjectNode payload = message.putObject("payload");
        payload.put("schemaFormat", SCHEMA_FORMAT);
        payload.set("schema", EventJson.mapper().readTree(EventSchemas.schemaText(type)));
        message.putObject("bindings").putObject("kafka").put("bindingVersion", "0.5.0").putObject("key").put("type", "string");
        return message;
    }

    /** A channel id AsyncAPI accepts ({@code ^[A-Za-z0-9_\-]+$}): the topic's name without dots. */
    static String channelId(String topic) {
        return topic.replace('.', '-');
    }
}
