package cn.medicare.campaign.kit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.fixtures.ProvinceIdentityProvider;
import cn.medicare.campaign.fixtures.ProvinceTokens;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.ServiceDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Production mode: OAuth2 bearer tokens (JWT, client credentials) instead of the demo clients. */
@RealInfrastructure
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=kit-test", "insurance.security.mode=jwt",
                "spring.security.oauth2.resourceserver.jwt.audiences=" + BearerTokenIntegrationTests.AUDIENCE,
                // production brings its own keys: the local ones are refused in this mode
                "insurance.identity.person-key=dGVzdC1vbmx5LXBlcnNvbi1rZXktZm9yLWp3dC1tb2Rl",
                // this context only answers HTTP: the other kit tests' consumers keep their partitions
                "spring.kafka.listener.auto-startup=false",
                // as Kubernetes runs the services (deploy/k8s/services.yaml): probes and metrics on a port of their own
                "management.server.port=0"})
@Import(ProvinceIdentityProvider.class)
class BearerTokenIntegrationTests {

    static final String AUDIENCE = ProvinceTokens.AUDIENCE;
    private static final ProvinceTokens PROVINCE = ProvinceTokens.PROVINCE;
    private static final ProvinceTokens SOMEONE_ELSE = ProvinceTokens.generate();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceDatabase.register(registry, KitIntegrationTestBase.DATABASE);
    }

    @Test
    void aTownshipTokenActsForItsTownship() {
        String token = PROVINCE.token(Map.of("client_id", "liancheng-lianfeng", "role", "TOWNSHIP", "township", "350825100"));

        HttpResponse<String> whoami = bearer(token).get("/kit-test/whoami");
        assertThat(whoami.statusCode()).isEqualTo(200);
        assertThat(whoami.body()).contains("\"clientId\":\"liancheng-lianfeng\"", "\"township\":\"350825100\"");
        assertThat(bearer(token).get("/kit-test/townships-only").body()).isEqualTo("350825100");
    }

    @Test
    void anAgencyTokenNamesItsAgency() {
        String token = PROVINCE.token(Map.of("client_id", "liancheng-minzheng", "role", "AGENCY", "agency", "civil-affairs"));
        assertThat(bearer(token).get("/kit-test/whoami").body()).contains("\"agency\":\"CIVIL_AFFAIRS\"");
        assertThat(bearer(token).get("/kit-test/townships-only").statusCode()).isEqualTo(403);
    }

    @Test
    void noTokenAForgedTokenOrATokenWithoutARoleIsUnauthorized() {
        assertUnauthorized(ApiClient.at(port).get("/kit-test/whoami"));
        assertUnauthorized(bearer(SOMEONE_ELSE.token(Map.of("client_id", "x", "role", "BUREAU"))).get("/kit-test/whoami"));
        assertUnauthorized(bearer(PROVINCE.token(Map.of("client_id", "x"))).get("/kit-test/whoami"));
        assertUnauthorized(ApiClient.at(port).as("bureau").get("/kit-test/whoami"));
    }

    @Test
    void aTokenForAnotherAudienceOrForNoneIsUnauthorized() {
        Map<String, String> bureau = Map.of("client_id", "liancheng-bureau", "role", "BUREAU");
        assertThat(bearer(PROVINCE.token(bureau)).get("/kit-test/whoami").statusCode()).isEqualTo(200);

        assertUnauthorized(bearer(PROVINCE.token(bureau, "another-system", true)).get("/kit-test/whoami"));
        assertUnauthorized(bearer(PROVINCE.token(bureau, null, true)).get("/kit-test/whoami"));
    }

    /** A client id longer than the records name their client in is refused at the door, not by its first write (a 500). */
    @Test
    void aClientIdLongerThanTheRecordsHoldIsUnauthorized() {
        String longest = "c".repeat(40);
        assertThat(bearer(PROVINCE.token(Map.of("client_id", longest, "role", "BUREAU"))).get("/kit-test/whoami").statusCode()).isEqualTo(200);
        assertUnauthorized(bearer(PROVINCE.token(Map.of("client_id", longest + "c", "role", "BUREAU"))).get("/kit-test/whoami"));
    }

    @Test
    void aTokenWithoutASubjectIsUnauthorizedNotAServerError() {
        assertUnauthorized(bearer(PROVINCE.token(Map.of("role", "BUREAU"), AUDIENCE, false)).get("/kit-test/whoami"));
        assertUnauthorized(bearer(PROVINCE.token(Map.of("client_id", "x", "role", "BUREAU"), AUDIENCE, false))
                .get("/kit-test/whoami"));
    }

    /**
     * Probes and Prometheus answer on the management port, open as on the API's, and on threads of their own: a busy API
     * (every thread on a county's list) failed the liveness probe, and the pod was restarted under load. The API's port
     * serves no actuator, and the management port no API.
     */
    @Test
    void probesAndMetricsAnswerOnTheManagementPortAloneAndTheRestStaysClosed() {
        ApiClient management = ApiClient.at(managementPort);
        for (String open : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/prometheus")) {
            assertThat(management.get(open).statusCode()).as(open).isEqualTo(200);
            assertThat(ApiClient.at(port).get(open).statusCode()).as(open + " on the API's port").isIn(401, 404);
        }
        assertUnauthorized(management.get("/actuator/metrics"));
        assertThat(management.get("/kit-test/whoami").statusCode()).isIn(401, 404);
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).as("RFC 6750's challenge").hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer "));
    }

    private ApiClient bearer(String token) {
        return ApiClient.at(port).withHeader("Authorization", "Bearer " + token);
    }
}
