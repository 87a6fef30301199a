package cn.medicare.campaign.infra.relay;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.provider.ConfigProvider;

/**
 * Answers {@code ${env:NAME}} in a connector file from values the worker was configured with
 * ({@code config.providers.env.param.NAME=value}) instead of the process environment: the local
 * worker shares its JVM with an embedded PostgreSQL whose port is known only once it runs, and a
 * JVM cannot set its own environment. In Docker and Kubernetes the same alias is Kafka's
 * {@code EnvVarConfigProvider}, so the connector files read the same everywhere.
 */
public final class GivenValuesConfigProvider implements ConfigProvider {

    private final Map<String, String> values = new HashMap<>();

    @Override
    public void configure(Map<String, ?> configs) {
        configs.forEach((name, value) -> values.put(name, String.valueOf(value)));
    }

    @Override
    public ConfigData get(String path) {
        return new ConfigData(Map.copyOf(values));
    }

    @Override
    public ConfigData get(String path, Set<String> keys) {
        Map<String, String> found = new HashMap<>();
        for (String key : keys) {
            String value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException("the local Connect worker was given no value for ${env:" + key + "}");
            }
            found.put(key, value);
        }
        return new ConfigData(found);
    }

    @Override
    public void close() {
        values.clear();
    }
}
