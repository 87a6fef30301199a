package cn.medicare.campaign.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * The settings every service shares (actuator exposure, problem details, Kafka consumer
 * behaviour, Flyway locations), added with the lowest precedence so that a service's own file,
 * environment variables and command-line arguments override any of them.
 */
class ServiceDefaults implements EnvironmentPostProcessor {

    private static final String RESOURCE = "service-kit-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("serviceKitDefaults", new ClassPathResource(RESOURCE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
