package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.kit.identity.ContactOpener;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The private keys that open the names and phones enrollment-service seals for this service
 * ({@code insurance.identity.contact-opening-keys.<key id>}). Without them the lists still come,
 * with masked names and no phones, and say so ({@code contactsInFull: false}).
 */
@Configuration(proxyBeanMethods = false)
class ContactKeysConfiguration {

    @Bean
    Contacts contacts(Environment environment) {
        return new Contacts(Optional.ofNullable(Binder.get(environment)
                .bind("insurance.identity.contact-opening-keys", Bindable.mapOf(String.class, String.class))
                .map(ContactOpener::fromBase64).orElse(null)));
    }

    /** The opener where this service has its keys. */
    record Contacts(Optional<ContactOpener> opener) {
    }
}
