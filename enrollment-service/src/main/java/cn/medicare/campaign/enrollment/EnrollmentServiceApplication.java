package cn.medicare.campaign.enrollment;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * 参保登记 (enrolment roster) and 参保缴费工作方案 (campaign). The roster of who is enrolled for which coverage year in which township and village, the campaign policy and township targets; publishes roster and campaign changes.
 *
 * <p>Its settings live in {@code enrollment-service.properties}, not {@code application.properties}, so that
 * the four services can share one JVM in the local stack without reading each other's settings.
 */
@SpringBootApplication
@PropertySource("classpath:enrollment-service.properties")
@OpenAPIDefinition(info = @Info(title = "enrollment-service", version = "v1", description = "The roster of who is enrolled for which coverage year in which township and village, the campaign policy and township targets; publishes roster and campaign changes."))
public class EnrollmentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(EnrollmentServiceApplication.class, args);
    }
}
