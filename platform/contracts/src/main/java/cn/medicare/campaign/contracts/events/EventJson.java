package cn.medicare.campaign.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapping of event payloads, shared by producers and consumers. */
public final class EventJson {

    private static final JsonMapper MAPPER = settings(JsonMapper.builder(JsonFactory.builder()
                    // the threads that read and write events are pooled and live long: a buffer each rather than
                    // a shared queue every record takes one from and gives it back to
                    .recyclerPool(JsonRecyclerPools.threadLocalPool())
                    .build()))
            .addModule(new PayloadReadingModule())
            .build();

    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> payloadClass) {
            return MAPPER.readerFor(payloadClass);
        }
    };

    private EventJson() {
    }

    /**
     * Amounts and other decimals as plain JSON strings, dates and instants as ISO-8601 strings.
     * Services register it in their HTTP mapper too, so the API and the bus write the same text.
     */
    public static JacksonModule module() {
        return new ContractsModule();
    }

    /** Immutable and thread-safe. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * The same mapping as Jackson reads it alone: without the bus's reading module, its buffers per thread and readers per
     * class. What the tests and {@code benchmarks/event-read.sh} hold {@link #read} to, never for the services' own use.
     */
    public static JsonMapper withoutReadingShortcuts() {
        return settings(JsonMapper.builder()).build();
    }

    public static String write(Event event) {
        return MAPPER.writeValueAsString(event);
    }

    public static <T extends Event> T read(String json, Class<T> payloadClass) {
        return READERS.get(payloadClass).readValue(json);
    }

    /** Reads a payload by the name in its {@code type} header. */
    public static Event read(String typeName, String json) {
        return read(json, EventType.ofTypeName(typeName).payloadClass());
    }

    private static JsonMapper.Builder settings(JsonMapper.Builder builder) {
        return builder.addModule(module())
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                // Producers may add optional fields at any time; older consumers must keep working.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // A missing coverageYear must fail rather than silently become year 0.
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // Keep the field order of EVENTS.md, which is also the record order, for people reading topics.
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY);
    }
}
