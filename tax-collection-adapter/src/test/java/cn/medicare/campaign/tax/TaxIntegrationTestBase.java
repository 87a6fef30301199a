package cn.medicare.campaign.tax;

import cn.medicare.campaign.contracts.identity.IdNumberSealer;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.ServiceDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The adapter on the real infrastructure; one application context shared by every integration test class. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class TaxIntegrationTestBase {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PersonIds personIds;

    /** What enrollment-service seals with locally: the public half of this service's local opening key. */
    static final IdNumberSealer SEALER =
            IdNumberSealer.fromBase64("local-2018", "MCowBQYDK2VuAyEAvrkDJ/GKAjkpF/As4iXnOAkormMdNqwR4V8tqiDt+nQ=");

    TaxApi api;
    Residents residents;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceDatabase.register(registry, "tax_test");
    }

    @BeforeEach
    void clients() {
        api = new TaxApi(port);
        residents = new Residents(personIds, SEALER);
    }
}
