package cn.medicare.campaign.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.AssessmentReason;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.EnrolmentChannel;
import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.codes.PaymentSource;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.Sex;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.contracts.events.EVoucherActivated;
import cn.medicare.campaign.contracts.events.EligibilityAdjusted;
import cn.medicare.campaign.contracts.events.Event;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.fixtures.Gaolou;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.reporting.participation.StageSettlementService;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 10: villages, schools and groups judged as the notices judge them, and stages that stay as they were settled. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountabilityUnitsIntegrationTests {

    private static final int VILLAGE_ONE_ENROLLED = 5_000;
    private static final String LOW_INCOME_PERSON = person(VILLAGE_ONE_ENROLLED + 1);

    @LocalServerPort
    int port;

    @Autowired
    StageSettlementService settlements;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ReportingDatabase.withoutTheStageSchedule(registry, "reporting_units_test");
    }

    /**
     * Issue 10's acceptance: Gaolou 2022 as data (20 villages summing to 66,781 and 14,005); village
     * 1 at 5,000 / 10,001 on Oct 31 shows 50.00 % and earns nothing; a 低保 certification arriving in
     * December makes a resident's October 40 yuan enough from then on: today's figures count them, the
     * figures as of Oct 31 (event time, API.md) and the settled Oct 31 and Nov 15 results do not.
     */
    @Test
    void gaolousVillagesAreJudgedOnTheExactRateAndTheirSettledStagesIgnoreDecember() {
        List<Event> facts = new ArrayList<>(List.of(Gaolou.campaign2022(), Gaolou.targets2022()));
        for (int n = 1; n <= VILLAGE_ONE_ENROLLED; n++) {
            facts.addAll(enrolledAndPaid(n, 1, LocalDate.of(2021, 10, 20), "320.00"));
        }
        facts.addAll(enrolledAndPaid(VILLAGE_ONE_ENROLLED + 1, 2, LocalDate.of(2021, 10, 10), "40.00"));
        facts.addAll(enrolledAndPaid(VILLAGE_ONE_ENROLLED + 2, 2, LocalDate.of(2021, 10, 12), "320.00"));
        facts.add(new EVoucherActivated(person(VILLAGE_ONE_ENROLLED + 2), 2022, Gaolou.REGION, LocalDate.of(2021, 11, 20)));
        EventTraffic.publish(facts.toArray(Event[]::new));

        ApiClient bureau = ApiClient.at(port).as("bureau");
        String villages = "/api/v1/participation?region=" + Gaolou.REGION + "&coverageYear=2022&level=VILLAGE";
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            JsonNode figures = json(bureau.get(villages));
            assertThat(figures.get("total").get("enrolled").asInt()).isEqualTo(VILLAGE_ONE_ENROLLED + 1);
            assertThat(figures.get("total").get("registered").asInt()).isEqualTo(VILLAGE_ONE_ENROLLED + 2);
            assertThat(figures.get("townships").get(1).get("eVoucherActivated").asInt()).isEqualTo(1);
        });
        JsonNode figures = json(bureau.get(villages));
        assertThat(figures.get("level").asString()).isEqualTo("VILLAGE");
        assertThat(figures.get("townships")).hasSize(Gaolou.VILLAGES);
        assertThat(figures.get("total").get("target").asInt()).isEqualTo(66_781);
        assertThat(rows(figures).mapToInt(row -> row.get("eVoucherTarget").asInt()).sum()).isEqualTo(14_005);
        JsonNode first = figures.get("townships").get(0);
        assertThat(first.get("unit").asString()).isEqualTo(Gaolou.village(1));
        assertThat(first.get("unitName").asString()).isEqualTo(Gaolou.villageName(1));
        assertThat(first.get("type").asString()).isEqualTo("VILLAGE");
        assertThat(first.get("township").asString()).isEqualTo(Gaolou.TOWNSHIP);
        assertThat(first.get("townshipName").asString()).isEqualTo("高楼镇");
        assertThat(first.get("rate").asString()).isEqualTo("0.5000");
        assertThat(first.get("goalMet").asBoolean()).isFalse();

        assertThat(json(ApiClient.at(port).as("township-" + Gaolou.TOWNSHIP).get(villages)).get("townships")).hasSize(Gaolou.VILLAGES);
        assertThat(json(ApiClient.at(port).as("township-" + Gaolou.REGION + "101").get(villages)).get("townships")).isEmpty();

        settlements.settleDue(Gaolou.REGION, 2022);
        String stages = "/api/v1/stages?region=" + Gaolou.REGION + "&coverageYear=2022&level=VILLAGE";
        JsonNode october = json(bureau.get(stages)).get("stages").get(0);
        assertThat(october.get("deadline").asString()).isEqualTo("2021-10-31");
        JsonNode villageOne = october.get("townships").get(0);
        assertThat(villageOne.get("unit").asString()).isEqualTo(Gaolou.village(1));
        assertThat(villageOne.get("rate").asString()).isEqualTo("0.5000");
        assertThat(villageOne.get("met").asBoolean()).isFalse();
        assertThat(villageOne.get("reward").asString()).isEqualTo("0.00");
        assertThat(october.get("townships").get(1).get("done").asInt()).isEqualTo(1);
        JsonNode eVouchers = json(bureau.get(stages)).get("stages").get(3);
        assertThat(eVouchers.get("measure").asString()).isEqualTo("E_VOUCHER");
        assertThat(eVouchers.get("townships").get(1).get("done").asInt()).isEqualTo(1);
        assertThat(eVouchers.get("townships").get(1).get("met").asBoolean()).isFalse();

        // December: civil affairs certifies the resident who paid 40 in October; their payable becomes 40
        EventTraffic.publishAt(Instant.parse("2021-12-06T02:00:00Z"), new EligibilityAdjusted(LOW_INCOME_PERSON, 2022, Gaolou.REGION,
                AssistanceCategory.MINIMUM_LIVING.agency(), AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD,
                LocalDate.of(2021, 12, 5), "batch-december", Gaolou.TOWNSHIP, Gaolou.villageName(2)));
        EventTraffic.publishAt(Instant.parse("2021-12-06T02:00:01Z"), new ContributionAssessed(LOW_INCOME_PERSON, 2022, Gaolou.REGION,
                new BigDecimal("320.00"), new BigDecimal("280.00"), new BigDecimal("40.00"), AssistanceCategory.MINIMUM_LIVING,
                AssessmentReason.ELIGIBILITY_CHANGED));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json(bureau.get(villages))
                .get("townships").get(1).get("enrolled").asInt()).isEqualTo(2));
        assertThat(json(bureau.get(villages + "&asOf=2021-10-31T15:59:59Z")).get("townships").get(1).get("enrolled").asInt())
                .as("as they stood then: the payable was 320 until December").isEqualTo(1);

        JsonNode rankings = json(bureau.get("/api/v1/rankings?region=" + Gaolou.REGION + "&coverageYear=2022&period=MONTHLY&level=VILLAGE"))
                .get("rankings");
        JsonNode octoberRanking = rankings.get(1);
        assertThat(octoberRanking.get("periodEnd").asString()).isEqualTo("2021-10-31");
        assertThat(octoberRanking.get("townships").get(0).get("unit").asString()).isEqualTo(Gaolou.village(1));
        assertThat(octoberRanking.get("townships").get(1).get("rate").asString())
                .as("kept at the end of October, before the December certification").isEqualTo("0.0003");

        JsonNode settled = json(bureau.get(stages)).get("stages");
        assertThat(settled.get(0).get("townships").get(1).get("done").asInt()).isEqualTo(1);
        assertThat(settled.get(1).get("deadline").asString()).isEqualTo("2021-11-15");
        assertThat(settled.get(1).get("townships").get(1).get("done").asInt()).isEqualTo(1);
        assertThat(settled.get(0).get("settledBy").asString()).isEqualTo("schedule");

        HttpResponse<String> created = bureau.post("/api/v1/reports", "{\"type\":\"ON_DEMAND\",\"region\":\""
                + Gaolou.REGION + "\",\"coverageYear\":2022}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String reportId = JsonMapper.shared().readTree(created.body()).get("reportId").asString();
        JsonNode report = json(bureau.get("/api/v1/reports/" + reportId)).get("content");
        assertThat(report.get("villages")).hasSize(Gaolou.VILLAGES);
        assertThat(report.has("schools")).isFalse();
        assertThat(bureau.get("/api/v1/reports/" + reportId + "/content.html").body()).contains("（村、社区）", Gaolou.villageName(20));
    }

    private static Stream<JsonNode> rows(JsonNode figures) {
        return StreamSupport.stream(figures.get("townships").spliterator(), false);
    }

    private static List<Event> enrolledAndPaid(int n, int village, LocalDate day, String paid) {
        String person = person(n);
        return List.of(
                new PersonEnrolled(person, 2022, Gaolou.REGION, "411099***********2", "seal", "王*", 1980, Sex.FEMALE,
                        PersonCategory.GENERAL, Gaolou.TOWNSHIP, Gaolou.villageName(village), null, true, false, EnrolmentChannel.TOWNSHIP,
                        LocalDate.of(2022, 1, 1), null, 0, day),
                new ContributionAssessed(person, 2022, Gaolou.REGION, new BigDecimal("320.00"), BigDecimal.ZERO.setScale(2),
                        new BigDecimal("320.00"), null, AssessmentReason.ENROLLED),
                new PaymentConfirmed(person, 2022, Gaolou.REGION, "V" + n, new BigDecimal(paid), PaymentChannel.WECHAT,
                        day.atStartOfDay(ZoneOffset.ofHours(8)).toInstant().plusSeconds(36_000), PaymentSource.WEBHOOK));
    }

    private static String person(int n) {
        return Gaolou.REGION + String.format("%026d", n);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }

    /**
     * Liancheng: a township below its goal at the end of the collection period bears the county's
     * matching funds on its target and loses tax share per point short, judged once like a stage.
     */
    @Test
    void aTownshipBelowItsGoalAtTheEndOfThePeriodBearsTheCampaignsShortfall() {
        ReportingMother county = new ReportingMother("350837");
        CampaignDefined campaign = county.campaign().withShortfall(new CampaignDefined.Shortfall(new BigDecimal("450.00"),
                new BigDecimal("10000.00")));
        TargetsSet withAVillage = new TargetsSet("350837", 2018, county.targets().targets(), List.of(new TargetsSet.Unit(
                county.township(1) + "001", "新华村", TargetsSet.UnitType.VILLAGE, county.township(1), 3, null, null, null)));
        List<Event> facts = new ArrayList<>(List.of(campaign, withAVillage));
        for (int n = 1; n <= 4; n++) {
            facts.addAll(List.of(county.enrolled(n, 0, true), county.assessed(n, "0", null), county.paid(n, "V" + n, "180.00")));
        }
        EventTraffic.publish(facts.toArray(Event[]::new));
        ApiClient bureau = ApiClient.at(port).as("bureau");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json(bureau.get(
                "/api/v1/participation?region=350837&coverageYear=2018")).get("total").get("enrolled").asInt()).isEqualTo(4));

        settlements.settleDue("350837", 2018);
        JsonNode stages = json(bureau.get("/api/v1/stages?region=350837&coverageYear=2018")).get("stages");
        JsonNode goal = stages.get(stages.size() - 1);
        assertThat(goal.get("measure").asString()).isEqualTo("GOAL");
        assertThat(goal.get("deadline").asString()).isEqualTo("2017-12-31");
        assertThat(goal.get("settledBy").asString()).isEqualTo("schedule");
        JsonNode met = goal.get("townships").get(0);
        assertThat(met.get("met").asBoolean()).isTrue();
        assertThat(met.has("matchingFunds")).isFalse();
        JsonNode shortOfIt = goal.get("townships").get(1);
        assertThat(shortOfIt.get("met").asBoolean()).isFalse();
        assertThat(shortOfIt.get("matchingFunds").asString()).isEqualTo("1350.00");
        assertThat(shortOfIt.get("penalty").asString()).isEqualTo("980000.00");
        JsonNode villages = json(bureau.get("/api/v1/stages?region=350837&coverageYear=2018&level=VILLAGE")).get("stages");
        JsonNode village = villages.get(villages.size() - 1).get("townships").get(0);
        assertThat(village.get("met").asBoolean()).as("新华村 short of its goal too").isFalse();
        assertThat(village.has("matchingFunds")).as("the township bears the goal's money, once, not its villages again").isFalse();
        assertThat(village.has("penalty") ? new BigDecimal(village.get("penalty").asString()).signum() : 0).isZero();
    }

    /** A unit's rate has no ceiling (a village given a target of 1 and 150 enrolled): the night's settlement must keep it. */
    @Test
    void aRateFarAboveTheTargetIsKept() {
        Long settlement = jdbc.queryForObject("""
                insert into stage_settlement (region, coverage_year, deadline, measure, settled_at, settled_by)
                values ('350899', 2018, date '2017-10-31', 'ENROLMENT', now(), 'schedule') returning id""", Long.class);

        jdbc.update("""
                insert into stage_result (settlement_id, level, unit, unit_name, township, rate, met, reward, penalty, done, target)
                values (?, 'VILLAGE', '350899100001', '城关村', '350899100', 150.0000, true, 500.00, 0.00, 150, 1)""", settlement);

        assertThat(jdbc.queryForObject("select rate from stage_result where settlement_id = ?", BigDecimal.class, settlement))
                .isEqualByComparingTo("150");
    }

    /** Goals per unit type: a school at 100 %, each township's certified needy and its newborns. */
    @Test
    void schoolsAndEachTownshipsNeedyAndNewbornsAreJudgedAgainstTheirGoals() {
        ReportingMother county = new ReportingMother("350836");
        CampaignDefined campaign = county.campaign().withJudging(new CampaignDefined.Goals(new BigDecimal("0.98"), new BigDecimal("1.00"),
                new BigDecimal("1.00"), new BigDecimal("1.00")), null, null);
        TargetsSet targets = new TargetsSet("350836", 2018, county.targets().targets(),
                List.of(new TargetsSet.Unit("S001", "城关中学", TargetsSet.UnitType.SCHOOL, county.township(0), 2, null, null, null),
                        new TargetsSet.Unit("S002", "城关小学", TargetsSet.UnitType.SCHOOL, county.township(0), 0, null, null, null)));
        EventTraffic.publish(campaign, targets,
                county.enrolled(1, 0, true), county.assessed(1, "140", AssistanceCategory.MINIMUM_LIVING), county.paid(1, "V1", "40.00"),
                county.certified(1, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD),
                county.certified(2, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD),
                county.enrolledAtSchool(3, 0), county.assessed(3, "0", null), county.paid(3, "V3", "180.00"),
                county.certified(7, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD), county.enrolled(7, 0, true),
                county.withdrawn(7),
                county.newborn(4, true), county.assessed(4, "0", null), county.paid(4, "V4", "180.00"),
                county.newborn(5, false), county.newborn(6, true),
                county.newbornBeforeTheYear(8), county.assessed(8, "0", null), county.paid(8, "V8", "180.00"));

        ApiClient bureau = ApiClient.at(port).as("bureau");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode township = json(bureau.get("/api/v1/participation?region=350836&coverageYear=2018")).get("townships").get(0);
            assertThat(township.get("registered").asInt()).isEqualTo(6);
            // withdrawn (employee insurance): no longer one of those the township must enrol
            assertThat(township.get("assistedPeople").get("of").asInt()).isEqualTo(2);
            assertThat(township.get("assistedPeople").get("done").asInt()).isEqualTo(1);
            assertThat(township.get("assistedPeople").get("goalMet").asBoolean()).isFalse();
            // registered within the days but not paid: not enrolled yet; born before the year and enrolled in the period: covered
            // from 1 January, its first day in the year, as a baby of the year is from its birth
            assertThat(township.get("newborns").get("of").asInt()).isEqualTo(4);
            assertThat(township.get("newborns").get("done").asInt()).isEqualTo(2);
            assertThat(township.get("newborns").get("rate").asString()).isEqualTo("0.5000");
            assertThat(township.get("goal").asString()).isEqualTo("0.98");
        });
        JsonNode beforeTheLists = json(bureau.get("/api/v1/participation?region=350836&coverageYear=2018&asOf=2017-09-15T00:00:00Z"))
                .get("townships").get(0);
        assertThat(beforeTheLists.get("assistedPeople").get("of").asInt()).as("certified from 2017-10-01 on").isZero();
        JsonNode schools = json(bureau.get("/api/v1/participation?region=350836&coverageYear=2018&level=SCHOOL")).get("townships");
        JsonNode school = schools.valueStream().filter(row -> row.get("unitName").asString().equals("城关中学")).findFirst().orElseThrow();
        assertThat(school.get("enrolled").asInt()).isEqualTo(1);
        assertThat(school.get("goal").asString()).isEqualTo("1.00");
        assertThat(school.get("goalMet").asBoolean()).isFalse();
        // nobody to enrol: not judged (as its stages are not), rather than short of its goal
        JsonNode empty = schools.valueStream().filter(row -> row.get("unitName").asString().equals("城关小学")).findFirst().orElseThrow();
        assertThat(empty.has("goalMet")).isFalse();
    }

    /**
     * A pupil who left school on 2 November counted in the school and the education system on 31 October: a past moment's
     * figures count the school of their time (today's school used to be counted for every moment).
     */
    @Test
    void asOfAMomentBeforeAPupilLeftSchoolThePupilCountsInTheSchoolAndTheEducationSystem() {
        ReportingMother county = new ReportingMother("350881");
        EventTraffic.publishAt(Instant.parse("2017-10-08T02:00:00Z"), county.campaign());
        EventTraffic.publishAt(Instant.parse("2017-10-08T02:00:00Z"), new TargetsSet("350881", 2018,
                county.targetsWithEducationSystem().targets(),
                List.of(new TargetsSet.Unit("S001", "城关中学", TargetsSet.UnitType.SCHOOL, county.township(0), 2, null, null, null),
                        new TargetsSet.Unit(county.township(0) + "001", "城关村", TargetsSet.UnitType.VILLAGE, county.township(0), 2,
                                null, null, null))));
        EventTraffic.publishAt(Instant.parse("2017-10-09T01:00:00Z"), county.enrolledAtSchool(1, 0));
        EventTraffic.publishAt(Instant.parse("2017-10-09T01:30:00Z"), county.assessed(1, "0", null));
        EventTraffic.publishAt(Instant.parse("2017-10-09T02:00:00Z"), county.paid(1, "V1", "180.00"));
        EventTraffic.publishAt(Instant.parse("2017-11-02T02:00:00Z"), county.leftSchool(1));

        ApiClient bureau = ApiClient.at(port).as("bureau");
        String path = "/api/v1/participation?region=350881&coverageYear=2018";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(json(bureau.get(path)).get("townships").get(0).get("enrolled").asInt()).isOne());
        JsonNode october = json(bureau.get(path + "&asOf=2017-10-31T15:59:59Z")).get("townships");
        assertThat(october.get(0).get("enrolled").asInt()).isZero();
        assertThat(october.get(2).get("townshipName").asString()).isEqualTo("教育系统");
        assertThat(october.get(2).get("enrolled").asInt()).isOne();
        assertThat(json(bureau.get(path + "&level=SCHOOL&asOf=2017-10-31T15:59:59Z")).get("townships").get(0).get("enrolled").asInt())
                .isOne();
        assertThat(json(bureau.get(path + "&level=SCHOOL")).get("townships").get(0).get("enrolled").asInt()).isZero();
        // the township's village counts the pupil as the township does: not while at school, once they left it
        assertThat(json(bureau.get(path + "&level=VILLAGE&asOf=2017-10-31T15:59:59Z")).get("townships").get(0).get("enrolled").asInt())
                .isZero();
        assertThat(json(bureau.get(path + "&level=VILLAGE")).get("townships").get(0).get("enrolled").asInt()).isOne();
    }

    /** A pupil who left school counts no more in the school or the education system (Lishi), and in the township again. */
    @Test
    void aPupilWhoLeftSchoolCountsInTheTownshipAgain() {
        ReportingMother county = new ReportingMother("350838");
        TargetsSet targets = new TargetsSet("350838", 2018, county.targetsWithEducationSystem().targets(),
                List.of(new TargetsSet.Unit("S001", "城关中学", TargetsSet.UnitType.SCHOOL, county.township(0), 2, null, null, null),
                        new TargetsSet.Unit(county.township(0) + "001", "城关村", TargetsSet.UnitType.VILLAGE, county.township(0), 2,
                                null, null, null)));
        EventTraffic.publish(county.campaign(), targets,
                county.enrolledAtSchool(1, 0), county.assessed(1, "0", null), county.paid(1, "V1", "180.00"),
                county.enrolledAtSchool(2, 0), county.assessed(2, "0", null), county.paid(2, "V2", "180.00"), county.leftSchool(2));

        ApiClient bureau = ApiClient.at(port).as("bureau");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode townships = json(bureau.get("/api/v1/participation?region=350838&coverageYear=2018")).get("townships");
            assertThat(townships.get(0).get("enrolled").asInt()).isEqualTo(1);
            assertThat(townships.get(2).get("townshipName").asString()).isEqualTo("教育系统");
            assertThat(townships.get(2).get("enrolled").asInt()).isEqualTo(1);
            assertThat(json(bureau.get("/api/v1/participation?region=350838&coverageYear=2018&level=SCHOOL")).get("townships").get(0)
                    .get("enrolled").asInt()).isEqualTo(1);
            // the pupil at school counts for none of the township's villages, as for the township (API.md units)
            JsonNode village = json(bureau.get("/api/v1/participation?region=350838&coverageYear=2018&level=VILLAGE")).get("townships").get(0);
            assertThat(village.get("enrolled").asInt()).isEqualTo(1);
            assertThat(village.get("registered").asInt()).isEqualTo(1);
        });
        // and the village's list names whom its figures count
        JsonNode paid = json(bureau.get("/api/v1/lists/paid?region=350838&coverageYear=2018&unit=" + county.township(0) + "001"));
        assertThat(paid.get("people")).singleElement().satisfies(person ->
                assertThat(person.get("personId").asString()).isEqualTo(county.personId(2)));
    }
}
