package cn.medicare.campaign.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.RunningService;
import cn.medicare.campaign.infra.testing.ServiceDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubsidyServiceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceDatabase.register(registry, "subsidy_test");
    }

    @Test
    void startsOnItsOwnDatabaseWithOutboxAndInbox() {
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public'", String.class))
                .contains("outbox", "inbox");
    }

    @Test
    void answersHealthMetricsAndOpenApi() {
        RunningService.assertOperable(port, "subsidy-service");
    }
}
