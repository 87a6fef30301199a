package cn.medicare.campaign.tax;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * 税务征缴 (collection by the tax bureau). Gives the tax bureau its levy list, takes back payment confirmations, refunds and daily reconciliation files, and publishes payments.
 *
 * <p>Its settings live in {@code tax-collection-adapter.properties}, not {@code application.properties}, so that
 * the four services can share one JVM in the local stack without reading each other's settings.
 */
@SpringBootApplication
@PropertySource("classpath:tax-collection-adapter.properties")
@OpenAPIDefinition(info = @Info(title = "tax-collection-adapter", version = "v1", description = "Gives the tax bureau its levy list, takes back payment confirmations, refunds and daily reconciliation files, and publishes payments."))
public class TaxCollectionAdapterApplication {

    public static void main(String[] args) {
        SpringApplication.run(TaxCollectionAdapterApplication.class, args);
    }
}
