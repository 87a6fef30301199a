package cn.medicare.campaign.kit;

import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.ServiceDatabase;
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
        ServiceDatabase.register(registry, DATABASE);
    }
}
