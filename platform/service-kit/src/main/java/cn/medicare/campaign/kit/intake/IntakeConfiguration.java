package cn.medicare.campaign.kit.intake;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** The list intake and the body limit every service shares; settings {@code insurance.intake.*}. */
@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

    @Bean
    IntakeLimits intakeLimits(@Value("${insurance.intake.max-body-size}") DataSize maxBodySize,
            @Value("${insurance.intake.max-rows}") int maxRows,
            @Value("${insurance.intake.max-cell-length}") int maxCellLength,
            @Value("${insurance.intake.max-inflated-part-size}") DataSize maxInflatedPartSize) {
        return new IntakeLimits(maxBodySize, maxRows, maxCellLength, maxInflatedPartSize);
    }

    @Bean
    ListIntake listIntake(IntakeLimits limits, JsonMapper json) {
        return new ListIntake(limits, json);
    }

    /** First of all filters: a body too large is refused before anyone reads or authenticates it. */
    @Bean
    FilterRegistrationBean<BodySizeLimit> bodySizeLimit(IntakeLimits limits, JsonMapper json) {
        FilterRegistrationBean<BodySizeLimit> registration = new FilterRegistrationBean<>(
                new BodySizeLimit(limits.maxBodySize().toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
