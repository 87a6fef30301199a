package cn.medicare.campaign.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.ServiceDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 参保缴费状态: one person as the figures count them, and why; the same people the township's figures count. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonStatusIntegrationTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceDatabase.register(registry, "reporting_person_status_test");
    }

    @Test
    void eachPersonSaysWhetherTheyCountAsEnrolledAndWhyAsTheTownshipsFiguresCountThem() {
        ReportingMother county = new ReportingMother("350844");
        EventTraffic.publish(county.campaign(), county.targets(),
                county.enrolled(1, 0, true), county.assessed(1, "0", null), county.paid(1, "V1", "180.00"),
                county.enrolled(2, 0, true), county.assessed(2, "140", AssistanceCategory.MINIMUM_LIVING), county.paid(2, "V2", "30.00"),
                county.enrolled(3, 0, true), county.assessed(3, "180", AssistanceCategory.EXTREME_POVERTY),
                county.enrolled(4, 0, true),
                county.enrolled(5, 0, true), county.assessed(5, "0", null), county.paid(5, "V5", "180.00"), county.withdrawn(5),
                county.paid(6, "V6", "180.00"));
        ApiClient bureau = ApiClient.at(port).as("bureau");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(json(bureau.get("/api/v1/participation?region=350844&coverageYear=2018")).get("townships").get(0)
                    .get("enrolled").asInt()).isEqualTo(2);
            assertThat(status(bureau, county, 6).get("ownPaid").asString()).isEqualTo("180.00");
            assertThat(status(bureau, county, 5).get("withdrawnOn").asString()).isEqualTo("2017-11-01");
        });

        JsonNode paid = status(bureau, county, 1);
        assertThat(paid.get("counted").asBoolean()).isTrue();
        assertThat(paid.get("explanation").asString()).startsWith("已参保并缴清：应缴180.00元，个人已缴180.00元");
        assertThat(paid.get("outstanding").asString()).as("money in yuan and fen, as every amount").isEqualTo("0.00");
        JsonNode short40 = status(bureau, county, 2);
        assertThat(short40.get("counted").asBoolean()).isFalse();
        assertThat(short40.get("outstanding").asString()).isEqualTo("10.00");
        assertThat(short40.get("explanation").asString()).contains("（低保对象资助140.00元）", "尚欠10.00元", "not counted");
        JsonNode fullyAssisted = status(bureau, county, 3);
        assertThat(fullyAssisted.get("counted").asBoolean()).isTrue();
        assertThat(fullyAssisted.get("heldTo").asString()).isEqualTo("0.00");
        assertThat(fullyAssisted.get("outstanding").asString()).isEqualTo("0.00");
        JsonNode notAssessed = status(bureau, county, 4);
        assertThat(notAssessed.get("explanation").asString()).contains("应缴金额尚未核定");
        assertThat(notAssessed.has("outstanding")).isFalse();
        JsonNode withdrawn = status(bureau, county, 5);
        assertThat(withdrawn.get("counted").asBoolean()).isFalse();
        assertThat(withdrawn.get("explanation").asString()).startsWith("已于2017-11-01终止参保");
        JsonNode unregistered = status(bureau, county, 6);
        assertThat(unregistered.get("registered").asBoolean()).isFalse();
        assertThat(unregistered.get("explanation").asString()).startsWith("本服务尚未收到该人员本年度的参保登记");

        ApiClient ownTownship = ApiClient.at(port).as("township-" + county.township(0));
        assertThat(ownTownship.get(path(county, 1)).statusCode()).isEqualTo(200);
        assertThat(ApiClient.at(port).as("township-" + county.township(1)).get(path(county, 1)).statusCode()).isEqualTo(403);
        assertThat(ownTownship.get(path(county, 6)).statusCode()).isEqualTo(403);
        assertThat(ApiClient.at(port).as("viewer").get(path(county, 1)).statusCode()).isEqualTo(403);
        assertThat(bureau.get(path(county, 7)).statusCode()).isEqualTo(404);
    }

    private static String path(ReportingMother county, int person) {
        return "/api/v1/people/" + county.personId(person) + "?coverageYear=2018";
    }

    private static JsonNode status(ApiClient client, ReportingMother county, int person) {
        return json(client.get(path(county, person)));
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }
}
