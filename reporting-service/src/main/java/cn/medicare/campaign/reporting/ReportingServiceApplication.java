package cn.medicare.campaign.reporting;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * 参保率 (participation rates) and 周报表/通报 (progress reports). Consumes every topic into a read model of each person-year and serves live participation rates by township, village and category.
 *
 * <p>Its settings live in {@code reporting-service.properties}, not {@code application.properties}, so that
 * the four services can share one JVM in the local stack without reading each other's settings.
 */
@SpringBootApplication
@PropertySource("classpath:reporting-service.properties")
@OpenAPIDefinition(info = @Info(title = "reporting-service", version = "v1", description = "Consumes every topic into a read model of each person-year and serves live participation rates by township, village and category."))
public class ReportingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingServiceApplication.class, args);
    }
}
