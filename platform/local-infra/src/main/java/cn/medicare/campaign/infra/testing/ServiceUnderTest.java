package cn.medicare.campaign.infra.testing;

import cn.medicare.campaign.infra.postgres.PostgresServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One service started on the real test infrastructure outside Spring's test framework, for test
 * engines that do not run JUnit Jupiter extensions (jqwik properties): its own database and its
 * own consumer group, so that it neither shares rows nor steals records from the contexts of the
 * Jupiter integration tests running in the same JVM.
 */
public final class ServiceUnderTest implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ServiceUnderTest(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts {@code sources} (the application class first, test configurations after it) on a random port. */
    public static ServiceUnderTest start(String database, Class<?>... sources) {
        PostgresServer postgres = TestInfrastructure.get().postgres();
        postgres.createDatabase(database);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", postgres.jdbcUrl(database));
        properties.put("spring.datasource.username", postgres.user());
        properties.put("spring.datasource.password", postgres.password());
        properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.get().kafkaBootstrapServers());
        properties.put("spring.kafka.consumer.group-id", database);
        // the service's own property file must not win over these: pass them as command-line arguments
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new ServiceUnderTest(new SpringApplicationBuilder(sources).run(arguments));
    }

    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
