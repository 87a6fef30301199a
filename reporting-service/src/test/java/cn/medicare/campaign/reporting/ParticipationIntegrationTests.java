package cn.medicare.campaign.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.contracts.codes.AssessmentReason;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.AssistanceSubcategory;
import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.codes.PaymentSource;
import cn.medicare.campaign.contracts.codes.SpecialCase;
import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.contracts.events.EligibilityAdjusted;
import cn.medicare.campaign.contracts.events.Event;
import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.RunningService;
import cn.medicare.campaign.reporting.participation.StageSettlementService;
import java.net.http.HttpResponse;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParticipationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    StageSettlementService settlements;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ReportingDatabase.withoutTheStageSchedule(registry, "reporting_participation_test");
    }

    /**
     * Township 100 (target 4): a self-paid resident, a 低保 resident who paid 40, a 特困 resident who
     * owes nothing. Township 101 (target 3): an underpayment, nobody paid, a payment whose resident
     * never registered, and a resident withdrawn on 2017-11-01.
     */
    private static List<Event> facts(ReportingMother county) {
        return List.of(county.campaign(), county.targets(),
                county.enrolled(1, 0, true), county.assessed(1, "0", null), county.paid(1, "V1", "180.00"),
                county.enrolled(2, 0, true), county.assessed(2, "140", AssistanceCategory.MINIMUM_LIVING), county.paid(2, "V2", "40.00"),
                county.enrolled(3, 0, false), county.assessed(3, "180", AssistanceCategory.EXTREME_POVERTY),
                county.enrolled(4, 1, true), county.assessed(4, "0", null), county.paid(4, "V4", "100.00"),
                county.enrolled(5, 1, true), county.assessed(5, "0", null),
                county.paid(6, "V6", "180.00"),
                county.enrolled(7, 1, true), county.assessed(7, "0", null), county.paid(7, "V7", "180.00"), county.withdrawn(7));
    }

    @Test
    void aReplayedEnrolmentOlderThanItsWithdrawalLeavesThePersonWithdrawnAndRegisteredUntilThen() {
        ReportingMother county = new ReportingMother("350850");
        Instant enrolledAt = Instant.parse("2017-10-09T02:00:00Z");
        // the enrolment went to the dead-letter topic; its withdrawal was applied meanwhile
        awaitApplied(EventTraffic.publishAt(enrolledAt.plusSeconds(3_600), county.withdrawn(1)));

        awaitApplied(EventTraffic.publishAt(enrolledAt, county.enrolled(1, 0, true)));

        assertThat(jdbc.queryForObject("select withdrawn_on from person_year where person_id = ? and coverage_year = 2018",
                LocalDate.class, county.personId(1))).isEqualTo(LocalDate.of(2017, 11, 1));
        // and registered until then: the figures as of a day before the withdrawal count the person where they lived
        assertThat(jdbc.queryForMap("select registered_at, township from person_year where person_id = ? and coverage_year = 2018",
                county.personId(1))).containsEntry("township", county.township(0)).extractingByKey("registered_at").isNotNull();
    }

    /** A report of campaign 350831 made as of {@code asOf}, as a viewer reads its content. */
    private JsonNode reportContent(ApiClient bureau, String type, String asOf) {
        String reportId = JsonMapper.shared().readTree(bureau.post("/api/v1/reports", "{\"type\":\"" + type
                + "\",\"region\":\"350831\",\"coverageYear\":2018,\"asOf\":\"" + asOf + "\"}").body()).get("reportId").asString();
        return JsonMapper.shared().readTree(ApiClient.at(port).as("viewer").get("/api/v1/reports/" + reportId).body()).get("content");
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }

    /** The county's campaign and targets, set on 2017-10-08 and applied. */
    private void campaignAndTargetsOnOctober8(ReportingMother county) {
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-08T02:00:00Z"), county.campaign()));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-08T02:00:00Z"), county.targets()));
    }

    /** Registered on 9 October, assessed half an hour later and paid at 02:00, each applied before the next is sent. */
    private void paidOnOctober9(ReportingMother county, PersonEnrolled enrolment, String subsidy, AssistanceCategory category,
            String amount) {
        enrolledOnOctober9(county, enrolment, county.assessed(1, subsidy, category));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T02:00:00Z"), county.paid(1, "V1", amount)));
    }

    /** The campaign of Oct 8, the person enrolled on Oct 9 and assessed half an hour after. */
    private void enrolledOnOctober9(ReportingMother county, PersonEnrolled enrolment, ContributionAssessed assessment) {
        campaignAndTargetsOnOctober8(county);
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T01:00:00Z"), enrolment));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T01:30:00Z"), assessment));
    }

    private void awaitApplied(UUID eventId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from inbox where event_id = ?", Integer.class, eventId) == 1);
    }

    /**
     * The dashboard's "最新事实计入用时" was the last application of any fact less the campaign's newest fact: an hour for a
     * campaign whose newest enrolment was an hour old, as soon as anyone's fact was applied. It is how long the newest fact
     * of the last batch applied took from its event to the figures.
     */
    @Test
    void theFreshnessLagIsHowLongTheNewestFactAppliedTook() {
        Instant anHourAgo = Instant.now().minusSeconds(3_600);
        awaitApplied(EventTraffic.publishAt(anHourAgo, new ReportingMother("350859").enrolled(1, 0, true)));
        EventTraffic.publishAt(Instant.now(), new ReportingMother("350860").enrolled(1, 0, true));
        ApiClient viewer = ApiClient.at(port).as("viewer");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode freshness = json(viewer.get("/api/v1/freshness?region=350859&coverageYear=2018"));
            assertThat(Instant.parse(freshness.get("newestFactAt").asString())).isBefore(anHourAgo.plusSeconds(1));
            assertThat(freshness.get("lagSeconds").asDouble()).isLessThan(600);
        });
    }

    /**
     * Each replica applies its own partitions: with two, the dashboard's "最近计入" and lag alternated between them, whichever
     * answered. Each replica records what it applied, and the answer is the latest of them (another replica's here).
     */
    @Test
    void theFreshnessIsTheReadModelsWhicheverReplicaAnswers() {
        awaitApplied(EventTraffic.publishAt(Instant.now(), new ReportingMother("350861").enrolled(1, 0, true)));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from replica_applied", Integer.class) > 0);
        Instant byTheOther = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(10));
        jdbc.update("insert into replica_applied (replica, applied_at, newest_event_time) values ('reporting-service-b', ?, ?)",
                Timestamp.from(byTheOther), Timestamp.from(byTheOther.minusSeconds(42)));
        try {
            JsonNode freshness = json(ApiClient.at(port).as("viewer").get("/api/v1/freshness?region=350861&coverageYear=2018"));

            assertThat(Instant.parse(freshness.get("lastAppliedAt").asString())).isEqualTo(byTheOther);
            assertThat(freshness.get("lagSeconds").asDouble()).isEqualTo(42.0);
        } finally {
            jdbc.update("delete from replica_applied where replica = 'reporting-service-b'");
        }
    }

    /**
     * A campaign before its first fact (a county just defined, or a dashboard opened on a mistyped code) has no newest fact
     * to name: the answer says so instead of failing (it was a 500, which the dashboard's sign-in check met for region 000000).
     */
    @Test
    void theFreshnessOfACampaignWithoutAFactYetNamesNoNewestFact() {
        HttpResponse<String> response = ApiClient.at(port).as("viewer").get("/api/v1/freshness?region=000000&coverageYear=2000");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode newest = json(response).get("newestFactAt");
        assertThat(newest == null || newest.isNull()).as(response.body()).isTrue();
    }

    /** Issue 9: the assistance ledger (台账), the fund's money apart from the people's own; an agency reads its own categories. */
    @Test
    void theAssistanceLedgerShowsSubsidiesAndWhoPaidByCategoryAndTownship() {
        ReportingMother county = new ReportingMother("350832");
        EventTraffic.publish(county.campaign(), county.targets(),
                county.enrolled(1, 0, true), county.assessed(1, "180", AssistanceCategory.EXTREME_POVERTY), county.paidByTheFund(1, "F1", "180.00"),
                county.enrolled(2, 0, true), county.assessed(2, "180", AssistanceCategory.EXTREME_POVERTY),
                county.enrolled(3, 0, true), county.assessed(3, "140", AssistanceCategory.MINIMUM_LIVING), county.paid(3, "V3", "40.00"),
                county.enrolled(4, 1, true), county.assessed(4, "0", null), county.paid(4, "V4", "180.00"),
                // the fund paid the 低保 subsidy only: the person's own 40.00 is still due, as the tax adapter says
                county.enrolled(5, 0, true), county.assessed(5, "140", AssistanceCategory.MINIMUM_LIVING), county.paidByTheFund(5, "F5", "140.00"),
                // 先缴后返: paid in full, certified 低保 later and refunded the subsidy: 40.00 of the person's own stays paid
                county.enrolled(6, 1, true), county.assessed(6, "140", AssistanceCategory.MINIMUM_LIVING), county.paid(6, "V6", "180.00"),
                new PaymentRefunded(county.personId(6), 2018, "350832", "350832V6", "R6", new BigDecimal("140.00"),
                        Instant.parse("2017-10-20T02:00:00.400Z"), "先缴后返"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode township = json(ApiClient.at(port).as("bureau").get("/api/v1/participation?region=350832&coverageYear=2018"))
                    .get("townships").get(0);
            assertThat(township.get("registered").asInt()).isEqualTo(4);
            assertThat(township.get("enrolled").asInt()).isEqualTo(3);
            // 3 of a target of 4 against the campaign's 98 %
            assertThat(township.get("goal").asString()).isEqualTo("0.98");
            assertThat(township.get("goalMet").asBoolean()).isFalse();
            JsonNode lines = json(ApiClient.at(port).as("bureau").get("/api/v1/assistance-ledger?region=350832&coverageYear=2018")).get("lines");
            assertThat(lines).hasSize(3);
            assertThat(lines.get(2).get("township").asString()).isEqualTo(county.township(1));
            assertThat(lines.get(2).get("individualsPaid").asString()).as("net of the refund").isEqualTo("40.00");
            assertThat(lines.get(0).get("category").asString()).isEqualTo("EXTREME_POVERTY");
            assertThat(lines.get(0).get("agency").asString()).isEqualTo("CIVIL_AFFAIRS");
            assertThat(lines.get(0).get("people").asInt()).isEqualTo(2);
            assertThat(lines.get(0).get("subsidy").asString()).isEqualTo("360.00");
            assertThat(lines.get(0).get("fundPaid").asString()).isEqualTo("180.00");
            assertThat(lines.get(0).get("individualsPaid").asString()).isEqualTo("0.00");
            assertThat(lines.get(1).get("category").asString()).isEqualTo("MINIMUM_LIVING");
            assertThat(lines.get(1).get("people").asInt()).isEqualTo(2);
            assertThat(lines.get(1).get("fundPaid").asString()).isEqualTo("140.00");
            assertThat(lines.get(1).get("individualsPaid").asString()).isEqualTo("40.00");
            // registered is not enrolled: the 低保 whose own 40.00 is still due is not yet among the assisted the figures count
            assertThat(lines.get(0).get("enrolled").asInt()).isEqualTo(2);
            assertThat(lines.get(0).get("enrolledSubsidy").asString()).isEqualTo("360.00");
            assertThat(lines.get(1).get("enrolled").asInt()).isEqualTo(1);
            assertThat(lines.get(1).get("enrolledSubsidy").asString()).isEqualTo("140.00");
            assertThat(lines.get(2).get("enrolled").asInt()).isEqualTo(1);
            assertThat(lines.get(0).get("enrolled").asInt() + lines.get(1).get("enrolled").asInt()).isEqualTo(township.get("assisted").asInt());
        });
        // as of a past moment, each person as settled then
        JsonNode october = json(ApiClient.at(port).as("bureau").get("/api/v1/assistance-ledger?region=350832&coverageYear=2018"
                + "&asOf=2017-10-31T15:59:59Z")).get("lines");
        assertThat(october.get(0).get("enrolled").asInt()).isEqualTo(2);
        assertThat(october.get(1).get("category").asString()).isEqualTo("MINIMUM_LIVING");
        assertThat(october.get(1).get("people").asInt()).isEqualTo(2);
        assertThat(october.get(1).get("enrolled").asInt()).isEqualTo(1);
        assertThat(json(ApiClient.at(port).as("rural-revitalization").get("/api/v1/assistance-ledger?region=350832&coverageYear=2018"))
                .get("lines")).isEmpty();
        // as of a second named, the whole second counts, as in every other figure: the refund stamped 02:00:00.4 too
        assertThat(json(ApiClient.at(port).as("bureau").get("/api/v1/assistance-ledger?region=350832&coverageYear=2018"
                + "&asOf=2017-10-20T02:00:00Z")).get("lines").get(2).get("individualsPaid").asString()).isEqualTo("40.00");
        HttpResponse<String> xlsx = ApiClient.at(port).as("bureau").get("/api/v1/assistance-ledger?region=350832&coverageYear=2018&format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("spreadsheetml"));
        assertThat(ApiClient.at(port).as("township-350832100").get("/api/v1/assistance-ledger?region=350832&coverageYear=2018").statusCode())
                .isEqualTo(403);
        for (String farOff : List.of("%2B1000000000-01-01T00:00:00Z", "%2B300000-01-01T00:00:00Z")) {
            HttpResponse<String> refused = ApiClient.at(port).as("bureau").get("/api/v1/assistance-ledger?region=350832&coverageYear=2018&asOf=" + farOff);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"asOf\"");
        }
    }

    /** Issue 10: "a certification arriving in December does not change the Oct 31 or Nov 15 results"; a re-computation is the bureau's act. */
    @Test
    void aStageIsSettledOnceAndOnlyTheBureauRecomputesItSayingWhy() {
        ReportingMother county = new ReportingMother("350833");
        EventTraffic.publish(facts(county).toArray(Event[]::new));
        awaitFigures(county, 3);
        ApiClient bureau = ApiClient.at(port).as("bureau");
        awaitOctoberFigure(bureau, "350833");

        settlements.settleDue("350833", 2018);
        JsonNode settled = json(bureau.get("/api/v1/stages?region=350833&coverageYear=2018")).get("stages").get(0);
        assertThat(settled.get("settledBy").asString()).isEqualTo("schedule");
        assertThat(settled.get("townships").get(1).get("rate").asString()).isEqualTo("0.3333");

        // a payment that arrives late, dated before Oct 31: the day's figures change, the settled stage does not
        EventTraffic.publish(county.paid(5, "V5", "180.00"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json(bureau.get(
                "/api/v1/participation?region=350833&coverageYear=2018&asOf=2017-10-31T15:59:59Z")).get("townships").get(1)
                .get("enrolled").asInt()).isEqualTo(2));
        assertThat(json(bureau.get("/api/v1/stages?region=350833&coverageYear=2018")).get("stages").get(0).get("townships").get(1)
                .get("rate").asString()).isEqualTo("0.3333");

        // the campaign put again with a lower threshold: the settled stage keeps the terms it was judged on
        ObjectNode lowered = (ObjectNode) JsonMapper.shared().readTree(EventJson.write(county.campaign()));
        lowered.put("version", county.campaign().version() + 1);
        ((ObjectNode) lowered.get("stages").get(0)).put("threshold", "0.30");
        EventTraffic.publish(EventJson.read(lowered.toString(), CampaignDefined.class));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select version from campaign where region = '350833' and coverage_year = 2018", Integer.class)
                == county.campaign().version() + 1);
        JsonNode kept = json(bureau.get("/api/v1/stages?region=350833&coverageYear=2018")).get("stages").get(0);
        assertThat(kept.get("threshold").asString()).isEqualTo("0.50");
        assertThat(kept.get("townships").get(1).get("met").asBoolean()).isFalse();

        assertThat(bureau.post("/api/v1/stages/recomputation", "{\"region\":\"350833\",\"coverageYear\":2018,\"deadline\":\"2017-10-31\"}")
                .statusCode()).isEqualTo(400);
        assertThat(ApiClient.at(port).as("viewer").post("/api/v1/stages/recomputation",
                "{\"region\":\"350833\",\"coverageYear\":2018,\"deadline\":\"2017-10-31\",\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        JsonNode recomputed = json(bureau.post("/api/v1/stages/recomputation",
                "{\"region\":\"350833\",\"coverageYear\":2018,\"deadline\":\"2017-10-31\",\"reason\":\"税务补录10月缴费\"}"));
        assertThat(recomputed.get("settledBy").asString()).isEqualTo("bureau");
        assertThat(recomputed.get("townships").get(1).get("rate").asString()).isEqualTo("0.6667");
    }

    /** Gaolou's second target: e-voucher activations per unit against its own target (issue 10). */
    @Test
    void eVoucherActivationsCountPerTownshipAgainstItsTarget() {
        ReportingMother county = new ReportingMother("350834");
        EventTraffic.publish(county.campaign(), county.targetsWithEVouchers(),
                county.enrolled(1, 0, true), county.enrolled(2, 0, true), county.activated(1), county.activated(1, LocalDate.of(2017, 11, 10)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode townships = json(ApiClient.at(port).as("bureau").get("/api/v1/participation?region=350834&coverageYear=2018"))
                    .get("townships");
            assertThat(townships.get(0).get("eVoucherTarget").asInt()).isEqualTo(2);
            assertThat(townships.get(0).get("eVoucherActivated").asInt()).isEqualTo(1);
            assertThat(townships.get(0).get("eVoucherRate").asString()).isEqualTo("0.5000");
            assertThat(townships.get(1).has("eVoucherTarget")).isFalse();
        });
        // the first activation counts, from the first second of its day in Beijing (16:00 UTC the day before); the second,
        // dated earlier, changes nothing
        for (String asOf : List.of("2017-11-15T00:00:00Z", "2017-11-19T15:59:59Z", "2017-11-19T16:00:00Z")) {
            assertThat(json(ApiClient.at(port).as("bureau").get("/api/v1/participation?region=350834&coverageYear=2018&asOf=" + asOf))
                    .get("townships").get(0).get("eVoucherActivated").asInt()).as(asOf).isEqualTo(asOf.endsWith("16:00:00Z") ? 1 : 0);
        }
    }

    /** Lishi: "the education system is a row beside the townships and students enrolled through schools count there". */
    @Test
    void studentsEnrolledThroughSchoolsCountInTheEducationSystemBesideTheTownships() {
        ReportingMother county = new ReportingMother("350835");
        EventTraffic.publish(county.campaign(), county.targetsWithEducationSystem(),
                county.enrolled(1, 0, true), county.assessed(1, "0", null), county.paid(1, "V1", "180.00"),
                county.enrolledAtSchool(2, 0), county.assessed(2, "0", null), county.paid(2, "V2", "180.00"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode townships = json(ApiClient.at(port).as("bureau").get("/api/v1/participation?region=350835&coverageYear=2018"))
                    .get("townships");
            assertThat(townships).hasSize(3);
            assertThat(townships.get(0).get("enrolled").asInt()).isEqualTo(1);
            assertThat(townships.get(2).get("township").asString()).isEqualTo("350835900");
            assertThat(townships.get(2).get("townshipName").asString()).isEqualTo("教育系统");
            assertThat(townships.get(2).get("enrolled").asInt()).isEqualTo(1);
            assertThat(townships.get(2).get("rate").asString()).isEqualTo("0.5000");
        });
    }

    @Test
    void figuresFollowTheSuitesDefinitions() {
        ReportingMother county = new ReportingMother("350825");
        EventTraffic.publish(facts(county).toArray(Event[]::new));

        JsonNode participation = awaitFigures(county, 3);
        assertExpectedFigures(participation, county);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ApiClient.at(port).get("/actuator/prometheus").body())
                .containsPattern("insurance_participation_rate\\{[^}]*coverage_year=\"2018\",region=\"350825\",township=\"350825100\"\\} 0.75\n")
                .containsPattern("insurance_participation_rate\\{[^}]*coverage_year=\"2018\",region=\"350825\",township=\"350825101\"\\} 0.0\n")
                .containsPattern("insurance_inbox_applied_total\\{.*topic=\"insurance.payments.v1\".*\\} [1-9]"));
    }

    @Test
    void theOrderOfArrivalAcrossTopicsAndRepeatedDeliveriesDoNotChangeTheFigures() {
        ReportingMother county = new ReportingMother("350826");
        List<Event> twice = new ArrayList<>();
        facts(county).forEach(fact -> twice.addAll(List.of(fact, fact)));
        EventTraffic.publish(interleaveTopics(twice, new Random(2018)).toArray(Event[]::new));

        assertExpectedFigures(awaitFigures(county, 3), county);
    }

    /**
     * Assessments above zero are judged only for people who paid already (with nothing paid they
     * settle nobody); here each assessment comes after the money, and the second one, assistance
     * ended, must find the person settled against the first.
     */
    @Test
    void aPayableThatRisesAfterThePersonPaidCreatesNoNewDebt() {
        ReportingMother county = new ReportingMother("350843");
        EventTraffic.publish(county.campaign(), county.targets(), county.enrolled(1, 0, true), county.enrolled(2, 0, true),
                county.assessed(2, "0", null));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T03:00:00Z"), county.paid(1, "V1", "40.00")));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-10T02:00:00Z"),
                county.assessed(1, "140", AssistanceCategory.MINIMUM_LIVING)));

        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-11-15T02:00:00Z"), county.assessed(1, "0", null)));

        String path = "/api/v1/participation?region=" + county.campaign().region() + "&coverageYear=2018";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode total = json(ApiClient.at(port).as("viewer").get(path)).get("total");
            assertThat(total.get("registered").asInt()).isEqualTo(2);
            assertThat(total.get("enrolled").asInt()).isEqualTo(1);
        });
    }

    /**
     * As of a moment, a person is held to the payable in force then: 低保 certified on Nov 8, who had
     * paid 40 of 180 before Oct 31, was not settled at Oct 31 (a stage recomputed later must not count them).
     */
    @Test
    void aPayableLoweredAfterAMomentDoesNotSettleThePersonAsOfIt() {
        ReportingMother county = new ReportingMother("350846");
        paidOnOctober9(county, county.enrolled(1, 0, true), "0", null, "40.00");

        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-11-08T02:00:00Z"),
                county.assessed(1, "140", AssistanceCategory.MINIMUM_LIVING)));

        ApiClient bureau = ApiClient.at(port).as("bureau");
        String path = "/api/v1/participation?region=350846&coverageYear=2018";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json(bureau.get(path)).get("total").get("enrolled").asInt())
                .isEqualTo(1));
        assertThat(json(bureau.get(path + "&asOf=2017-10-31T15:59:59Z")).get("total").get("enrolled").asInt()).isZero();
        assertThat(json(bureau.get(path + "&asOf=2017-11-15T15:59:59Z")).get("total").get("enrolled").asInt()).isEqualTo(1);
    }

    /**
     * A pupil assessed at a pupils' standard (100 here) paid it on Oct 9 and was corrected to the general standard (180) on
     * Nov 8: only a change of assistance is held off once settled (DOMAIN.md), so they are not enrolled today, nor as of Nov
     * 15, until they pay the 80; as of Oct 31 they were. (The 100 settled used to stay the cap: they stayed enrolled.)
     */
    @Test
    void aCategoryCorrectedAfterPayingUncountsThePersonUntilTheyPayTheRise() {
        ReportingMother county = new ReportingMother("350901");
        enrolledOnOctober9(county, county.enrolled(1, 0, true), county.assessedFrom(1, "100"));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T02:00:00Z"), county.paid(1, "V1", "100.00")));

        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-11-08T02:00:00Z"), county.assessed(1, "0", null)));

        ApiClient bureau = ApiClient.at(port).as("bureau");
        String path = "/api/v1/participation?region=350901&coverageYear=2018";
        assertThat(json(bureau.get(path)).get("total").get("enrolled").asInt()).isZero();
        assertThat(json(bureau.get(path + "&asOf=2017-11-15T15:59:59Z")).get("total").get("enrolled").asInt()).isZero();
        assertThat(json(bureau.get(path + "&asOf=2017-10-31T15:59:59Z")).get("total").get("enrolled").asInt()).isOne();
        assertThat(json(bureau.get("/api/v1/people/" + county.personId(1) + "?coverageYear=2018")).get("heldTo").asString())
                .isEqualTo("180.00");

        Instant paidTheRise = Instant.parse("2017-11-20T02:00:00Z");
        awaitApplied(EventTraffic.publishAt(paidTheRise, new PaymentConfirmed(county.personId(1), 2018, county.region(),
                county.region() + "V2", new BigDecimal("80.00"), PaymentChannel.WECHAT, paidTheRise, PaymentSource.WEBHOOK)));

        assertThat(json(bureau.get(path)).get("total").get("enrolled").asInt()).isOne();
        assertThat(json(bureau.get(path + "&asOf=2017-11-15T15:59:59Z")).get("total").get("enrolled").asInt()).isZero();
    }

    /**
     * A 低保 pupil (a pupils' standard of 100 here, all of it assisted) owed nothing and settled so, with no money; corrected
     * to the general standard (180, 140 of it assisted), they owe 40 and are not enrolled until they pay it.
     */
    @Test
    void aCategoryCorrectedAfterSettlingWithoutMoneyOwesTheRise() {
        ReportingMother county = new ReportingMother("350902");
        enrolledOnOctober9(county, county.enrolled(1, 0, true), new ContributionAssessed(county.personId(1), 2018, county.region(),
                new BigDecimal("100.00"), new BigDecimal("100.00"), BigDecimal.ZERO.setScale(2), AssistanceCategory.MINIMUM_LIVING,
                AssessmentReason.ENROLLED));
        ApiClient bureau = ApiClient.at(port).as("bureau");
        String path = "/api/v1/participation?region=350902&coverageYear=2018";
        assertThat(json(bureau.get(path)).get("total").get("enrolled").asInt()).isOne();

        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-11-08T02:00:00Z"),
                county.assessed(1, "140", AssistanceCategory.MINIMUM_LIVING)));

        assertThat(json(bureau.get(path)).get("total").get("enrolled").asInt()).isZero();
        assertThat(json(bureau.get("/api/v1/people/" + county.personId(1) + "?coverageYear=2018")).get("heldTo").asString())
                .isEqualTo("40.00");
    }

    /**
     * 未归属缴费, money of people the roster does not have: one who paid 180 on Oct 9, one the assistance fund paid 180 for
     * (代缴), one refunded in full on Oct 20, and one registered on Nov 1. Today the first two, 360.00; as of Oct 15 all
     * four, 720.00; as of Oct 31 all but the refunded one, 540.00.
     */
    @Test
    void unattributedMoneyIsTheFundsToNetOfRefundsAndAsOfItsMoment() {
        ReportingMother county = new ReportingMother("350886");
        campaignAndTargetsOnOctober8(county);
        Instant paidAt = Instant.parse("2017-10-09T02:00:00Z");
        awaitApplied(EventTraffic.publishAt(paidAt, county.paid(1, "V1", "180.00")));
        awaitApplied(EventTraffic.publishAt(paidAt, county.paidByTheFund(2, "V2", "180.00")));
        awaitApplied(EventTraffic.publishAt(paidAt, county.paid(3, "V3", "180.00")));
        awaitApplied(EventTraffic.publishAt(paidAt, county.paid(4, "V4", "180.00")));
        Instant refundedAt = Instant.parse("2017-10-20T02:00:00Z");
        awaitApplied(EventTraffic.publishAt(refundedAt, new PaymentRefunded(county.personId(3), 2018, county.region(),
                county.region() + "V3", county.region() + "R3", new BigDecimal("180.00"), refundedAt, "重复缴费")));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-11-01T02:00:00Z"),
                county.enrolledOn(4, 0, LocalDate.of(2017, 11, 1))));

        ApiClient bureau = ApiClient.at(port).as("bureau");
        String path = "/api/v1/participation?region=350886&coverageYear=2018";
        assertUnattributed(json(bureau.get(path)), 2, "360.00");
        assertUnattributed(json(bureau.get(path + "&asOf=2017-10-15T15:59:59Z")), 4, "720.00");
        assertUnattributed(json(bureau.get(path + "&asOf=2017-10-31T15:59:59Z")), 3, "540.00");
        assertUnattributed(json(bureau.get(path + "&asOf=2017-10-09T01:59:59Z")), 0, "0.00");
    }

    /**
     * 附件3's 村/社区 is what the agency typed, up to the intake's 1,000 characters: a certification with a village longer
     * than any village's name is kept with it, not failed on every try and dead-lettered.
     */
    @Test
    void aCertificationWhoseVillageIsLongerThanAnyVillagesNameIsKept() {
        ReportingMother county = new ReportingMother("350887");
        String village = "城关村（" + "详细地址".repeat(75) + "）";
        EligibilityAdjusted row = county.certified(1, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD);
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T02:00:00Z"), new EligibilityAdjusted(row.personId(),
                row.coverageYear(), row.region(), row.agency(), row.category(), row.action(), row.effectiveDate(), row.batchId(),
                row.township(), village)));

        assertThat(jdbc.queryForObject("select village from eligibility_adjustment where person_id = ?", String.class, row.personId()))
                .isEqualTo(village);
    }

    /**
     * Registered on Oct 9 and paid, moved away on Oct 20, registered again on Nov 1: registered and enrolled as of Oct 15,
     * neither as of Oct 25 (the figures of any moment before the new registration lost them: only the latest was kept).
     */
    @Test
    void someoneRegisteredAgainAfterAWithdrawalCountsAtAMomentOfTheirEarlierRegistration() {
        ReportingMother county = new ReportingMother("350888");
        paidOnOctober9(county, county.enrolled(1, 0, true), "0", null, "180.00");
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-20T02:00:00Z"), new PersonWithdrawn(county.personId(1), 2018,
                county.region(), WithdrawalReason.MOVED_AWAY, LocalDate.of(2017, 10, 20))));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-11-01T02:00:00Z"), county.enrolledOn(1, 0, LocalDate.of(2017, 11, 1))));

        ApiClient bureau = ApiClient.at(port).as("bureau");
        String path = "/api/v1/participation?region=350888&coverageYear=2018";
        JsonNode october15 = json(bureau.get(path + "&asOf=2017-10-15T15:59:59Z")).get("total");
        assertThat(october15.get("registered").asInt()).isOne();
        assertThat(october15.get("enrolled").asInt()).isOne();
        assertThat(json(bureau.get(path + "&asOf=2017-10-25T15:59:59Z")).get("total").get("registered").asInt()).isZero();
        assertThat(json(bureau.get(path + "&asOf=2017-10-25T15:59:59Z")).get("unattributed").get("people").asInt())
                .as("on the roster before: their money was no one's unknown").isZero();
        assertThat(json(bureau.get(path)).get("total").get("registered").asInt()).isOne();

        // the same again for a second person, their withdrawal dead-lettered and replayed after the new registration
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T01:00:00Z"), county.enrolled(2, 0, true)));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T01:30:00Z"), county.assessed(2, "0", null)));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T02:00:00Z"), county.paid(2, "V2", "180.00")));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-11-01T02:00:00Z"), county.enrolledOn(2, 0, LocalDate.of(2017, 11, 1))));
        assertThat(json(bureau.get(path + "&asOf=2017-10-25T15:59:59Z")).get("total").get("registered").asInt())
                .as("the withdrawal not known yet").isEqualTo(1);
        // the new registration withdrawn in its turn: the one it replaced does not outlast the day it began
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-11-20T02:00:00Z"), new PersonWithdrawn(county.personId(2), 2018,
                county.region(), WithdrawalReason.DECEASED, LocalDate.of(2017, 11, 20))));
        assertThat(json(bureau.get(path + "&asOf=2017-11-25T15:59:59Z")).get("total").get("registered").asInt()).isEqualTo(1);
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-20T02:00:00Z"), new PersonWithdrawn(county.personId(2), 2018,
                county.region(), WithdrawalReason.MOVED_AWAY, LocalDate.of(2017, 10, 20))));

        assertThat(json(bureau.get(path + "&asOf=2017-10-15T15:59:59Z")).get("total").get("registered").asInt()).isEqualTo(2);
        assertThat(json(bureau.get(path + "&asOf=2017-10-25T15:59:59Z")).get("total").get("registered").asInt()).isZero();
    }

    private static void assertUnattributed(JsonNode participation, int people, String amount) {
        assertThat(participation.get("unattributed").get("people").asInt()).as(participation.toString()).isEqualTo(people);
        assertThat(participation.get("unattributed").get("amount").asString()).isEqualTo(amount);
    }

    /**
     * Settled at 180 on Oct 9, refunded on Oct 20 (a move the clerk has not recorded yet), 特困 from Nov 10 (payable 0):
     * held to 0 today, and as of Oct 31 to the 180 they settled against, which they no longer had paid.
     */
    @Test
    void aSettledPayableLoweredAfterAMomentDoesNotCountTheRefundedPersonAsOfIt() {
        ReportingMother county = new ReportingMother("350849");
        paidOnOctober9(county, county.enrolled(1, 0, true), "0", null, "180.00");
        Instant refundedAt = Instant.parse("2017-10-20T02:00:00Z");
        awaitApplied(EventTraffic.publishAt(refundedAt, new PaymentRefunded(county.personId(1), 2018, "350849", "350849V1", "350849R1",
                new BigDecimal("180.00"), refundedAt, "已在其他地区参保")));

        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-11-10T02:00:00Z"),
                county.assessed(1, "180", AssistanceCategory.EXTREME_POVERTY)));

        ApiClient bureau = ApiClient.at(port).as("bureau");
        String path = "/api/v1/participation?region=350849&coverageYear=2018";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json(bureau.get(path)).get("total").get("enrolled").asInt())
                .isEqualTo(1));
        assertThat(json(bureau.get(path + "&asOf=2017-10-31T15:59:59Z")).get("total").get("enrolled").asInt()).isZero();
        assertThat(json(bureau.get(path + "&asOf=2017-10-15T15:59:59Z")).get("total").get("enrolled").asInt()).isOne();
        assertThat(json(bureau.get(path + "&asOf=2017-11-15T15:59:59Z")).get("total").get("enrolled").asInt()).isOne();
    }

    /**
     * 低保 (owing 40): the assistance fund paid 160 on Oct 9, 20 beyond the 140 subsidy, and the person their other 20;
     * certified 特困 on Nov 10 (subsidy 180). As of Oct 31 the fund's 20 beyond the subsidy then counted: the person was
     * enrolled. Netted against today's subsidy (180) the fund's money counted for nothing, and they were not.
     */
    @Test
    void asOfAMomentTheFundsMoneyCountsBeyondTheSubsidyInForceThen() {
        ReportingMother county = new ReportingMother("350847");
        enrolledOnOctober9(county, county.enrolled(1, 0, true), county.assessed(1, "140", AssistanceCategory.MINIMUM_LIVING));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T02:00:00Z"), county.paidByTheFund(1, "V1", "160.00")));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T02:00:00Z"), county.paid(1, "V2", "20.00")));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-11-10T02:00:00Z"),
                county.assessed(1, "180", AssistanceCategory.EXTREME_POVERTY)));

        ApiClient bureau = ApiClient.at(port).as("bureau");
        String path = "/api/v1/participation?region=350847&coverageYear=2018";
        assertThat(json(bureau.get(path)).get("total").get("enrolled").asInt()).isOne();
        assertThat(json(bureau.get(path + "&asOf=2017-10-31T15:59:59Z")).get("total").get("enrolled").asInt()).isOne();
        assertThat(json(bureau.get(path + "&asOf=2017-10-09T01:59:59Z")).get("total").get("enrolled").asInt()).isZero();
    }

    /**
     * Paid 180 on Oct 9, withdrawn (employee insurance), registered again in March as a late enrolee who owes the individual
     * and the fiscal part (1,070 here), and refunded the October money after that: settled anew without it, held to the
     * 1,070 and counted once it is paid. The earlier settlement at 180 used to stand as the cap, counting the person once
     * 180 was paid again.
     */
    @Test
    void aRegistrationAfterAWithdrawalIsSettledAnewAgainstWhatItIsAssessed() {
        ReportingMother county = new ReportingMother("350856");
        paidOnOctober9(county, county.enrolled(1, 0, true), "0", null, "180.00");
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-30T02:00:00Z"), county.withdrawn(1)));

        Instant march = Instant.parse("2018-03-05T01:00:00Z");
        awaitApplied(EventTraffic.publishAt(march, county.enrolled(1, 0, true)));
        BigDecimal late = new BigDecimal("1070.00");
        awaitApplied(EventTraffic.publishAt(march.plusSeconds(1), new ContributionAssessed(county.personId(1), 2018, "350856", late,
                BigDecimal.ZERO, late, null, AssessmentReason.ENROLLED)));
        Instant refundedAt = Instant.parse("2018-03-20T02:00:00Z");
        awaitApplied(EventTraffic.publishAt(refundedAt, new PaymentRefunded(county.personId(1), 2018, "350856", "350856V1", "350856R1",
                new BigDecimal("180.00"), refundedAt, "参加职工医保")));
        awaitApplied(EventTraffic.publishAt(march.plusSeconds(3_600), paidInMarch(county, "V2", "180.00")));

        ApiClient bureau = ApiClient.at(port).as("bureau");
        String status = "/api/v1/people/" + county.personId(1) + "?coverageYear=2018";
        JsonNode person = json(bureau.get(status));
        assertThat(person.get("settled").asBoolean()).isFalse();
        assertThat(person.get("heldTo").asString()).isEqualTo("1070.00");
        assertThat(person.get("outstanding").asString()).isEqualTo("890.00");
        String path = "/api/v1/participation?region=350856&coverageYear=2018";
        assertThat(json(bureau.get(path)).get("total").get("enrolled").asInt()).isZero();

        awaitApplied(EventTraffic.publishAt(march.plusSeconds(7_200), paidInMarch(county, "V3", "890.00")));

        assertThat(json(bureau.get(status)).get("counted").asBoolean()).isTrue();
        assertThat(json(bureau.get(path)).get("total").get("enrolled").asInt()).isOne();
    }

    /**
     * 低保 paid their 40 on Oct 9 and lost the assistance on Oct 20 (payable 180, held to the 40 they settled at), then were
     * withdrawn and refunded and registered again, no new assessment following (the payable stayed 180): the registration
     * alone settles anew, so what they owe is 180 from that moment, not the 40 of the earlier settlement.
     */
    @Test
    void aRegistrationAfterAWithdrawalAloneLiftsTheEarlierSettlementsCap() {
        ReportingMother county = new ReportingMother("350857");
        settledAt40LostTheAssistanceAndWithdrawn(county);
        Instant refundedAt = Instant.parse("2017-11-02T02:00:00Z");
        awaitApplied(EventTraffic.publishAt(refundedAt, new PaymentRefunded(county.personId(1), 2018, "350857", "350857V1", "350857R1",
                new BigDecimal("40.00"), refundedAt, "参加职工医保")));
        String status = "/api/v1/people/" + county.personId(1) + "?coverageYear=2018";
        ApiClient bureau = ApiClient.at(port).as("bureau");
        assertThat(json(bureau.get(status)).get("heldTo").asString()).isEqualTo("40.00");

        awaitApplied(EventTraffic.publishAt(Instant.parse("2018-03-05T01:00:00Z"), county.enrolled(1, 0, true)));

        JsonNode person = json(bureau.get(status));
        assertThat(person.get("heldTo").asString()).isEqualTo("180.00");
        assertThat(person.get("outstanding").asString()).isEqualTo("180.00");
    }

    /**
     * The same 低保, withdrawn from Nov 1 and registered again in March: the new registration settles anew from its own time,
     * and the moments of the one it replaced keep that one's settlement. As of Oct 31 they counted, held to the 40 they
     * settled at, before the March registration and after it; reading that moment again later un-counted them (held to 180).
     */
    @Test
    void aRegistrationAfterAWithdrawalLeavesTheMomentsOfTheEarlierOneAsTheyStood() {
        ReportingMother county = new ReportingMother("350896");
        settledAt40LostTheAssistanceAndWithdrawn(county);
        ApiClient bureau = ApiClient.at(port).as("bureau");
        String october31 = "/api/v1/participation?region=350896&coverageYear=2018&asOf=2017-10-31T15:59:59Z";
        assertThat(json(bureau.get(october31)).get("total").get("enrolled").asInt()).isOne();

        awaitApplied(EventTraffic.publishAt(Instant.parse("2018-03-05T01:00:00Z"), county.enrolled(1, 0, true)));

        assertThat(json(bureau.get(october31)).get("total").get("enrolled").asInt()).isOne();
        assertThat(json(bureau.get("/api/v1/participation?region=350896&coverageYear=2018&asOf=2018-03-06T00:00:00Z"))
                .get("total").get("enrolled").asInt()).as("the new registration owes 180 and has paid nothing since").isZero();
    }

    /** 低保 who paid their 40 on Oct 9, lost the assistance on Oct 20 (held to the 40) and were withdrawn from Nov 1. */
    private void settledAt40LostTheAssistanceAndWithdrawn(ReportingMother county) {
        paidOnOctober9(county, county.enrolled(1, 0, true), "140", AssistanceCategory.MINIMUM_LIVING, "40.00");
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-20T02:00:00Z"), county.assessed(1, "0", null)));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-30T02:00:00Z"), county.withdrawn(1)));
    }

    /**
     * As {@link #aRegistrationAfterAWithdrawalIsSettledAnewAgainstWhatItIsAssessed} for someone who paid 40 as 低保, refunded
     * in November, the withdrawal dead-lettered and replayed after the March registration (unassisted, 1,070): settled anew
     * all the same, as when it came first. Until then the October settlement of 40 is the cap, moved by the standard's rise
     * (180 to 1,070), not by the assistance ended.
     */
    @Test
    void aWithdrawalReplayedAfterTheRegistrationThatFollowedItStillSettlesThatRegistrationAnew() {
        ReportingMother county = new ReportingMother("350848");
        paidOnOctober9(county, county.enrolled(1, 0, true), "140", AssistanceCategory.MINIMUM_LIVING, "40.00");
        Instant refundedAt = Instant.parse("2017-11-02T02:00:00Z");
        awaitApplied(EventTraffic.publishAt(refundedAt, new PaymentRefunded(county.personId(1), 2018, county.region(),
                county.region() + "V1", county.region() + "R1", new BigDecimal("40.00"), refundedAt, "参加职工医保")));
        Instant march = Instant.parse("2018-03-05T01:00:00Z");
        awaitApplied(EventTraffic.publishAt(march, county.enrolled(1, 0, true)));
        BigDecimal late = new BigDecimal("1070.00");
        awaitApplied(EventTraffic.publishAt(march.plusSeconds(1), new ContributionAssessed(county.personId(1), 2018, county.region(), late,
                BigDecimal.ZERO, late, null, AssessmentReason.ENROLLED)));
        ApiClient bureau = ApiClient.at(port).as("bureau");
        String status = "/api/v1/people/" + county.personId(1) + "?coverageYear=2018";
        assertThat(json(bureau.get(status)).get("heldTo").asString()).as("the withdrawal not read yet").isEqualTo("930.00");

        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-30T02:00:00Z"), county.withdrawn(1)));

        assertThat(json(bureau.get(status)).get("heldTo").asString()).isEqualTo("1070.00");
    }

    /**
     * 撤销终止参保: 低保 paid their 40 and lost the assistance after (held to the 40), withdrawn by mistake and the withdrawal
     * revoked: enrollment announces the enrolment again with its own day, and the registration goes on, settlement and all
     * (settled anew, it would have owed 180).
     */
    @Test
    void aRevokedWithdrawalLeavesTheSettlementAsItWas() {
        ReportingMother county = new ReportingMother("350871");
        PersonEnrolled enrolment = county.enrolledOn(1, LocalDate.of(2017, 10, 9));
        paidOnOctober9(county, enrolment, "140", AssistanceCategory.MINIMUM_LIVING, "40.00");
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-20T02:00:00Z"), county.assessed(1, "0", null)));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-30T02:00:00Z"), county.withdrawn(1)));

        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-11-05T02:00:00Z"), enrolment));

        JsonNode person = json(ApiClient.at(port).as("bureau").get("/api/v1/people/" + county.personId(1) + "?coverageYear=2018"));
        assertThat(person.get("heldTo").asString()).isEqualTo("40.00");
        assertThat(person.get("counted").asBoolean()).isTrue();
    }

    /**
     * As {@link #aRevokedWithdrawalLeavesTheSettlementAsItWas}, the withdrawal dated the enrolment's own day (a duplicate
     * found the day it was made), which the enrolment announced again no longer tells apart from a registration after it:
     * the announcement says it revokes the withdrawal, and the settlement stands, the withdrawal read first or replayed
     * after it. Before, both were settled anew and owed 180.
     */
    @Test
    void aWithdrawalDatedTheEnrolmentsDayAndRevokedLeavesTheSettlementAsItWasInEitherOrder() {
        for (String region : List.of("350892", "350893")) {
            boolean inOrder = region.equals("350892");
            ReportingMother county = new ReportingMother(region);
            PersonEnrolled enrolment = county.enrolledOn(1, LocalDate.of(2017, 10, 9));
            paidOnOctober9(county, enrolment, "140", AssistanceCategory.MINIMUM_LIVING, "40.00");
            awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-20T02:00:00Z"), county.assessed(1, "0", null)));
            PersonWithdrawn sameDay = new PersonWithdrawn(county.personId(1), 2018, region, WithdrawalReason.DUPLICATE, LocalDate.of(2017, 10, 9));
            Instant withdrawnAt = Instant.parse("2017-10-30T02:00:00Z");
            Instant revokedAt = Instant.parse("2017-11-05T02:00:00Z");
            if (inOrder) {
                awaitApplied(EventTraffic.publishAt(withdrawnAt, sameDay));
                awaitApplied(EventTraffic.publishAt(revokedAt, enrolment.revokingAWithdrawal()));
            } else {
                awaitApplied(EventTraffic.publishAt(revokedAt, enrolment.revokingAWithdrawal()));
                awaitApplied(EventTraffic.publishAt(withdrawnAt, sameDay));
            }

            JsonNode person = json(ApiClient.at(port).as("bureau").get("/api/v1/people/" + county.personId(1) + "?coverageYear=2018"));
            assertThat(person.get("heldTo").asString()).as(inOrder ? "in order" : "replayed").isEqualTo("40.00");
            assertThat(person.get("counted").asBoolean()).isTrue();
        }
    }

    private static PaymentConfirmed paidInMarch(ReportingMother county, String voucher, String amount) {
        return new PaymentConfirmed(county.personId(1), 2018, county.region(), county.region() + voucher, new BigDecimal(amount),
                PaymentChannel.WECHAT, Instant.parse("2018-03-05T03:00:00Z"), PaymentSource.WEBHOOK);
    }

    /**
     * 低保 owing 40: the person pays 40, the assistance fund pays 140 and takes it back. The fund's voucher dead-lettered and
     * replayed after its refund: the refund is the fund's all the same, and the person stays enrolled, as in order.
     */
    @Test
    void aRefundOfAFundVoucherThatOvertakesTheVoucherIsTheFundsAllTheSame() {
        ReportingMother county = new ReportingMother("350852");
        EventTraffic.publish(county.campaign(), county.targets(), county.enrolled(1, 0, true),
                county.assessed(1, "140", AssistanceCategory.MINIMUM_LIVING), county.paid(1, "V1", "40.00"));
        Instant refundedAt = Instant.parse("2017-10-20T02:00:00Z");
        awaitApplied(EventTraffic.publishAt(refundedAt, new PaymentRefunded(county.personId(1), 2018, "350852", "350852V2", "350852R2",
                new BigDecimal("140.00"), refundedAt, "代缴有误")));

        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T02:00:00Z"), county.paidByTheFund(1, "V2", "140.00")));

        String path = "/api/v1/participation?region=350852&coverageYear=2018";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json(ApiClient.at(port).as("viewer").get(path))
                .get("total").get("enrolled").asInt()).isEqualTo(1));
        assertThat(jdbc.queryForMap("select refunded_amount::text as own, fund_paid_amount::text as fund from person_year"
                + " where person_id = ? and coverage_year = 2018", county.personId(1))).containsEntry("own", "0.00").containsEntry("fund", "0.00");
    }

    @Test
    void eachAssistedGroupShowsHowManyOfItsPeopleAreEnrolled() {
        ReportingMother county = new ReportingMother("350829");
        List<Event> facts = new ArrayList<>(facts(county));
        facts.add(county.certified(2, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD));
        facts.add(county.certified(4, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD));
        facts.add(county.certified(8, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD));
        facts.add(county.certified(3, AssistanceCategory.EXTREME_POVERTY, AdjustmentAction.ADD));
        facts.add(county.certified(5, AssistanceCategory.MONITORED, AdjustmentAction.ADD));
        facts.add(county.certified(5, AssistanceCategory.MONITORED, AdjustmentAction.EXIT));
        // as the townships' assisted figures count them: a list's rows count from their effective day, the withdrawn are not chased
        LocalDate ahead = LocalDate.now().plusYears(1);
        facts.add(county.certified(2, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.EXIT, ahead));
        facts.add(county.certified(9, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD, ahead));
        facts.add(county.certified(7, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD));
        EventTraffic.publish(facts.toArray(Event[]::new));
        awaitFigures(county, 3);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode categories = JsonMapper.shared().readTree(ApiClient.at(port).as("bureau")
                    .get("/api/v1/participation/categories?region=350829&coverageYear=2018").body());
            // 低保: 2 paid (leaves the list next year), 4 underpaid, 8 never enrolled, 9 from next year, 7 withdrawn;
            // 特困: 3 owes nothing; 监测对象: 5 left the list
            assertThat(categories).hasSize(2);
            assertThat(categories.get(0).get("category").asString()).isEqualTo("EXTREME_POVERTY");
            assertThat(categories.get(0).get("rate").asString()).isEqualTo("1.0000");
            assertThat(categories.get(1).get("category").asString()).isEqualTo("MINIMUM_LIVING");
            assertThat(categories.get(1).get("certified").asInt()).isEqualTo(3);
            assertThat(categories.get(1).get("enrolled").asInt()).isEqualTo(1);
            assertThat(categories.get(1).get("rate").asString()).isEqualTo("0.3333");
        });
    }

    /**
     * 农转城: civil affairs moves resident 2 from rural to urban 低保 with an EXIT and an ADD of one day, and resident 3 from
     * urban to rural with the EXIT days later; both stay certified, as subsidy-service assesses them. Resident 4 left rural
     * 低保, and resident 8, added by the category alone before subcategories were kept, left it by an EXIT of 农村低保.
     */
    @Test
    void aTransferBetweenSubcategoriesKeepsThePersonCertified() {
        ReportingMother county = new ReportingMother("350866");
        List<Event> facts = new ArrayList<>(facts(county));
        LocalDate added = LocalDate.of(2017, 9, 1);
        LocalDate october = LocalDate.of(2017, 10, 15);
        facts.add(county.certified(2, AssistanceSubcategory.RURAL_MINIMUM_LIVING, AdjustmentAction.ADD, added));
        facts.add(county.certified(2, AssistanceSubcategory.URBAN_MINIMUM_LIVING, AdjustmentAction.ADD, october));
        facts.add(county.certified(2, AssistanceSubcategory.RURAL_MINIMUM_LIVING, AdjustmentAction.EXIT, october));
        facts.add(county.certified(3, AssistanceSubcategory.URBAN_MINIMUM_LIVING, AdjustmentAction.ADD, added));
        facts.add(county.certified(3, AssistanceSubcategory.RURAL_MINIMUM_LIVING, AdjustmentAction.ADD, october));
        facts.add(county.certified(3, AssistanceSubcategory.URBAN_MINIMUM_LIVING, AdjustmentAction.EXIT, october.plusDays(5)));
        facts.add(county.certified(4, AssistanceSubcategory.RURAL_MINIMUM_LIVING, AdjustmentAction.ADD, added));
        facts.add(county.certified(4, AssistanceSubcategory.RURAL_MINIMUM_LIVING, AdjustmentAction.EXIT, october));
        facts.add(county.certified(8, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD, added));
        facts.add(county.certified(8, AssistanceSubcategory.RURAL_MINIMUM_LIVING, AdjustmentAction.EXIT, october));
        EventTraffic.publish(facts.toArray(Event[]::new));
        awaitFigures(county, 3);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode categories = JsonMapper.shared().readTree(ApiClient.at(port).as("bureau")
                    .get("/api/v1/participation/categories?region=350866&coverageYear=2018").body());
            assertThat(categories).singleElement().satisfies(minimumLiving -> {
                assertThat(minimumLiving.get("category").asString()).isEqualTo("MINIMUM_LIVING");
                assertThat(minimumLiving.get("certified").asInt()).isEqualTo(2);
                assertThat(minimumLiving.get("enrolled").asInt()).isEqualTo(2);
            });
        });
    }

    /**
     * 同缴同补 by the campaign in force: 低保 effective 15 January came while the cut-off was the period's end, 31 December, so
     * subsidy-service gave the row the next coverage year; a new campaign version moves the cut-off to 31 January, and the
     * person counts as certified for this year, as subsidy-service now assesses them, whatever year the row was given.
     */
    @Test
    void aCertificationCountsForTheYearWhoseCutoffTheCampaignMovedPastIt() {
        ReportingMother county = new ReportingMother("350867");
        List<Event> facts = new ArrayList<>(facts(county));
        facts.add(new EligibilityAdjusted(county.personId(2), 2019, "350867", Agency.CIVIL_AFFAIRS, AssistanceCategory.MINIMUM_LIVING,
                AdjustmentAction.ADD, LocalDate.of(2018, 1, 15), "batch-2018-01", county.township(0), "城关村"));
        EventTraffic.publish(facts.toArray(Event[]::new));
        awaitFigures(county, 3);

        ObjectNode later = (ObjectNode) JsonMapper.shared().readTree(EventJson.write(county.campaign()));
        later.put("version", county.campaign().version() + 1).put("assistanceCutoff", "2018-01-31");
        EventTraffic.publish(EventJson.read(later.toString(), CampaignDefined.class));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(JsonMapper.shared().readTree(ApiClient.at(port).as("bureau")
                .get("/api/v1/participation/categories?region=350867&coverageYear=2018").body())).singleElement()
                .satisfies(minimumLiving -> {
                    assertThat(minimumLiving.get("category").asString()).isEqualTo("MINIMUM_LIVING");
                    assertThat(minimumLiving.get("certified").asInt()).isOne();
                }));
    }

    /**
     * 新认定困难人员: resident 1 enrolled on 20 March as newly certified, and civil affairs' 低保 took effect on 1 April, the
     * month after, as subsidy-service assesses them (the individual part after assistance): certified for this year, as is
     * resident 7, whose 低保 of 1 March the enrolment followed, and a child a welfare institution took in on 5 May with 特困
     * of that day (resident 4). Resident 2's 低保 came in July and resident 5's on 1 May, past the campaign's window (the end
     * of April); resident 3, an ordinary late enrolment, became 低保 on 1 April; resident 6 enrolled so in another county:
     * all count from the next year here, as does resident 8, whose 低保 of 1 April civil affairs ended the same day. A campaign
     * version that gives the case four months counts residents 2 and 5 too.
     * As of 10 March resident 7 had not enrolled yet, so their 低保 of 1 March was next year's.
     */
    @Test
    void anEnrolmentMadeOnANewCertificationCountsItForTheYear() {
        ReportingMother county = new ReportingMother("350868");
        campaignAndTargetsOnOctober8(county);
        LocalDate march20 = LocalDate.of(2018, 3, 20);
        LocalDate april = LocalDate.of(2018, 4, 1);
        List<UUID> published = new ArrayList<>();
        for (Event fact : List.of(
                county.enrolledAssisted(1, SpecialCase.NEWLY_ASSISTED, march20), county.assessed(1, "140", AssistanceCategory.MINIMUM_LIVING),
                county.paid(1, "V1", "40.00"), county.certified(1, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD, april),
                county.enrolledAssisted(2, SpecialCase.NEWLY_ASSISTED, march20), county.assessed(2, "0", null),
                county.paid(2, "V2", "180.00"),
                county.certified(2, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD, LocalDate.of(2018, 7, 1)),
                county.enrolled(3, 0, true), county.paid(3, "V3", "180.00"),
                county.certified(3, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD, april),
                county.enrolledAssisted(4, SpecialCase.WELFARE_INSTITUTION, LocalDate.of(2018, 5, 5)),
                county.assessed(4, "180", AssistanceCategory.EXTREME_POVERTY),
                county.certified(4, AssistanceCategory.EXTREME_POVERTY, AdjustmentAction.ADD, LocalDate.of(2018, 5, 5)),
                county.enrolledAssisted(5, SpecialCase.NEWLY_ASSISTED, march20),
                county.certified(5, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD, LocalDate.of(2018, 5, 1)),
                county.enrolledAssistedIn("350869", 6, SpecialCase.NEWLY_ASSISTED, march20),
                county.certified(6, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD, april),
                county.enrolledAssisted(7, SpecialCase.NEWLY_ASSISTED, march20), county.assessed(7, "140", AssistanceCategory.MINIMUM_LIVING),
                county.paid(7, "V7", "40.00"),
                county.certified(7, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD, LocalDate.of(2018, 3, 1)),
                county.enrolledAssisted(8, SpecialCase.NEWLY_ASSISTED, march20),
                county.certified(8, AssistanceSubcategory.RURAL_MINIMUM_LIVING, AdjustmentAction.ADD, april),
                county.certified(8, AssistanceSubcategory.RURAL_MINIMUM_LIVING, AdjustmentAction.EXIT, april))) {
            published.add(EventTraffic.publishAt(Instant.parse("2018-05-10T02:00:00Z"), fact));
        }
        published.forEach(this::awaitApplied);

        assertThat(categories(county)).hasSize(2).satisfiesExactly(
                extremePoverty -> assertThat(extremePoverty.get("certified").asInt()).isOne(),
                minimumLiving -> {
                    assertThat(minimumLiving.get("category").asString()).isEqualTo("MINIMUM_LIVING");
                    assertThat(minimumLiving.get("certified").asInt()).isEqualTo(2);
                    assertThat(minimumLiving.get("enrolled").asInt()).isEqualTo(2);
                });
        assertThat(assistedPeopleAsOf(county, "2018-03-10T04:00:00Z")).isZero();
        assertThat(assistedPeopleAsOf(county, "2018-03-25T04:00:00Z")).isOne();

        ObjectNode later = (ObjectNode) JsonMapper.shared().readTree(EventJson.write(county.campaign()));
        later.put("version", county.campaign().version() + 1).withArray("specialCases").addObject()
                .put("case", "NEWLY_ASSISTED").put("coverageFrom", "DAY_AFTER_PAYMENT").put("certificationWithinMonths", 4);
        awaitApplied(EventTraffic.publishAt(Instant.parse("2018-05-11T02:00:00Z"),
                EventJson.read(later.toString(), CampaignDefined.class)));

        JsonNode minimumLiving = categories(county).get(1);
        assertThat(minimumLiving.get("certified").asInt()).isEqualTo(4);
        assertThat(minimumLiving.get("enrolled").asInt()).isEqualTo(3);
    }

    /**
     * Resident 1 of a county that assists no 脱贫户 (稳定脱贫) enrolled on 20 March as newly certified: rural revitalisation
     * listed them 脱贫户 from 1 March, civil affairs 低保 from 1 April. The 脱贫户 row cannot have led to the enrolment; the
     * 低保 counts for the year, as subsidy-service assesses it (the 脱贫户 row closed the window at the enrolment's day), and
     * so does the 脱贫户 row, effective before the enrolment, as resident 2's, whose only row after the cut-off it is.
     */
    @Test
    void onlyACertificationOfACategoryTheCampaignAssistsLedToTheEnrolment() {
        ReportingMother county = new ReportingMother("350895");
        campaignAndTargetsOnOctober8(county);
        List<UUID> published = new ArrayList<>();
        for (Event fact : List.of(county.enrolledAssisted(1, SpecialCase.NEWLY_ASSISTED, LocalDate.of(2018, 3, 20)),
                county.certified(1, AssistanceCategory.STABLE_EX_POOR, AdjustmentAction.ADD, LocalDate.of(2018, 3, 1)),
                county.certified(1, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD, LocalDate.of(2018, 4, 1)),
                county.enrolledAssisted(2, SpecialCase.NEWLY_ASSISTED, LocalDate.of(2018, 3, 20)),
                county.certified(2, AssistanceCategory.STABLE_EX_POOR, AdjustmentAction.ADD, LocalDate.of(2018, 3, 1)))) {
            published.add(EventTraffic.publishAt(Instant.parse("2018-05-10T02:00:00Z"), fact));
        }
        published.forEach(this::awaitApplied);

        assertThat(categories(county).valueStream().map(category -> category.get("category").asString() + " "
                + category.get("certified").asInt())).containsExactlyInAnyOrder("MINIMUM_LIVING 1", "STABLE_EX_POOR 2");
    }

    /**
     * A row effective from the birth carries no date, only the year subsidy-service counted it for from the date it keeps:
     * a 2018 baby certified from its birth, after the 2018 cut-off, counts from 2019, as subsidy-service assesses it; a baby
     * born before the cut-off counts for 2018. Kept as the earliest day, the first row counted for 2018 as well.
     */
    @Test
    void aRowFromTheBirthCountsFromTheYearItWasGiven() {
        ReportingMother county = new ReportingMother("350897");
        campaignAndTargetsOnOctober8(county);
        List<UUID> published = new ArrayList<>();
        for (Event fact : List.of(county.newborn(1, true), county.certifiedFromBirth(1, AssistanceCategory.MINIMUM_LIVING, 2019),
                county.newbornBeforeTheYear(2), county.certifiedFromBirth(2, AssistanceCategory.MINIMUM_LIVING, 2018))) {
            published.add(EventTraffic.publishAt(Instant.parse("2018-05-10T02:00:00Z"), fact));
        }
        published.forEach(this::awaitApplied);

        assertThat(categories(county).valueStream().map(category -> category.get("category").asString() + " "
                + category.get("certified").asInt())).containsExactly("MINIMUM_LIVING 1");
    }

    /** The certified needy of the county's first township as of a moment, as the townships' figures count them. */
    private int assistedPeopleAsOf(ReportingMother county, String moment) {
        return json(ApiClient.at(port).as("bureau").get("/api/v1/participation?region=" + county.campaign().region()
                + "&coverageYear=2018&asOf=" + moment)).get("townships").get(0).get("assistedPeople").get("of").asInt();
    }

    private JsonNode categories(ReportingMother county) {
        return json(ApiClient.at(port).as("bureau")
                .get("/api/v1/participation/categories?region=" + county.campaign().region() + "&coverageYear=2018"));
    }

    /**
     * Resident 7 enrolled (2017-10-09) and paid, then withdrew on 2017-11-01: township 101 had one
     * of three at the first deadline and none at the second.
     */
    @Test
    void stagesRankingsAndPastFiguresCountByBusinessDay() {
        ReportingMother county = new ReportingMother("350830");
        List<Event> facts = new ArrayList<>(facts(county));
        // two townships: a bottom of one (a bottom of three would be everyone, which is no bottom)
        facts.set(0, county.campaign().withJudging(null, null, new CampaignDefined.Ranking(1, 2, 3)));
        EventTraffic.publish(facts.toArray(Event[]::new));
        awaitFigures(county, 3);
        ApiClient bureau = ApiClient.at(port).as("bureau");

        JsonNode before = JsonMapper.shared().readTree(bureau.get("/api/v1/participation?region=350830&coverageYear=2018"
                + "&asOf=2017-10-01T00:00:00Z").body());
        assertThat(before.get("total").get("registered").asInt()).isZero();
        awaitOctoberFigure(bureau, "350830");

        JsonNode stages = JsonMapper.shared().readTree(bureau.get("/api/v1/stages?region=350830&coverageYear=2018").body()).get("stages");
        JsonNode first = stages.get(0).get("townships");
        assertThat(first.get(0).get("met").asBoolean()).isTrue();
        assertThat(first.get(0).get("reward").asString()).isEqualTo("500.00");
        assertThat(first.get(1).get("rate").asString()).isEqualTo("0.3333");
        assertThat(first.get(1).get("met").asBoolean()).isFalse();
        JsonNode second = stages.get(1).get("townships");
        assertThat(second.get(0).get("met").asBoolean()).isTrue();
        assertThat(second.get(1).get("rate").asString()).isEqualTo("0.0000");
        assertThat(second.get(1).get("penalty").asString()).isEqualTo("3750.00");

        JsonNode rankings = JsonMapper.shared().readTree(bureau.get("/api/v1/rankings?region=350830&coverageYear=2018&period=HALF_MONTHLY")
                .body()).get("rankings");
        assertThat(rankings).hasSize(8);
        JsonNode midOctober = rankings.get(2);
        assertThat(midOctober.get("periodEnd").asString()).isEqualTo("2017-10-15");
        assertThat(midOctober.get("townships").get(0).get("township").asString()).isEqualTo(county.township(0));
        assertThat(midOctober.get("townships").get(1).get("rate").asString()).isEqualTo("0.3333");
        // the county's rate at a period end is the sums' (the dashboard's 全县 line), not today's targets weighting the rates
        assertThat(midOctober.get("townships").get(1).get("enrolled").asInt()).isOne();
        assertThat(midOctober.get("townships").get(1).get("target").asInt()).isEqualTo(3);
        // at the bottom from Oct 15 to Dec 31: six half-months in a row
        assertThat(rankings.get(7).get("bottomThree").get(0).get("consecutive").asInt()).isEqualTo(6);
        // DOMAIN.md: "Ties share a rank"; both at 0 % share the first, and whoever shares the first is at no bottom
        JsonNode midSeptember = rankings.get(0).get("townships");
        assertThat(midSeptember.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(midSeptember.get(1).get("rank").asInt()).isEqualTo(1);
        assertThat(rankings.get(1).get("bottomThree")).isEmpty();
        assertThat(rankings.get(1).get("townships").get(1).get("consecutive").asInt()).isZero();
        // at the bottom twice in a row → written explanation, three times → criticism
        assertThat(rankings.get(2).get("townships").get(1).get("writtenExplanation").asBoolean()).isFalse();
        assertThat(rankings.get(3).get("townships").get(1).get("writtenExplanation").asBoolean()).isTrue();
        assertThat(rankings.get(3).get("townships").get(1).get("criticised").asBoolean()).isFalse();
        assertThat(rankings.get(4).get("townships").get(1).get("criticised").asBoolean()).isTrue();
        assertThat(rankings.get(4).get("townships").get(0).get("consecutive").asInt()).as("the leader").isZero();
        assertThat(bureau.get("/api/v1/rankings?region=350830&coverageYear=2018&period=WEEKLY").statusCode()).isEqualTo(400);
    }

    /**
     * A street whose residents are all in employee insurance has nobody to enrol (target 0): it earned every stage's reward
     * on "0 of 0" and sat last in every ranking at a rate of 0, pushing a township out of the bottom three. It is now neither.
     */
    @Test
    void aUnitWithNobodyToEnrolIsNeitherRewardedNorRanked() {
        ReportingMother county = new ReportingMother("350853");
        List<Event> facts = new ArrayList<>(facts(county));
        facts.set(1, new TargetsSet("350853", 2018, List.of(new TargetsSet.Target(county.township(0), "莲峰镇", 4),
                new TargetsSet.Target(county.township(1), "文亨镇", 3), new TargetsSet.Target(county.township(2), "东街街道", 0))));
        EventTraffic.publish(facts.toArray(Event[]::new));
        awaitFigures(county, 3);
        ApiClient bureau = ApiClient.at(port).as("bureau");
        awaitOctoberFigure(bureau, "350853");

        JsonNode stage = json(bureau.get("/api/v1/stages?region=350853&coverageYear=2018")).get("stages").get(0).get("townships");
        assertThat(stage.valueStream().map(township -> township.get("township").asString()).toList())
                .as("judged: the townships with people to enrol").containsExactly(county.township(0), county.township(1));
        JsonNode rankings = json(bureau.get("/api/v1/rankings?region=350853&coverageYear=2018&period=MONTHLY")).get("rankings");
        assertThat(rankings.get(0).get("townships").valueStream().map(township -> township.get("township").asString()).toList())
                .containsExactly(county.township(0), county.township(1));
    }

    /** A campaign that counts only the last one at the bottom: the bulletin's column and the rankings say so, not 后三. */
    @Test
    void theBottomIsAsManyAsTheCampaignCounts() {
        ReportingMother county = new ReportingMother("350854");
        List<Event> facts = new ArrayList<>(facts(county));
        facts.set(0, county.campaign().withJudging(null, null, new CampaignDefined.Ranking(1, 2, 3)));
        EventTraffic.publish(facts.toArray(Event[]::new));
        awaitFigures(county, 3);
        ApiClient bureau = ApiClient.at(port).as("bureau");
        awaitOctoberFigure(bureau, "350854");

        JsonNode october = json(bureau.get("/api/v1/rankings?region=350854&coverageYear=2018&period=MONTHLY")).get("rankings")
                .valueStream().filter(ranking -> ranking.get("periodEnd").asString().equals("2017-10-31")).findFirst().orElseThrow();
        assertThat(october.get("bottom").asInt()).isOne();
        assertThat(october.get("bottomThree")).hasSize(1);
        String reportId = JsonMapper.shared().readTree(bureau.post("/api/v1/reports",
                "{\"type\":\"MONTHLY\",\"region\":\"350854\",\"coverageYear\":2018,\"asOf\":\"2017-10-31T15:59:59Z\"}").body())
                .get("reportId").asString();
        assertThat(ApiClient.at(port).as("viewer").get("/api/v1/reports/" + reportId + "/content.html").body())
                .contains("连续后一名次数").doesNotContain("后三");
    }

    /**
     * DOMAIN.md's bottom three of a county ranking two townships would be both of them, the leader too, criticised by the
     * third half-month (Gaolou ranks one township): a ranking of no more units than its bottom has none.
     */
    @Test
    void aRankingOfNoMoreUnitsThanItsBottomHasNoBottom() {
        ReportingMother county = new ReportingMother("350855");
        EventTraffic.publish(facts(county).toArray(Event[]::new));
        awaitFigures(county, 3);
        ApiClient bureau = ApiClient.at(port).as("bureau");
        awaitOctoberFigure(bureau, "350855");

        JsonNode rankings = json(bureau.get("/api/v1/rankings?region=350855&coverageYear=2018&period=HALF_MONTHLY")).get("rankings");
        assertThat(rankings.valueStream().flatMap(ranking -> ranking.get("bottomThree").valueStream()).toList()).isEmpty();
        assertThat(rankings.valueStream().flatMap(ranking -> ranking.get("townships").valueStream())
                .filter(township -> township.get("criticised").asBoolean() || township.get("consecutive").asInt() > 0).toList()).isEmpty();

        // a campaign that counts nobody at the bottom (bottom 0) read past the ranking's end: a 500 every 5 s on the dashboard
        JsonNode none = monthlyRankingsUnder("350858", new CampaignDefined.Ranking(0, 2, 3), bureau);
        assertThat(none.valueStream().flatMap(ranking -> ranking.get("bottomThree").valueStream()).toList()).isEmpty();

        // a campaign kept from before enrollment refused a count of 0 (criticise after 0 periods): only the bottom is flagged
        JsonNode ranked = monthlyRankingsUnder("350894", new CampaignDefined.Ranking(1, 0, 0), bureau);
        assertThat(ranked.valueStream().flatMap(ranking -> ranking.get("townships").valueStream())
                .filter(township -> township.get("criticised").asBoolean() || township.get("writtenExplanation").asBoolean())
                .map(township -> township.get("consecutive").asInt()).toList()).isNotEmpty().allMatch(consecutive -> consecutive > 0);
    }

    /** The monthly rankings of a county of {@link #facts} whose campaign ranks as {@code ranking} says. */
    private JsonNode monthlyRankingsUnder(String region, CampaignDefined.Ranking ranking, ApiClient bureau) {
        ReportingMother county = new ReportingMother(region);
        List<Event> facts = new ArrayList<>(facts(county));
        facts.set(0, county.campaign().withJudging(null, null, ranking));
        EventTraffic.publish(facts.toArray(Event[]::new));
        awaitOctoberFigure(bureau, region);
        return json(bureau.get("/api/v1/rankings?region=" + region + "&coverageYear=2018&period=MONTHLY")).get("rankings");
    }

    /**
     * A street with nobody to enrol for November (its target revised to 0, then back) sat that month out: at the bottom in
     * October and again in December is not two months in a row, and owes no written explanation.
     */
    @Test
    void aUnitThatSatAPeriodOutStartsItsStreakAgain() {
        String region = "350889";
        ReportingMother county = new ReportingMother(region);
        List<Event> facts = new ArrayList<>(List.of(county.campaign(), targets(county, 5)));
        // rates 100 %, 50 %, 33 %, 25 % and the street's 0 %: from October the bottom three are the last three
        for (int township = 0; township < 4; township++) {
            facts.addAll(List.of(county.enrolled(township, township, true), county.assessed(township, "0", null),
                    county.paid(township, "V" + township, "180.00")));
        }
        EventTraffic.publish(facts.toArray(Event[]::new));
        EventTraffic.publishAt(Instant.parse("2017-11-05T02:00:00Z"), targets(county, 0));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-12-05T02:00:00Z"), targets(county, 5)));
        ApiClient bureau = ApiClient.at(port).as("bureau");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json(bureau.get("/api/v1/participation?region=" + region
                + "&coverageYear=2018")).get("total").get("enrolled").asInt()).isEqualTo(4));

        JsonNode rankings = json(bureau.get("/api/v1/rankings?region=" + region + "&coverageYear=2018&period=MONTHLY")).get("rankings");
        assertThat(rankings.valueStream().map(ranking -> ranking.get("periodEnd").asString()).toList())
                .containsExactly("2017-09-30", "2017-10-31", "2017-11-30", "2017-12-31");
        assertThat(streakOf(rankings.get(1), county.township(4))).isOne();
        assertThat(rankings.get(2).get("townships").valueStream().map(township -> township.get("township").asString()).toList())
                .as("November: the street had nobody to enrol").doesNotContain(county.township(4));
        JsonNode december = rankings.get(3).get("bottomThree").valueStream()
                .filter(township -> township.get("township").asString().equals(county.township(4))).findFirst().orElseThrow();
        assertThat(december.get("consecutive").asInt()).as("October, then not ranked in November").isOne();
        assertThat(december.get("writtenExplanation").asBoolean()).isFalse();
        assertThat(streakOf(rankings.get(3), county.township(3))).as("ranked at the bottom all three months").isEqualTo(3);
    }

    private static TargetsSet targets(ReportingMother county, int street) {
        return new TargetsSet(county.region(), 2018, List.of(new TargetsSet.Target(county.township(0), "莲峰镇", 1),
                new TargetsSet.Target(county.township(1), "文亨镇", 2), new TargetsSet.Target(county.township(2), "林坊镇", 3),
                new TargetsSet.Target(county.township(3), "姑田镇", 4), new TargetsSet.Target(county.township(4), "东街街道", street)));
    }

    private static int streakOf(JsonNode ranking, String township) {
        return ranking.get("townships").valueStream().filter(ranked -> ranked.get("township").asString().equals(township))
                .findFirst().orElseThrow().get("consecutive").asInt();
    }

    @Test
    void theBureauPublishesAReportOfTheFiguresAsTheyStood() {
        ReportingMother county = new ReportingMother("350831");
        EventTraffic.publish(facts(county).toArray(Event[]::new));
        awaitFigures(county, 3);
        ApiClient bureau = ApiClient.at(port).as("bureau");
        awaitOctoberFigure(bureau, "350831");

        HttpResponse<String> created = bureau.post("/api/v1/reports",
                "{\"type\":\"STAGE\",\"region\":\"350831\",\"coverageYear\":2018,\"asOf\":\"2017-10-31T15:59:59Z\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String reportId = JsonMapper.shared().readTree(created.body()).get("reportId").asString();
        String csv = ApiClient.at(port).as("viewer").get("/api/v1/reports/" + reportId + "/content.csv").body();
        assertThat(csv).contains("1,莲峰镇,4,,,3,75.00%,1,0,1,1,0,0,0,", "2,文亨镇,3,,,1,33.33%,1,0,0,0,0,0,0,", ",合计,7,,,4,57.14%,2,0,1,1,0,0,0,");
        assertThat(ApiClient.at(port).as("viewer").get("/api/v1/reports/" + reportId + "/content.html").body()).contains("<table");
        assertThat(ApiClient.at(port).as("viewer").get("/api/v1/reports/" + reportId + "/content.xlsx").body()).startsWith("PK");
        assertThat(ApiClient.at(port).as("viewer").get("/api/v1/reports/" + reportId + "/content.pdf").body()).startsWith("%PDF");
        assertThat(ApiClient.at(port).as("viewer").get("/api/v1/reports/" + reportId + "/content.doc").statusCode()).isEqualTo(404);
        // an id not of a report's form names no report, as an unknown one does: 404 as problem+json, in the kit's one rule
        HttpResponse<String> noSuchReport = ApiClient.at(port).as("viewer").get("/api/v1/reports/weekly-2018/content.csv");
        assertThat(noSuchReport.statusCode()).isEqualTo(404);
        assertThat(noSuchReport.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(ApiClient.at(port).as("viewer").get("/api/v1/reports/weekly-2018").statusCode()).isEqualTo(404);
        assertThat(ApiClient.at(port).as("viewer").get("/api/v1/reports?region=350831&coverageYear=2018&type=STAGE").body())
                .contains(reportId);
        assertThat(jdbc.queryForObject("select payload::text from outbox where type = 'ReportPublished' and aggregateid = ?",
                String.class, reportId)).contains("\"type\":\"STAGE\"", "\"enrolled\":4", "\"rate\":\"0.5714\"");
        JsonNode stageReport = JsonMapper.shared().readTree(ApiClient.at(port).as("viewer").get("/api/v1/reports/" + reportId).body());
        assertThat(stageReport.get("content").get("stages")).as("the Nov 15 stage is judged after the report's moment").hasSize(1);
        JsonNode novemberStages = reportContent(bureau, "STAGE", "2017-11-15T15:59:59Z").get("stages");
        assertThat(novemberStages).hasSize(2);
        assertThat(novemberStages.get(1).get("townships").get(1).get("penalty").asString()).isEqualTo("3750.00");
        JsonNode rankings = reportContent(bureau, "HALF_MONTHLY", "2017-10-31T15:59:59Z").get("rankings");
        assertThat(rankings).hasSize(4);
        assertThat(rankings.get(3).get("periodEnd").asString()).isEqualTo("2017-10-31");
        HttpResponse<String> again = bureau.post("/api/v1/reports",
                "{\"type\":\"HALF_MONTHLY\",\"region\":\"350831\",\"coverageYear\":2018,\"asOf\":\"2017-10-31T15:59:59Z\"}");
        assertThat(again.statusCode()).as("a bulletin of one moment is issued once").isEqualTo(409);
        assertThat(again.body()).contains("半月通报");
        JsonNode morning = reportContent(bureau, "HALF_MONTHLY", "2017-10-31T02:00:00Z").get("rankings");
        assertThat(morning).as("at 10:00 on Oct 31 that period has not ended: it is not ranked yet").hasSize(3);
        assertThat(morning.get(2).get("periodEnd").asString()).isEqualTo("2017-10-15");
        assertThat(ApiClient.at(port).as("viewer").post("/api/v1/reports",
                "{\"type\":\"WEEKLY\",\"region\":\"350831\",\"coverageYear\":2018}").statusCode()).isEqualTo(403);
    }

    @Test
    void aResidentWhoMovesCountsInTheNewTownship() {
        ReportingMother county = new ReportingMother("350828");
        List<Event> facts = new ArrayList<>(facts(county));
        facts.add(county.moved(1, 1));
        EventTraffic.publish(facts.toArray(Event[]::new));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode figures = JsonMapper.shared().readTree(ApiClient.at(port).as("viewer")
                    .get("/api/v1/participation?region=350828&coverageYear=2018").body());
            assertThat(figures.get("townships").get(0).get("enrolled").asInt()).isEqualTo(2);
            assertThat(figures.get("townships").get(1).get("enrolled").asInt()).isEqualTo(1);
            assertThat(figures.get("townships").get(1).get("registered").asInt()).isEqualTo(3);
        });
    }

    @Test
    void aTownshipSeesWhoItStillHasToChase() {
        ReportingMother county = new ReportingMother("350827");
        EventTraffic.publish(facts(county).toArray(Event[]::new));
        awaitFigures(county, 3);
        // the only one of the first township who has not paid
        EventTraffic.publish(county.enrolled(8, 0, true), county.assessed(8, "0", null));

        String path = "/api/v1/unpaid?region=350827&coverageYear=2018&township=" + county.township(1);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode unpaid = JsonMapper.shared().readTree(ApiClient.at(port).as("township-" + county.township(1)).get(path).body());
            // resident 4 paid 100 of 180, resident 5 nothing; 7 withdrew, 6 never registered
            assertThat(unpaid.get("people").valueStream().map(p -> p.get("personId").asString()).toList())
                    .containsExactlyInAnyOrder(county.personId(4), county.personId(5));
            JsonNode underpaid = unpaid.get("people").valueStream()
                    .filter(p -> p.get("personId").asString().equals(county.personId(4))).findFirst().orElseThrow();
            assertThat(underpaid.get("outstanding").asString()).isEqualTo("80.00");
            assertThat(underpaid.get("idNumberMasked").asString()).isEqualTo("350825***********2");
        });
        assertThat(ApiClient.at(port).as("township-" + county.township(0)).get(path).statusCode()).isEqualTo(403);
        assertThat(ApiClient.at(port).as("viewer").get(path).statusCode()).isEqualTo(403);
        HttpResponse<String> mistyped = ApiClient.at(port).as("bureau").get("/api/v1/unpaid?region=350827&coverageYear=2018&township=350827199");
        assertThat(mistyped.statusCode()).as("not an empty list: nobody would be chased").isEqualTo(400);
        assertThat(mistyped.body()).contains("\"field\":\"township\"");

        // naming no township: the bureau's whole county, each person with their township, and a clerk's own
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode wholeCounty = JsonMapper.shared().readTree(ApiClient.at(port).as("bureau")
                    .get("/api/v1/unpaid?region=350827&coverageYear=2018").body());
            assertThat(wholeCounty.hasNonNull("township")).isFalse();
            assertThat(wholeCounty.get("people").valueStream().map(p -> p.get("personId").asString() + " " + p.get("township").asString())
                    .toList()).containsExactlyInAnyOrder(county.personId(4) + " " + county.township(1),
                            county.personId(5) + " " + county.township(1), county.personId(8) + " " + county.township(0));
        });
        JsonNode own = JsonMapper.shared().readTree(ApiClient.at(port).as("township-" + county.township(1))
                .get("/api/v1/unpaid?region=350827&coverageYear=2018").body());
        assertThat(own.get("township").asString()).isEqualTo(county.township(1));
        assertThat(own.get("people").valueStream().map(p -> p.get("personId").asString()).toList())
                .containsExactlyInAnyOrder(county.personId(4), county.personId(5));
        assertThat(ApiClient.at(port).as("viewer").get("/api/v1/unpaid?region=350827&coverageYear=2018").statusCode()).isEqualTo(403);
    }

    @Test
    void isOperableWithoutCredentials() {
        RunningService.assertOperable(port, "reporting-service", Topics.CAMPAIGN, Topics.ROSTER, Topics.ELIGIBILITY, Topics.PAYMENTS);
    }

    @Test
    void servesTheDashboardForPeopleAtTheRoot() {
        RunningService.expect(port, "/", "dashboard.js");
        RunningService.expect(port, "/dashboard.js", "api/v1/participation?");
        RunningService.expect(port, "/webjars/echarts/5.3.1/dist/echarts.min.js", "echarts");
    }

    @Test
    void onlyPeopleWhoReadFiguresMayReadThem() {
        assertThat(ApiClient.at(port).get("/api/v1/participation?region=350825&coverageYear=2018").statusCode()).isEqualTo(401);
        HttpResponse<String> agency = ApiClient.at(port).as("civil-affairs").get("/api/v1/participation?region=350825&coverageYear=2018");
        assertThat(agency.statusCode()).isEqualTo(403);
        assertThat(agency.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    }

    /**
     * Any order Kafka can deliver: each topic's events keep their order (one producer, ordered per
     * key), while the topics overtake each other at random.
     */
    private static List<Event> interleaveTopics(List<Event> events, Random random) {
        Map<String, Deque<Event>> byTopic = new LinkedHashMap<>();
        events.forEach(event -> byTopic.computeIfAbsent(event.type().topic(), topic -> new ArrayDeque<>()).add(event));
        List<Deque<Event>> queues = new ArrayList<>(byTopic.values());
        List<Event> delivered = new ArrayList<>();
        while (!queues.isEmpty()) {
            Deque<Event> next = queues.get(random.nextInt(queues.size()));
            delivered.add(next.removeFirst());
            if (next.isEmpty()) {
                queues.remove(next);
            }
        }
        return delivered;
    }

    /** Resident 7's payment may still be on its way when the live figures are complete: he withdrew since. */
    private static void awaitOctoberFigure(ApiClient bureau, String region) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode october = JsonMapper.shared().readTree(bureau.get("/api/v1/participation?region=" + region + "&coverageYear=2018"
                    + "&asOf=2017-10-31T12:00:00Z").body());
            assertThat(october.get("townships").get(1).get("enrolled").asInt()).isEqualTo(1);
        });
    }

    private JsonNode awaitFigures(ReportingMother county, int enrolled) {
        String path = "/api/v1/participation?region=" + county.campaign().region() + "&coverageYear=2018";
        JsonNode[] figures = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> response = ApiClient.at(port).as("viewer").get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            figures[0] = JsonMapper.shared().readTree(response.body());
            assertThat(figures[0].get("total").get("enrolled").asInt()).isEqualTo(enrolled);
            assertThat(figures[0].get("total").get("registered").asInt()).isEqualTo(5);
            // the payment of resident 6, who never registered, travels on its own partition
            assertThat(figures[0].get("unattributed").get("people").asInt()).isEqualTo(1);
        });
        return figures[0];
    }

    private static void assertExpectedFigures(JsonNode participation, ReportingMother county) {
        JsonNode first = participation.get("townships").get(0);
        assertThat(first.get("township").asString()).isEqualTo(county.township(0));
        assertThat(first.get("target").asInt()).isEqualTo(4);
        assertThat(first.get("registered").asInt()).isEqualTo(3);
        assertThat(first.get("enrolled").asInt()).isEqualTo(3);
        assertThat(first.get("rate").asString()).isEqualTo("0.7500");
        assertThat(first.get("selfPaid").asInt()).isEqualTo(1);
        assertThat(first.get("assisted").asInt()).isEqualTo(2);
        assertThat(first.get("assistedByCategory").get("EXTREME_POVERTY").asInt()).isEqualTo(1);
        assertThat(first.get("assistedByCategory").get("MINIMUM_LIVING").asInt()).isEqualTo(1);
        assertThat(first.get("localHukou").get("enrolled").asInt()).isEqualTo(2);
        assertThat(first.get("nonLocal").get("registered").asInt()).isEqualTo(1);

        JsonNode second = participation.get("townships").get(1);
        assertThat(second.get("registered").asInt()).isEqualTo(2);
        assertThat(second.get("enrolled").asInt()).isZero();
        assertThat(second.get("rate").asString()).isEqualTo("0.0000");

        // resident 6 paid but never registered: kept aside, counted the moment the registration comes
        assertThat(participation.get("unattributed").get("people").asInt()).isEqualTo(1);
        assertThat(participation.get("unattributed").get("amount").asString()).isEqualTo("180.00");

        JsonNode total = participation.get("total");
        assertThat(total.get("target").asInt()).isEqualTo(7);
        assertThat(total.get("rate").asString()).isEqualTo("0.4286");
    }

    /**
     * Targets replace each other by event time: an older TargetsSet that arrives after a newer one (a dead letter replayed
     * after the bureau revised the targets) changes nothing, or every rate would be divided by superseded targets.
     */
    @Test
    void anOlderTargetsSetArrivingLateDoesNotReplaceNewerTargets() {
        ReportingMother county = new ReportingMother("350862");
        Instant revised = Instant.parse("2017-11-10T02:00:00Z");
        EventTraffic.publish(county.campaign());
        UUID newer = EventTraffic.publishAt(revised,
                new TargetsSet("350862", 2018, List.of(new TargetsSet.Target(county.township(0), "莲峰镇", 5))));
        UUID older = EventTraffic.publishAt(revised.minus(Duration.ofDays(30)),
                new TargetsSet("350862", 2018, List.of(new TargetsSet.Target(county.township(0), "莲峰镇", 9))));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from inbox where event_id in (?, ?)", Integer.class, newer, older) == 2);

        JsonNode figures = JsonMapper.shared().readTree(ApiClient.at(port).as("bureau")
                .get("/api/v1/participation?region=350862&coverageYear=2018").body());
        assertThat(figures.get("total").get("target").asInt()).isEqualTo(5);
    }

    /**
     * 任务目标调整: the bureau revises a township's and a village's targets in mid-November. Figures as of the end of October
     * divide by the targets in force then, as the stage settled at that deadline did; today's figures divide by the revised ones.
     */
    @Test
    void aPastMomentDividesByTheTargetsInForceThen() {
        ReportingMother county = new ReportingMother("350863");
        String village = county.township(0) + "001";
        Instant first = Instant.parse("2017-09-20T02:00:00Z");
        Instant revised = Instant.parse("2017-11-10T02:00:00Z");
        EventTraffic.publish(county.campaign());
        UUID before = EventTraffic.publishAt(first, new TargetsSet("350863", 2018, List.of(new TargetsSet.Target(county.township(0), "莲峰镇", 9)),
                List.of(new TargetsSet.Unit(village, "城关村", TargetsSet.UnitType.VILLAGE, county.township(0), 4, null, null, null))));
        UUID after = EventTraffic.publishAt(revised, new TargetsSet("350863", 2018, List.of(new TargetsSet.Target(county.township(0), "莲峰镇", 5)),
                List.of(new TargetsSet.Unit(village, "城关村", TargetsSet.UnitType.VILLAGE, county.township(0), 3, null, null, null))));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from inbox where event_id in (?, ?)", Integer.class, before, after) == 2);

        ApiClient bureau = ApiClient.at(port).as("bureau");
        String path = "/api/v1/participation?region=350863&coverageYear=2018";
        assertThat(json(bureau.get(path + "&asOf=2017-10-31T15:59:59Z")).get("total").get("target").asInt()).isEqualTo(9);
        assertThat(json(bureau.get(path + "&level=VILLAGE&asOf=2017-10-31T15:59:59Z")).get("total").get("target").asInt())
                .isEqualTo(4);
        // before the first targets came, they are the only ones there are
        assertThat(json(bureau.get(path + "&asOf=2017-09-01T00:00:00Z")).get("total").get("target").asInt()).isEqualTo(9);
        assertThat(json(bureau.get(path)).get("total").get("target").asInt()).isEqualTo(5);
        assertThat(json(bureau.get(path + "&level=VILLAGE")).get("total").get("target").asInt()).isEqualTo(3);
        assertThat(json(bureau.get(path + "&asOf=2017-11-10T02:00:00Z")).get("total").get("target").asInt()).isEqualTo(5);
    }

    /**
     * A moment in the middle of a day counts the registrations made by then, not the whole day's: the figures as they stood
     * at 10:00 do not include someone registered at 15:00. One back-dated to that day (recorded the day after) counts for
     * the whole of its day, since only its day is known.
     */
    @Test
    void aMomentInTheMiddleOfADayCountsTheRegistrationsMadeByThen() {
        ReportingMother county = new ReportingMother("350864");
        campaignAndTargetsOnOctober8(county);
        // 15:00 in Liancheng on Oct 20
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-20T07:00:00Z"), county.enrolled(1, 0, true)));
        PersonEnrolled onTime = county.enrolled(2, 0, true);
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-21T02:00:00Z"), new PersonEnrolled(onTime.personId(), 2018,
                onTime.region(), onTime.idNumberMasked(), onTime.idNumberSealed(), onTime.nameMasked(), onTime.birthYear(), onTime.sex(),
                onTime.personCategory(), onTime.township(), onTime.village(), null, true, false, onTime.channel(), onTime.coverageStart(),
                null, 0, LocalDate.of(2017, 10, 20))));

        ApiClient bureau = ApiClient.at(port).as("bureau");
        String path = "/api/v1/participation?region=350864&coverageYear=2018&asOf=";
        assertThat(json(bureau.get(path + "2017-10-20T02:00:00Z")).get("total").get("registered").asInt()).isEqualTo(1);
        assertThat(json(bureau.get(path + "2017-10-20T07:00:00Z")).get("total").get("registered").asInt()).isEqualTo(2);
        assertThat(json(bureau.get(path + "2017-10-19T15:59:59Z")).get("total").get("registered").asInt()).isZero();
    }

    /**
     * The enrolment was dead-lettered and is replayed after two moves made later (away and back), the later one first: the person still
     * counts (a move used to set the roster time past the enrolment, which was then dropped as older), and counts where the
     * later move took them (the moves used to be dropped, and the replay counted them in the township they had left).
     */
    @Test
    void anEnrolmentReplayedAfterLaterMovesCountsThePersonWhereTheLaterMoveTookThem() {
        ReportingMother county = new ReportingMother("350865");
        campaignAndTargetsOnOctober8(county);
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T01:30:00Z"), county.assessed(1, "0", null)));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-10T02:00:00Z"), county.moved(1, 1)));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T12:00:00Z"), county.moved(1, 0)));

        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T01:00:00Z"), county.enrolled(1, 0, true)));

        JsonNode figures = json(ApiClient.at(port).as("bureau").get("/api/v1/participation?region=350865&coverageYear=2018"));
        assertThat(figures.get("total").get("registered").asInt()).isEqualTo(1);
        assertThat(registeredIn(figures, county.township(1))).isEqualTo(1);
        assertThat(registeredIn(figures, county.township(0))).isZero();
    }

    /**
     * A move went to the dead-letter topic and is replayed after a newer change of the household register: the person
     * counts in the township the move took them to, as non-local (one roster time per person-year dropped the move whole).
     */
    @Test
    void aMoveReplayedAfterANewerChangeOfAnotherFieldStillCountsThePersonWhereItTookThem() {
        ReportingMother county = new ReportingMother("350876");
        campaignAndTargetsOnOctober8(county);
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T01:00:00Z"), county.enrolled(1, 0, true)));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-11T02:00:00Z"), new PersonUpdated(county.personId(1), 2018, "350876",
                null, null, null, null, false, false, null)));

        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-10T02:00:00Z"), county.moved(1, 1)));

        JsonNode figures = json(ApiClient.at(port).as("bureau").get("/api/v1/participation?region=350876&coverageYear=2018"));
        assertThat(registeredIn(figures, county.township(1))).isEqualTo(1);
        assertThat(registeredIn(figures, county.township(0))).isZero();
        assertThat(figures.get("total").get("nonLocal").get("registered").asInt()).isEqualTo(1);
    }

    /**
     * The withdrawal went to the dead-letter topic and is replayed after a move made later: the person no longer counts
     * (a change used to move the roster time past the withdrawal, which was then dropped as older, and the person counted
     * on).
     */
    @Test
    void aWithdrawalReplayedAfterALaterMoveStillTakesThePersonOut() {
        ReportingMother county = new ReportingMother("350877");
        campaignAndTargetsOnOctober8(county);
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T01:00:00Z"), county.enrolled(1, 0, true)));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-11-02T02:00:00Z"), county.moved(1, 1)));

        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-11-01T02:00:00Z"), county.withdrawn(1)));

        JsonNode figures = json(ApiClient.at(port).as("bureau").get("/api/v1/participation?region=350877&coverageYear=2018"));
        assertThat(figures.get("total").get("registered").asInt()).isZero();
    }

    /**
     * Figures as of a past moment count a resident in the township and household register of that moment: one who moved
     * to township 1 on 2 November and changed to a non-local register on 3 November counted in township 0, local, on 31
     * October (today's township and register used to be counted for every moment).
     */
    @Test
    void asOfAMomentAResidentCountsWhereAndAsTheyWereThen() {
        ReportingMother county = new ReportingMother("350878");
        paidOnOctober9(county, county.enrolled(1, 0, true), "0", null, "180.00");
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-11-02T02:00:00Z"), county.moved(1, 1)));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-11-03T02:00:00Z"), new PersonUpdated(county.personId(1), 2018, "350878",
                null, null, null, null, false, true, null)));

        ApiClient bureau = ApiClient.at(port).as("bureau");
        String path = "/api/v1/participation?region=350878&coverageYear=2018";
        JsonNode october = json(bureau.get(path + "&asOf=2017-10-31T15:59:59Z"));
        assertThat(enrolledIn(october, county.township(0))).isOne();
        assertThat(enrolledIn(october, county.township(1))).isZero();
        assertThat(october.get("total").get("localHukou").get("enrolled").asInt()).isOne();
        JsonNode afterTheMove = json(bureau.get(path + "&asOf=2017-11-02T15:59:59Z"));
        assertThat(enrolledIn(afterTheMove, county.township(1))).isOne();
        assertThat(afterTheMove.get("total").get("localHukou").get("enrolled").asInt()).isOne();
        JsonNode now = json(bureau.get(path));
        assertThat(enrolledIn(now, county.township(1))).isOne();
        assertThat(now.get("total").get("nonLocal").get("enrolled").asInt()).isOne();
    }

    /**
     * A move that overtook its own enrolment (the enrolment dead-lettered and replayed) still leaves the enrolment's
     * township for the moments before the move: the registration's values join the history when it arrives.
     */
    @Test
    void asOfAMomentBeforeAMoveThatOvertookItsEnrolmentTheResidentCountsWhereTheEnrolmentPutThem() {
        ReportingMother county = new ReportingMother("350879");
        campaignAndTargetsOnOctober8(county);
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-11-02T02:00:00Z"), county.moved(1, 1)));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T01:00:00Z"), county.enrolled(1, 0, true)));

        ApiClient bureau = ApiClient.at(port).as("bureau");
        String path = "/api/v1/participation?region=350879&coverageYear=2018";
        assertThat(registeredIn(json(bureau.get(path + "&asOf=2017-10-31T15:59:59Z")), county.township(0))).isOne();
        assertThat(registeredIn(json(bureau.get(path + "&asOf=2017-11-02T15:59:59Z")), county.township(1))).isOne();
        assertThat(registeredIn(json(bureau.get(path)), county.township(1))).isOne();
    }

    /**
     * A withdrawal revoked (撤销终止参保) re-announces the enrolment with its own day, here in the township a clerk corrected it
     * to on 5 November: on 20 October the resident still counted in the township of the enrolment then (the registration
     * replaced kept no values, and the correction counted back to the enrolment's day).
     */
    @Test
    void asOfAMomentBeforeARevokedWithdrawalsEnrolmentTheResidentCountsWhereTheEnrolmentThenPutThem() {
        ReportingMother county = new ReportingMother("350882");
        paidOnOctober9(county, county.enrolledOn(1, 0, LocalDate.of(2017, 10, 9)), "0", null, "180.00");
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-30T02:00:00Z"), county.withdrawn(1)));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-11-05T02:00:00Z"), county.enrolledOn(1, 1, LocalDate.of(2017, 10, 9))));

        ApiClient bureau = ApiClient.at(port).as("bureau");
        String path = "/api/v1/participation?region=350882&coverageYear=2018";
        assertThat(enrolledIn(json(bureau.get(path + "&asOf=2017-10-20T15:59:59Z")), county.township(0))).isOne();
        assertThat(enrolledIn(json(bureau.get(path + "&asOf=2017-11-06T15:59:59Z")), county.township(1))).isOne();
        assertThat(enrolledIn(json(bureau.get(path)), county.township(1))).isOne();
    }

    /**
     * Certified 特困 in October (nothing to pay) and 低保 in November instead: the figures and the assistance ledger as of
     * October count the resident among October's 特困, not today's 低保.
     */
    @Test
    void asOfAMomentTheAssistedCountInTheAssistanceCategoryOfThen() {
        ReportingMother county = new ReportingMother("350883");
        campaignAndTargetsOnOctober8(county);
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T01:00:00Z"), county.enrolled(1, 0, true)));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-10-09T01:30:00Z"),
                county.assessed(1, "180", AssistanceCategory.EXTREME_POVERTY)));
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-11-10T02:00:00Z"),
                county.assessed(1, "140", AssistanceCategory.MINIMUM_LIVING)));

        ApiClient bureau = ApiClient.at(port).as("bureau");
        String path = "/api/v1/participation?region=350883&coverageYear=2018";
        JsonNode october = json(bureau.get(path + "&asOf=2017-10-31T15:59:59Z")).get("total");
        assertThat(october.get("assistedByCategory").get("EXTREME_POVERTY").asInt()).isOne();
        assertThat(october.get("assistedByCategory").has("MINIMUM_LIVING")).isFalse();
        assertThat(json(bureau.get(path)).get("total").get("assistedByCategory").get("MINIMUM_LIVING").asInt()).isOne();
        String ledger = "/api/v1/assistance-ledger?region=350883&coverageYear=2018";
        JsonNode line = json(bureau.get(ledger + "&asOf=2017-10-31T15:59:59Z")).get("lines").get(0);
        assertThat(line.get("category").asString()).isEqualTo("EXTREME_POVERTY");
        assertThat(line.get("subsidy").asString()).isEqualTo("180.00");
    }

    /**
     * A resident who paid in full in October and was certified 低保 in November was a self-payer on 31 October: the figures
     * as of then count them so, not among the assisted of a category they were not in yet.
     */
    @Test
    void asOfAMomentTheAssistedCountInTheCategoryTheyWereAssessedInThen() {
        ReportingMother county = new ReportingMother("350880");
        paidOnOctober9(county, county.enrolled(1, 0, true), "0", null, "180.00");
        awaitApplied(EventTraffic.publishAt(Instant.parse("2017-11-10T02:00:00Z"),
                county.assessed(1, "140", AssistanceCategory.MINIMUM_LIVING)));

        ApiClient bureau = ApiClient.at(port).as("bureau");
        String path = "/api/v1/participation?region=350880&coverageYear=2018";
        JsonNode october = json(bureau.get(path + "&asOf=2017-10-31T15:59:59Z")).get("total");
        assertThat(october.get("selfPaid").asInt()).isOne();
        assertThat(october.get("assisted").asInt()).isZero();
        JsonNode now = json(bureau.get(path)).get("total");
        assertThat(now.get("assisted").asInt()).isOne();
        assertThat(now.get("assistedByCategory").get("MINIMUM_LIVING").asInt()).isOne();
        // the assistance ledger (台账) as of then had nobody to list either: it used to list today's 低保 with October's money
        String ledger = "/api/v1/assistance-ledger?region=350880&coverageYear=2018";
        assertThat(json(bureau.get(ledger + "&asOf=2017-10-31T15:59:59Z")).get("lines")).isEmpty();
        assertThat(json(bureau.get(ledger)).get("lines").get(0).get("individualsPaid").asString()).isEqualTo("180.00");
    }

    private static int enrolledIn(JsonNode figures, String township) {
        return row(figures, township).get("enrolled").asInt();
    }

    private static int registeredIn(JsonNode figures, String township) {
        return row(figures, township).get("registered").asInt();
    }

    private static JsonNode row(JsonNode figures, String township) {
        for (JsonNode row : figures.get("townships")) {
            if (row.get("township").asString().equals(township)) {
                return row;
            }
        }
        throw new AssertionError("no row for township " + township + " in " + figures);
    }
}
