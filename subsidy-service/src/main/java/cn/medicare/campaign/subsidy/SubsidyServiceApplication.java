package cn.medicare.campaign.subsidy;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * 资助参保 (assistance) and 动态调整 (monthly eligibility adjustments). Takes the agencies' monthly eligibility adjustments, decides each person's assistance and payable amount, and publishes eligibility adjustments and assessments.
 *
 * <p>Its settings live in {@code subsidy-service.properties}, not {@code application.properties}, so that
 * the four services can share one JVM in the local stack without reading each other's settings.
 */
@SpringBootApplication
@PropertySource("classpath:subsidy-service.properties")
@OpenAPIDefinition(info = @Info(title = "subsidy-service", version = "v1", description = "Takes the agencies' monthly eligibility adjustments, decides each person's assistance and payable amount, and publishes eligibility adjustments and assessments."))
public class SubsidyServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SubsidyServiceApplication.class, args);
    }
}
