package cn.medicare.campaign.kit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers the problem+json advice (package-private). It runs before Spring MVC's
 * auto-configuration so that Boot sees an exception handler already there and adds none of its
 * own, which would answer framework errors without the {@code errors} array.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
public class ProblemResponsesConfiguration {

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }
}
