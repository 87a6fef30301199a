package cn.medicare.campaign.kit.identity;

import cn.medicare.campaign.contracts.identity.IdNumberSealer;
import cn.medicare.campaign.contracts.identity.PersonIds;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The keys behind {@code personId} and sealed ID numbers (EVENTS.md, "Personal data on the bus").
 * Every service that receives ID numbers computes the same personId; only services that hand
 * numbers to another agency should be given the sealing keys.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityConfiguration.IdentityKeys.class)
public class IdentityConfiguration {

    /**
     * @param personKey base64, at least 16 bytes
     * @param sealingKeyId the key new numbers are sealed with
     * @param sealingKeys key id to base64 AES-256 key; old ids stay to unseal older numbers
     */
    @ConfigurationProperties("insurance.identity")
    record IdentityKeys(String personKey, String sealingKeyId, Map<String, String> sealingKeys) {
    }

    @Bean
    PersonIds personIds(IdentityKeys keys) {
        return PersonIds.fromBase64(keys.personKey());
    }

    @Bean
    IdNumberSealer idNumberSealer(IdentityKeys keys) {
        return IdNumberSealer.fromBase64(keys.sealingKeyId(), keys.sealingKeys());
    }
}
