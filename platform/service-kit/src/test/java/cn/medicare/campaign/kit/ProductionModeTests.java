package cn.medicare.campaign.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.medicare.campaign.kit.kafka.DeadLetters;
import cn.medicare.campaign.kit.security.DemoClients;
import cn.medicare.campaign.kit.security.LocalSecrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Production mode refuses to start with settings that would let someone else in. The refusal comes
 * before any bean is made, so these contexts need neither database nor broker.
 */
class ProductionModeTests {

    /** Everything production needs, none of it the local values. */
    private static final List<String> PRODUCTION = List.of(
            "--spring.application.name=kit-test",
            "--insurance.security.mode=jwt",
            "--spring.security.oauth2.resourceserver.jwt.audiences=insurance-campaign",
            "--insurance.identity.person-key=dGVzdC1vbmx5LXBlcnNvbi1rZXktZm9yLWp3dC1tb2Rl",
            "--server.port=0",
            "--spring.kafka.listener.auto-startup=false");

    @Test
    void refusesWithoutAnAudience() {
        assertRefused(without("audiences"), "spring.security.oauth2.resourceserver.jwt.audiences is not set");
        assertRefused(with(without("audiences"), "--spring.security.oauth2.resourceserver.jwt.audiences= "),
                "spring.security.oauth2.resourceserver.jwt.audiences is not set");
    }

    @Test
    void refusesWithTheDemoClientsEnabled() {
        SpringApplicationBuilder application = new SpringApplicationBuilder(KitTestApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("demoClients", DemoClients.class));

        assertThatThrownBy(() -> application.run(PRODUCTION.toArray(String[]::new)))
                .hasMessageContaining("refuses to start")
                .hasMessageContaining("demo clients");
    }

    @Test
    void refusesEveryPublicLocalKeyAndTheLocalWebhookSecret() {
        for (Map.Entry<String, String> local : LocalSecrets.BY_PROPERTY.entrySet()) {
            assertRefused(with(PRODUCTION, "--" + local.getKey() + "=" + local.getValue()),
                    local.getKey() + " holds the public local value");
        }
    }

    @Test
    void namesEveryProblemAtOnce() {
        List<String> args = with(without("audiences"), "--insurance.tax.webhook-secret=local-tax-webhook-secret");
        assertRefused(args, "audiences is not set");
        assertRefused(args, "insurance.tax.webhook-secret holds the public local value");
    }

    @Test
    void localKeysAndAServicesOwnLocalSecretsAreOfferedOnlyOutsideProductionMode() {
        // KitTestApplication has a local-secrets.properties beside it, as the tax adapter has for its keys
        List<String> offered = List.of("insurance.identity.person-key", "insurance.tax.webhook-secret");
        for (String mode : List.of("demo", "jwt")) {
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().addFirst(new MapPropertySource("mode", Map.of("insurance.security.mode", mode)));

            new ServiceDefaults().postProcessEnvironment(environment, new SpringApplication(KitTestApplication.class));

            for (String property : offered) {
                String value = environment.getProperty(property);
                if (mode.equals("jwt")) {
                    assertThat(value).as(property + " in production mode").isNull();
                } else {
                    assertThat(value).as(property + " in the local stack").isEqualTo(LocalSecrets.BY_PROPERTY.get(property));
                }
            }
        }
    }

    @Test
    void aServicesLocalSecretsStayWithThatService() {
        StandardEnvironment environment = new StandardEnvironment();

        // another service's application class: nothing lies beside it
        new ServiceDefaults().postProcessEnvironment(environment, new SpringApplication(DeadLetters.class));

        assertThat(environment.getProperty("insurance.tax.webhook-secret")).isNull();
        assertThat(environment.getProperty("insurance.identity.person-key")).isNotNull();
    }

    private static void assertRefused(List<String> args, String problem) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(KitTestApplication.class).run(args.toArray(String[]::new)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("insurance.security.mode=jwt (production) refuses to start")
                .hasMessageContaining(problem);
    }

    private static List<String> without(String setting) {
        return PRODUCTION.stream().filter(arg -> !arg.contains(setting)).toList();
    }

    /** {@code args} with {@code setting} (--name=value) in place of any other value of that name. */
    private static List<String> with(List<String> args, String setting) {
        String name = setting.substring(0, setting.indexOf('=') + 1);
        List<String> more = new ArrayList<>(args.stream().filter(arg -> !arg.startsWith(name)).toList());
        more.add(setting);
        return more;
    }
}
