package cn.medicare.campaign.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.contracts.events.EventSchemas;
import cn.medicare.campaign.contracts.events.EventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The AsyncAPI document each service serves says what the schemas, the topic declarations and the producers say. */
class AsyncApiTests {

    @ParameterizedTest
    @ValueSource(strings = {"enrollment-service", "subsidy-service", "tax-collection-adapter", "reporting-service"})
    void eachServicesDocumentIsTheContract(String service) {
        JsonNode document = AsyncApi.document(service);

        assertThat(document.get("asyncapi").asString()).isEqualTo("3.0.0");
        Set<String> addresses = new TreeSet<>();
        document.get("channels").forEach(channel -> addresses.add(channel.get("address").asString()));
        assertThat(addresses).isEqualTo(Arrays.stream(EventType.values()).map(EventType::topic).collect(Collectors.toCollection(TreeSet::new)));
        for (EventType type : EventType.values()) {
            JsonNode message = document.get("components").get("messages").get(type.typeName());
            assertThat(message.get("payload").get("schema")).as(type.typeName())
                    .isEqualTo(EventJson.mapper().readTree(EventSchemas.schemaText(type)));
            assertThat(message.get("headers").get("properties").get("source").get("const").asString()).isEqualTo(type.producer());
        }
        Set<String> sent = new TreeSet<>();
        Set<String> receivedTopics = new TreeSet<>();
        document.get("operations").forEach(operation -> {
            String channel = operation.get("channel").get("$ref").asString().substring("#/channels/".length());
            String topic = document.get("channels").get(channel).get("address").asString();
            if (operation.get("action").asString().equals("send")) {
                operation.get("messages").forEach(reference -> sent.add(reference.get("$ref").asString().replaceAll(".*/", "")));
            } else {
                receivedTopics.add(topic);
            }
        });
        assertThat(sent).isEqualTo(Arrays.stream(EventType.values()).filter(type -> type.producer().equals(service))
                .map(EventType::typeName).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(receivedTopics).isEqualTo(new TreeSet<>(TopicDeclarations.CONSUMERS.get(service)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"enrollment-service", "reporting-service"})
    void everyReferenceResolves(String service) {
        JsonNode document = AsyncApi.document(service);
        List<String> references = new ArrayList<>();
        collect(document, references);

        assertThat(references).isNotEmpty();
        for (String reference : references) {
            assertThat(document.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
        }
    }

    /** The document's own references; a payload's schema resolves its {@code $defs} against its own {@code $id}. */
    private static void collect(JsonNode node, List<String> references) {
        if (node.isObject() && node.has("$ref")) {
            references.add(node.get("$ref").asString());
        }
        node.properties().forEach(field -> {
            if (!field.getKey().equals("schema")) {
                collect(field.getValue(), references);
            }
        });
        if (node.isArray()) {
            node.forEach(child -> collect(child, references));
        }
    }
}
