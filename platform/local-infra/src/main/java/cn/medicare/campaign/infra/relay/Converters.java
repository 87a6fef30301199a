package cn.medicare.campaign.infra.relay;

import java.util.Map;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.apache.kafka.connect.storage.StringConverter;

/** The key, value and header converters the connector configuration names, as Kafka Connect would build them. */
record Converters(Converter key, Converter value, HeaderConverter header) {

    static Converters of(ConnectorConfiguration connector) {
        Converter key = instantiate(connector.config().getOrDefault("key.converter", StringConverter.class.getName()), Converter.class);
        key.configure(Map.of(), true);
        Converter value = instantiate(connector.config().getOrDefault("value.converter", StringConverter.class.getName()), Converter.class);
        value.configure(Map.of(), false);
        HeaderConverter header = instantiate(
                connector.config().getOrDefault("header.converter", SimpleHeaderConverter.class.getName()), HeaderConverter.class);
        header.configure(Map.of());
        return new Converters(key, value, header);
    }

    private static <T> T instantiate(String className, Class<T> type) {
        try {
            return type.cast(Class.forName(className).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot create converter " + className, e);
        }
    }
}
