package cn.medicare.campaign.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.testing.LockedTable;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.ServiceDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two writers about the same person or campaign, each in a transaction of its own, as two clerks, or a clerk and an
 * agency's list, send them. The first is held inside its transaction (a table it writes last is locked by the test) until
 * the second has run as far as it can; then both finish, and the outcome must be that of one after the other.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentWritersIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    ApiClient api;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceDatabase.register(registry, "enrollment_concurrent_test");
    }

    @BeforeEach
    void campaignWithTargets() {
        api = ApiClient.at(port);
        assertThat(api.as("bureau").put("/api/v1/campaigns/350825/2018", Liancheng.apiExampleJson(2018)).statusCode()).isEqualTo(200);
        assertThat(api.as("bureau").put("/api/v1/campaigns/350825/2018/targets", Liancheng.twoTownshipsJson()).statusCode()).isEqualTo(200);
    }

    /** DOMAIN.md: "A person enrols once"; a death list applied while the person is being enrolled still withdraws them. */
    @Test
    void aDeathListAppliedWhileThePersonIsBeingEnrolledWithdrawsThem() throws Exception {
        String idNumber = Liancheng.idNumber("19380101", 611);
        String personId = Liancheng.personId(idNumber);

        List<HttpResponse<String>> answers = LockedTable.firstHeldWhileSecondRuns(dataSource, "enrolment_audit",
                () -> api.as("bureau").post("/api/v1/enrolments", Liancheng.enrolment(idNumber, Liancheng.LIANFENG)),
                "insert into enrolment_audit%",
                () -> api.as("bureau").post("/api/v1/feeds/deaths", "text/csv", "idNumber,name,date\r\n" + idNumber + ",某某,2018-03-01\r\n"),
                "insert into person_lock%", PATIENCE);

        assertThat(answers.get(0).statusCode()).as(answers.get(0).body()).isEqualTo(201);
        assertThat(answers.get(1).statusCode()).as(answers.get(1).body()).isEqualTo(200);
        assertThat(JSON.readTree(answers.get(1).body()).get("withdrawn").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForMap("select withdrawal_reason, withdrawn_on::text as withdrawn_on from enrolment where person_id = ?",
                personId)).containsEntry("withdrawal_reason", "DECEASED").containsEntry("withdrawn_on", "2018-03-01");
    }

    /** Two first definitions of a campaign at once are versions 1 and 2, as one after the other would be. */
    @Test
    void twoFirstDefinitionsOfACampaignAtOnceAreVersionsOneAndTwo() throws Exception {
        String campaign = Liancheng.apiExampleJson(2018).replace("\"coverageYear\":2018", "\"coverageYear\":2024");
        List<HttpResponse<String>> answers = LockedTable.firstHeldWhileSecondRuns(dataSource, "outbox",
                () -> api.as("bureau").put("/api/v1/campaigns/350825/2024", campaign), "insert into outbox%",
                () -> api.as("bureau").put("/api/v1/campaigns/350825/2024", campaign), "select pg_advisory_xact_lock%", PATIENCE);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
        assertThat(answers.stream().map(answer -> JSON.readTree(answer.body()).get("version").asInt()).toList())
                .containsExactlyInAnyOrder(1, 2);
        assertThat(jdbc.queryForObject("select version from campaign where region = '350825' and coverage_year = 2024", Integer.class))
                .isEqualTo(2);
    }

    /** Two replacements of a campaign's targets at once both succeed, the second replacing the first whole. */
    @Test
    void twoReplacementsOfTheTargetsAtOnceBothSucceed() throws Exception {
        List<HttpResponse<String>> answers = LockedTable.firstHeldWhileSecondRuns(dataSource, "outbox",
                () -> api.as("bureau").put("/api/v1/campaigns/350825/2018/targets", Liancheng.twoTownshipsJson()), "insert into outbox%",
                () -> api.as("bureau").put("/api/v1/campaigns/350825/2018/targets", Liancheng.twoTownshipsJson()),
                "select pg_advisory_xact_lock%", PATIENCE);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
        assertThat(jdbc.queryForObject("select count(*) from township_target where region = '350825' and coverage_year = 2018",
                Integer.class)).isEqualTo(2);
    }
}
