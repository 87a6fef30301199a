package cn.medicare.campaign.kit.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the problem+json advice, which stays package-private. */
@Configuration(proxyBeanMethods = false)
public class ProblemResponsesConfiguration {

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }
}
