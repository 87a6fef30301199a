package cn.medicare.campaign.kit.identity;

import cn.medicare.campaign.contracts.identity.IdNumberSealer;
import cn.medicare.campaign.contracts.identity.PersonIds;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The keys behind {@code personId} and sealed ID numbers (EVENTS.md, "Personal data on the bus").
 * Every service that receives ID numbers computes the same personId. A service that registers
 * people is given the tax adapter's public key and can seal; only the tax adapter, which hands
 * numbers to the tax bureau, is given the private keys that open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityConfiguration.IdentityKeys.class)
public class IdentityConfiguration {

    /**
     * @param personKey base64, at least 16 bytes
     * @param sealingKeyId the id of the key pair new numbers are sealed for
     * @param sealingPublicKey base64 X.509 X25519 public key of that pair
     * @param contactSealingKeyId the id of the reporting service's key pair that names and phones are sealed for
     * @param contactSealingPublicKey base64 X.509 X25519 public key of that pair
     */
    @ConfigurationProperties("insurance.identity")
    record IdentityKeys(String personKey, String sealingKeyId, String sealingPublicKey, String contactSealingKeyId,
            String contactSealingPublicKey) {
    }

    @Bean
    PersonIds personIds(IdentityKeys keys) {
        return PersonIds.fromBase64(keys.personKey());
    }

    @Bean
    @ConditionalOnProperty("insurance.identity.sealing-public-key")
    IdNumberSealer idNumberSealer(IdentityKeys keys) {
        return IdNumberSealer.fromBase64(keys.sealingKeyId(), keys.sealingPublicKey());
    }

    @Bean
    @ConditionalOnProperty("insurance.identity.contact-sealing-public-key")
    ContactSealer contactSealer(IdentityKeys keys) {
        return new ContactSealer(IdNumberSealer.fromBase64(keys.contactSealingKeyId(), keys.contactSealingPublicKey()));
    }
}
