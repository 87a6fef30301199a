package cn.medicare.campaign.kit.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Production mode ({@code insurance.security.mode=jwt}) refuses to start with settings that would
 * let someone else in: no audience (a token the identity provider issued for any other system
 * would do), demo clients (published passwords), or the published local keys and webhook secret.
 * It runs before any bean is created, so nothing has touched a database or a broker when it
 * refuses, and it names every problem at once.
 */
final class ProductionModeGuard implements BeanFactoryPostProcessor, EnvironmentAware {

    /** Spring Boot's own setting: its decoder checks it, and so does {@link TokenClaims}. */
    static final String AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> problems = new ArrayList<>();
        if (audiences(environment).isEmpty()) {
            problems.add(AUDIENCES + " is not set: name the audience the identity provider issues this suite's tokens for");
        }
        if (beanFactory.getBeanNamesForType(DemoClients.class, true, false).length > 0) {
            problems.add("the demo clients (HTTP Basic, published passwords) are enabled");
        }
        for (String property : LocalSecrets.inEffect(environment)) {
            problems.add(property + " holds the public local value: set the production one from the secret store");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("insurance.security.mode=jwt (production) refuses to start: " + String.join("; ", problems));
        }
    }

    /** The configured audiences, blanks left out. */
    static List<String> audiences(Environment environment) {
        return Binder.get(environment).bind(AUDIENCES, Bindable.listOf(String.class)).orElse(List.of()).stream()
                .filter(audience -> audience != null && !audience.isBlank())
                .map(String::strip)
                .toList();
    }
}
