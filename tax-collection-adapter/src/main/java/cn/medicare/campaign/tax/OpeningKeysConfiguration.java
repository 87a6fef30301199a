package cn.medicare.campaign.tax;

import cn.medicare.campaign.contracts.identity.IdNumberOpener;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The private keys that open sealed ID numbers ({@code insurance.identity.opening-keys.<key id>}):
 * the tax adapter hands numbers to the tax bureau, so it alone is configured with them.
 */
@Configuration(proxyBeanMethods = false)
class OpeningKeysConfiguration {

    @Bean
    IdNumberOpener idNumberOpener(Environment environment) {
        Map<String, String> keys = Binder.get(environment)
                .bind("insurance.identity.opening-keys", Bindable.mapOf(String.class, String.class))
                .orElseThrow(() -> new IllegalStateException(
                        "insurance.identity.opening-keys.<key id> is not set: the tax adapter cannot open ID numbers"));
        return IdNumberOpener.fromBase64(keys);
    }
}
