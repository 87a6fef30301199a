package cn.medicare.campaign.kit;

import cn.medicare.campaign.infra.postgres.PostgresServer;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The kit's test application on the real infrastructure, in a database of its own. */
@RealInfrastructure
@SpringBootTest(classes = KitTestApplication.class, properties = "spring.application.name=kit-test")
abstract class KitIntegrationTestBase {

    static final String DATABASE = "kit_test";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PostgresServer postgres = TestInfrastructure.get().postgres();
        postgres.createDatabase(DATABASE);
        registry.add("spring.datasource.url", () -> postgres.jdbcUrl(DATABASE));
        registry.add("spring.datasource.username", postgres::user);
        registry.add("spring.datasource.password", postgres::password);
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfrastructure.get().kafkaBootstrapServers());
    }
}
