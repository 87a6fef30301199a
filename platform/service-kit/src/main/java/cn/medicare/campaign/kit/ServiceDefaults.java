package cn.medicare.campaign.kit;

import cn.medicare.campaign.kit.security.LocalSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The settings every service shares (actuator exposure, problem details, Kafka consumer
 * behaviour, Flyway locations). They join Spring Boot's default properties, which stay last in
 * precedence: the service's own {@code @PropertySource} file, environment variables and
 * command-line arguments override any of them. In production mode ({@code insurance.security.mode=jwt})
 * the local keys and secrets ({@link LocalSecrets}) are left out, and so is each service's
 * {@code local-secrets.properties} (beside its application class): the keys only that service may
 * hold, such as the tax adapter's opening keys, never reach the other services of a shared JVM.
 */
class ServiceDefaults implements EnvironmentPostProcessor {

    private static final String RESOURCE = "service-kit-defaults.properties";
    /** Beside a service's application class: the local values of the keys only that service holds. */
    static final String LOCAL_SECRETS = "local-secrets.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            Map<String, Object> defaults = new LinkedHashMap<>();
            boolean production = "jwt".equals(environment.getProperty("insurance.security.mode"));
            PropertiesLoaderUtils.loadProperties(new ClassPathResource(RESOURCE)).forEach((key, value) -> {
                // production brings its own keys: a published one must not fill a gap silently
                if (!(production && LocalSecrets.isLocal((String) key, value))) {
                    defaults.put((String) key, value);
                }
            });
            if (!production) {
                for (Object source : application.getAllSources()) {
                    if (source instanceof Class<?> service && new ClassPathResource(LOCAL_SECRETS, service).exists()) {
                        PropertiesLoaderUtils.loadProperties(new ClassPathResource(LOCAL_SECRETS, service))
                                .forEach((key, value) -> defaults.put((String) key, value));
                    }
                }
            }
            DefaultPropertiesPropertySource.addOrMerge(defaults, environment.getPropertySources());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
