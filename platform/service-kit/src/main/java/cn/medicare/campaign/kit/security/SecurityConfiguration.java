package cn.medicare.campaign.kit.security;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every caller is authenticated except for probes, metrics and API documents; what each role may
 * do is declared on the controllers ({@code @PreAuthorize}) and scoped in code ({@link Caller}).
 * {@code insurance.security.mode}: {@code demo} (default, the local stack) or {@code jwt}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    /** The local profile: HTTP Basic with the documented demo clients. */
    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    @ConditionalOnProperty(name = "insurance.security.mode", havingValue = "demo", matchIfMissing = true)
    SecurityFilterChain demoClientSecurity(HttpSecurity http) throws Exception {
        ProblemSecurityHandlers problems = ProblemSecurityHandlers.basic();
        return common(http, problems)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .build();
    }

    /**
     * Production: OAuth2 bearer tokens (JWT) from the province's identity provider, configured with
     * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or {@code jwk-set-uri}) and
     * {@code spring.security.oauth2.resourceserver.jwt.audiences}; a token must name one of those
     * audiences whichever decoder checks its signature.
     */
    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    @ConditionalOnProperty(name = "insurance.security.mode", havingValue = "jwt")
    SecurityFilterChain bearerTokenSecurity(HttpSecurity http, Environment environment) throws Exception {
        ProblemSecurityHandlers problems = ProblemSecurityHandlers.bearer();
        List<String> audiences = ProductionModeGuard.audiences(environment);
        return common(http, problems)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationEntryPoint(problems)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> TokenClaims.authentication(token, audiences))))
                .build();
    }

    @Bean
    @ConditionalOnProperty(name = "insurance.security.mode", havingValue = "jwt")
    static ProductionModeGuard productionModeGuard() {
        return new ProductionModeGuard();
    }

    private static HttpSecurity common(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/actuator/info",
                                "/v3/api-docs/**", "/v3/api-docs", "/v3/asyncapi", "/error", "/", "/index.html", "/dashboard/**",
                                "/dashboard.css", "/dashboard.js", "/webjars/**").permitAll()
                        .anyRequest().authenticated());
    }

    @Bean
    @ConditionalOnMissingBean(UserDetailsService.class)
    @ConditionalOnProperty(name = "insurance.security.mode", havingValue = "demo", matchIfMissing = true)
    DemoClients demoClients() {
        return new DemoClients();
    }

    @Bean
    WebMvcConfigurer callerParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
