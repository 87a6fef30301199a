package cn.medicare.campaign.infra.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Debezium connector configuration in the Kafka Connect REST shape ({@code {"name", "config"}}),
 * as kept under {@code deploy/connect/}: the relay runs these files, Kafka Connect and Strimzi
 * run the same ones.
 */
public record ConnectorConfiguration(String name, Map<String, String> config) {

    public ConnectorConfiguration {
        config = Map.copyOf(config);
    }

    /** Loads {@code connect/<service>.json} from the classpath (copied there from deploy/connect). */
    public static ConnectorConfiguration forService(String service) {
        String resource = "connect/" + service + ".json";
        try (InputStream in = ConnectorConfiguration.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no connector configuration " + resource + " on the classpath");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConnectorConfiguration parse(byte[] json) {
        JsonNode root = JsonMapper.shared().readTree(json);
        Map<String, String> config = new LinkedHashMap<>();
        root.required("config").properties().forEach(entry -> config.put(entry.getKey(), entry.getValue().asString()));
        return new ConnectorConfiguration(root.required("name").asString(), config);
    }

    /** The same configuration with one property replaced, e.g. the database coordinates of this machine. */
    public ConnectorConfiguration with(String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(config);
        changed.put(key, value);
        return new ConnectorConfiguration(name, changed);
    }

    public String get(String key) {
        String value = config.get(key);
        if (value == null) {
            throw new IllegalArgumentException("connector " + name + " has no " + key);
        }
        return value;
    }
}
