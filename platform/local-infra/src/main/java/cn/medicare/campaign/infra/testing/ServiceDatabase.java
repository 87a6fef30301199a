package cn.medicare.campaign.infra.testing;

import cn.medicare.campaign.infra.postgres.PostgresServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring Boot service under test at its own database and the broker of the test infrastructure. */
public final class ServiceDatabase {

    private ServiceDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry, String database) {
        PostgresServer postgres = TestInfrastructure.get().postgres();
        postgres.createDatabase(database);
        registry.add("spring.datasource.url", () -> postgres.jdbcUrl(database));
        registry.add("spring.datasource.username", postgres::user);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.get().kafkaBootstrapServers());
    }
}
