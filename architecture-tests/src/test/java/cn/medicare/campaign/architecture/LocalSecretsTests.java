package cn.medicare.campaign.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.kit.security.LocalSecrets;
import java.io.IOException;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Production mode refuses the published local keys by the list in {@link LocalSecrets}; that list
 * must hold every key a service ships in its {@code local-secrets.properties}, with the same value,
 * or production could start with one of them.
 */
class LocalSecretsTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cn/medicare/campaign/enrollment/local-secrets.properties", "cn/medicare/campaign/tax/local-secrets.properties",
            "cn/medicare/campaign/reporting/local-secrets.properties", "cn/medicare/campaign/subsidy/local-secrets.properties"})
    void everyLocalSecretAServiceShipsIsRefusedInProductionMode(String resource) throws IOException {
        Properties shipped = PropertiesLoaderUtils.loadProperties(new ClassPathResource(resource));

        assertThat(shipped).isNotEmpty();
        shipped.stringPropertyNames().stream().filter(name -> !name.endsWith("-key-id")).forEach(name ->
                assertThat(LocalSecrets.BY_PROPERTY).as(name + " of " + resource).containsEntry(name, shipped.getProperty(name)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = "insurance.identity.person-key")
    void theKitsLocalKeysAreRefusedInProductionMode(String name) throws IOException {
        Properties defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource("service-kit-defaults.properties"));

        assertThat(LocalSecrets.BY_PROPERTY).containsEntry(name, defaults.getProperty(name));
    }
}
