package cn.medicare.campaign.kit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the problem+json advice (package-private). It runs before Spring MVC's
 * auto-configuration so that Boot sees an exception handler already there and adds none of its
 * own, which would answer framework errors without the {@code errors} array; for the same reason
 * it brings its own error controller, so that Boot adds none. Also refuses query parameters and
 * path variables that no service can use (control characters), and answers the requests Tomcat
 * refuses by itself as problem+json too.
 */
@AutoConfiguration(beforeName = {"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"})
public class ProblemResponsesConfiguration {

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    ProblemErrorReportValve.Installer problemErrorReports() {
        return new ProblemErrorReportValve.Installer();
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Bean
    WebMvcConfigurer requestCheck() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RequestCheck());
            }
        };
    }
}
