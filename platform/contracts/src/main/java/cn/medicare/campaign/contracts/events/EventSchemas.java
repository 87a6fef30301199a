package cn.medicare.campaign.contracts.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of each event type, for consumers that validate records before
 * applying them and for agencies that receive our events.
 */
public final class EventSchemas {

    private EventSchemas() {
    }

    /** Classpath location, e.g. {@code /schemas/PersonEnrolled.schema.json}. */
    public static String resourcePath(EventType type) {
        return "/schemas/" + type.typeName() + ".schema.json";
    }

    public static String schemaText(EventType type) {
        String path = resourcePath(type);
        try (InputStream in = EventSchemas.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no JSON Schema on the classpath at " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
