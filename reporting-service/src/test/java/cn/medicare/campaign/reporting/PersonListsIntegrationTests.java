package cn.medicare.campaign.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import cn.medicare.campaign.contracts.events.CoverageRevoked;
import cn.medicare.campaign.contracts.events.CoverageStarted;
import cn.medicare.campaign.contracts.events.EligibilityAdjusted;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.contracts.identity.Contact;
import cn.medicare.campaign.contracts.identity.IdNumberSealer;
import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.ServiceDatabase;
import cn.medicare.campaign.kit.security.LocalSecrets;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11: the Friday lists people chase with, names and phones in full for the unit's own
 * township and the bureau, an agency's own categories for the agency, nobody else.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonListsIntegrationTests {

    private static final ReportingMother COUNTY = new ReportingMother("350841");
    private static final String LIST = "/api/v1/lists/%s?region=350841&coverageYear=2018";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceDatabase.register(registry, "reporting_lists_test");
    }

    @BeforeAll
    void aTownshipWithPeopleToChase() {
        EventTraffic.publish(COUNTY.campaign(),
                new TargetsSet(COUNTY.campaign().region(), 2018, List.of(new TargetsSet.Target(COUNTY.township(0), "莲峰镇", 4),
                        new TargetsSet.Target(COUNTY.township(1), "文亨镇", 3)),
                        List.of(new TargetsSet.Unit(COUNTY.township(0) + "001", "城关村", TargetsSet.UnitType.VILLAGE, COUNTY.township(0),
                                2, null, null, null))),
                COUNTY.enrolledWithContact(1, 0, "城关村", "张三丰", "13900000001", false), COUNTY.assessed(1, "0", null),
                COUNTY.paid(1, "V1", "180.00"),
                COUNTY.enrolledWithContact(2, 0, "城关村", "李四", "13900000002", false),
                COUNTY.assessed(2, "140", AssistanceCategory.MINIMUM_LIVING), COUNTY.paid(2, "V2", "20.00"),
                COUNTY.enrolledWithContact(3, 0, "新华村", "王小五", null, true), COUNTY.assessed(3, "0", null),
                COUNTY.enrolledWithContact(4, 1, "城关村", "赵六", "13900000004", false),
                COUNTY.assessed(4, "90", AssistanceCategory.MONITORED),
                COUNTY.enrolledWithContact(6, 1, "新华村", "钱七", "13900000006", false), COUNTY.assessed(6, "0", null),
                COUNTY.enrolledLateWithContact(8, 1, "新华村", "周九", "13900000008"), COUNTY.assessed(8, "0", null),
                COUNTY.certified(2, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD),
                COUNTY.certified(5, AssistanceCategory.EXTREME_POVERTY, AdjustmentAction.ADD));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json(ApiClient.at(port).as("bureau")
                .get("/api/v1/participation?region=350841&coverageYear=2018")).get("total").get("registered").asInt()).isEqualTo(6));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json(ApiClient.at(port).as("bureau")
                .get(LIST.formatted("certified-not-enrolled"))).get("people")).hasSize(2));
    }

    /**
     * A contact sealed under a key id the bureau has since retired from the ring (or damaged) shows that person masked,
     * without a phone; the rest of the list stays in full.
     */
    @Test
    void aContactThatCannotBeOpenedShowsThatPersonMaskedAndTheListStillAnswers() {
        String zhao = COUNTY.personId(4);
        String sealed = jdbc.queryForObject("select contact_sealed from person_contact where person_id = ?", String.class, zhao);
        String retired = new Contact("赵六", "13900000004").sealWith(IdNumberSealer.fromBase64("retired-contacts-2016",
                LocalSecrets.BY_PROPERTY.get("insurance.identity.contact-sealing-public-key")));
        jdbc.update("update person_contact set contact_sealed = ? where person_id = ?", retired, zhao);
        try {
            HttpResponse<String> answer = ApiClient.at(port).as("bureau").get(LIST.formatted("unpaid") + "&unit=" + COUNTY.township(1));

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode people = json(answer).get("people");
            JsonNode masked = people.valueStream().filter(person -> person.get("personId").asString().equals(zhao)).findFirst().orElseThrow();
            assertThat(masked.get("name").asString()).isEqualTo("赵*");
            assertThat(masked.has("phone")).isFalse();
            assertThat(json(answer).get("contactsInFull").asBoolean()).as("not every contact is in full").isFalse();
            assertThat(names(json(answer))).containsExactly("赵*", "周九");
        } finally {
            jdbc.update("update person_contact set contact_sealed = ? where person_id = ?", sealed, zhao);
        }
    }

    @Test
    void aTownshipClerkGetsTheirOwnUnpaidListWithFullNamesAndPhones() {
        ApiClient clerk = ApiClient.at(port).as("township-" + COUNTY.township(0));

        JsonNode unpaid = json(clerk.get(LIST.formatted("unpaid") + "&unit=" + COUNTY.township(0)));

        assertThat(unpaid.get("contactsInFull").asBoolean()).isTrue();
        assertThat(names(unpaid)).containsExactly("李四", "王小五");
        JsonNode li = unpaid.get("people").get(0);
        assertThat(li.get("phone").asString()).isEqualTo("13900000002");
        assertThat(li.get("village").asString()).isEqualTo("城关村");
        assertThat(li.get("outstanding").asString()).isEqualTo("20.00");
        assertThat(li.get("assistanceCategories").get(0).asString()).isEqualTo("MINIMUM_LIVING");
        assertThat(unpaid.get("people").get(1).has("phone")).as("the roster has no phone for 王小五").isFalse();
        assertThat(names(json(clerk.get(LIST.formatted("paid") + "&unit=" + COUNTY.township(0))))).containsExactly("张三丰");
        assertThat(names(json(clerk.get(LIST.formatted("newborns-not-enrolled") + "&unit=" + COUNTY.township(0)))))
                .containsExactly("王小五");
        assertThat(names(json(clerk.get(LIST.formatted("unpaid") + "&unit=" + COUNTY.township(0) + "001")))).as("one village")
                .containsExactly("李四");
    }

    /**
     * A late enrolee who paid, had a start announced and was refunded before it is chased again with their last day to pay:
     * the tax adapter took the start back (CoverageRevoked). Settled and refunded with the start standing, the list gave
     * none; an older start replayed after the revocation changes nothing.
     */
    @Test
    void aStartTakenBackByARefundBeforeItGivesTheLastDayToPayAgain() {
        ReportingMother county = new ReportingMother("350903");
        Instant startedAt = Instant.parse("2017-10-09T03:00:00Z");
        CoverageStarted started = new CoverageStarted(county.personId(1), 2018, county.region(), LocalDate.of(2018, 1, 7));
        EventTraffic.publish(county.campaign(), county.targets(), county.enrolledLateWithContact(1, 0, "城关村", "孙十", "13900000010"),
                county.assessed(1, "0", null), county.paid(1, "V1", "180.00"));
        EventTraffic.publishAt(startedAt, started);
        EventTraffic.publish(new PaymentRefunded(county.personId(1), 2018, county.region(), county.region() + "V1", "R1",
                new BigDecimal("180.00"), Instant.parse("2017-11-01T02:00:00Z"), "退费"));
        String unpaid = "/api/v1/lists/unpaid?region=350903&coverageYear=2018&unit=" + county.township(0);
        ApiClient bureau = ApiClient.at(port).as("bureau");
        // listed before the payment too, with the last day: refunded, settled with the start standing, without it
        await().atMost(Duration.ofSeconds(60)).until(() -> json(bureau.get(unpaid)).get("people"),
                people -> people.size() == 1 && !people.get(0).has("payBy"));

        Instant revokedAt = Instant.parse("2017-11-01T02:00:01Z");
        CoverageRevoked revocation = new CoverageRevoked(started.personId(), 2018, county.region(), started.coverageStart());
        EventTraffic.publishAt(revokedAt, revocation);
        JsonNode revoked = await().atMost(Duration.ofSeconds(60)).until(() -> json(bureau.get(unpaid)).get("people").get(0),
                person -> person.has("payBy"));
        assertThat(revoked.get("payBy").asString()).isEqualTo("2018-10-02");
        assertThat(revoked.get("payByPassed").asBoolean()).isTrue();

        EventTraffic.publishAt(startedAt, started);
        EventTraffic.publish(county.paid(1, "V2", "10.00"));
        JsonNode afterTheReplay = await().atMost(Duration.ofSeconds(60)).until(() -> json(bureau.get(unpaid)).get("people").get(0),
                person -> person.get("paidAmount").asString().equals("10.00"));
        assertThat(afterTheReplay.get("payBy").asString()).as("the older start, replayed").isEqualTo("2018-10-02");

        // a start announced anew at the revocation's instant (the tax adapter's one transaction) stands, the revocation replayed too
        EventTraffic.publishAt(revokedAt, new CoverageStarted(started.personId(), 2018, county.region(), LocalDate.of(2018, 12, 31)));
        EventTraffic.publishAt(revokedAt, revocation);
        EventTraffic.publish(county.paid(1, "V3", "10.00"));
        assertThat(await().atMost(Duration.ofSeconds(60)).until(() -> json(bureau.get(unpaid)).get("people").get(0),
                person -> person.get("paidAmount").asString().equals("20.00")).has("payBy")).isFalse();
    }

    /** A late enrolee covered 90 days after paying can no longer be covered this year once Oct 2 has passed: the list says so. */
    @Test
    void theUnpaidListSaysTheLastDayAPaymentStillCoversWithinTheYear() {
        ApiClient clerk = ApiClient.at(port).as("township-" + COUNTY.township(1));

        JsonNode unpaid = json(clerk.get(LIST.formatted("unpaid") + "&unit=" + COUNTY.township(1)));

        JsonNode late = unpaid.get("people").valueStream().filter(person -> person.get("name").asString().equals("周九")).findFirst()
                .orElseThrow();
        assertThat(late.get("payBy").asString()).isEqualTo("2018-10-02");
        assertThat(late.get("payByPassed").asBoolean()).as("listed years after").isTrue();
        JsonNode inTheWindow = unpaid.get("people").get(0);
        assertThat(inTheWindow.get("name").asString()).isEqualTo("赵六");
        assertThat(inTheWindow.has("payBy")).as("covered from Jan 1 whenever paid").isFalse();
        assertThat(inTheWindow.get("payByPassed").asBoolean()).isFalse();
        String csv = new String(clerk.download(LIST.formatted("unpaid") + "&unit=" + COUNTY.township(1) + "&format=csv").body(),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("欠缴金额（元）,缴费截止日,备注", ",2018-10-02,已过缴费截止日，本年度缴费不能享受待遇");
        JsonNode township = json(clerk.get("/api/v1/unpaid?region=350841&coverageYear=2018&township=" + COUNTY.township(1)));
        assertThat(township.toString()).contains("\"payBy\":\"2018-10-02\",\"payByPassed\":true");
    }

    @Test
    void anotherTownshipAViewerAndAnAgencyOutsideTheContractAreRefused() {
        ApiClient neighbour = ApiClient.at(port).as("township-" + COUNTY.township(1));

        assertThat(neighbour.get(LIST.formatted("unpaid") + "&unit=" + COUNTY.township(0)).statusCode()).isEqualTo(403);
        assertThat(neighbour.get(LIST.formatted("unpaid")).statusCode()).as("a township names its own").isEqualTo(400);
        assertThat(ApiClient.at(port).as("viewer").get(LIST.formatted("unpaid")).statusCode()).isEqualTo(403);
        assertThat(ApiClient.at(port).as("disabled-federation").get(LIST.formatted("unpaid")).statusCode()).isEqualTo(403);
        assertThat(ApiClient.at(port).as("disabled-federation").get("/api/v1/lists?region=350841&coverageYear=2018").statusCode())
                .as("not the index of the issues either").isEqualTo(403);
        assertThat(ApiClient.at(port).as("civil-affairs").get("/api/v1/lists?region=350841&coverageYear=2018").statusCode()).isEqualTo(200);
        assertThat(ApiClient.at(port).get(LIST.formatted("unpaid")).statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = ApiClient.at(port).as("bureau").get(LIST.formatted("everyone"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> badUnit = ApiClient.at(port).as("bureau").get(LIST.formatted("unpaid") + "&unit=35084110");
        assertThat(badUnit.statusCode()).isEqualTo(400);
        assertThat(badUnit.body()).contains("unit");
    }

    @Test
    void anAgencySeesThePeopleOfItsOwnCategoriesAcrossTheCounty() {
        JsonNode civilAffairs = json(ApiClient.at(port).as("civil-affairs").get(LIST.formatted("unpaid")));
        assertThat(names(civilAffairs)).containsExactly("李四");

        JsonNode ruralRevitalisation = json(ApiClient.at(port).as("rural-revitalization").get(LIST.formatted("unpaid")));
        assertThat(names(ruralRevitalisation)).containsExactly("赵六");

        JsonNode certified = json(ApiClient.at(port).as("civil-affairs").get(LIST.formatted("certified-not-enrolled")));
        assertThat(certified.get("people")).hasSize(2);
        assertThat(certified.get("people").get(1).get("assistanceCategories").get(0).asString())
                .as("certified, never registered: known by the agency's list only").isEqualTo("EXTREME_POVERTY");
    }

    /** Certified, then withdrawn (here employee insurance; a death the same): nobody the township must enrol any more. */
    @Test
    void someoneCertifiedButWithdrawnIsNotChased() {
        EventTraffic.publish(COUNTY.enrolledWithContact(7, 0, "城关村", "孙八", "13900000007", false), COUNTY.withdrawn(7),
                COUNTY.certified(7, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("""
                select count(*) from person_year p join eligibility_adjustment e on e.person_id = p.person_id
                where p.person_id = ? and p.coverage_year = 2018 and p.withdrawn_on is not null""", Integer.class, COUNTY.personId(7)) == 1);

        JsonNode certified = json(ApiClient.at(port).as("bureau").get(LIST.formatted("certified-not-enrolled")));

        assertThat(certified.get("people").valueStream().map(person -> person.get("personId").asString()).toList())
                .doesNotContain(COUNTY.personId(7)).hasSize(2);
    }

    /**
     * An agency chases everyone holding its categories, not only those whose subsidy was applied for one of them: a 低保 who
     * is also monitored is rural revitalisation's too, and its 脱贫户 (no subsidy at all) as well; a village finds its
     * certified people who never registered.
     */
    @Test
    void anAgencySeesEveryoneHoldingItsCategoriesAndAVillageItsCertifiedNeverRegistered() {
        ReportingMother county = new ReportingMother("350851");
        String region = "350851";
        String lists = "/api/v1/lists/%s?region=" + region + "&coverageYear=2018";
        EventTraffic.publish(county.campaign(),
                new TargetsSet(region, 2018, List.of(new TargetsSet.Target(county.township(0), "莲峰镇", 4)),
                        List.of(new TargetsSet.Unit(county.township(0) + "002", "新华村", TargetsSet.UnitType.VILLAGE, county.township(0),
                                2, null, null, null))),
                county.enrolledWithContact(1, 0, "城关村", "吴十", "13900000011", false),
                county.assessed(1, "140", AssistanceCategory.MINIMUM_LIVING),
                county.certified(1, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD),
                county.certified(1, AssistanceCategory.MONITORED, AdjustmentAction.ADD),
                county.enrolledWithContact(2, 0, "城关村", "郑十一", "13900000012", false), county.assessed(2, "0", null),
                county.certified(2, AssistanceCategory.STABLE_EX_POOR, AdjustmentAction.ADD),
                // a newborn added on its birth date: the date travels as the flag alone, and the row counts on any day asked
                new EligibilityAdjusted(county.personId(3), 2018, region, Agency.CIVIL_AFFAIRS, AssistanceCategory.EXTREME_POVERTY,
                        AdjustmentAction.ADD, null, true, "batch-3", county.township(0), "新华村", null));
        ApiClient bureau = ApiClient.at(port).as("bureau");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json(bureau.get(lists.formatted("certified-not-enrolled")))
                .get("people")).hasSize(3));

        JsonNode ruralRevitalisation = json(ApiClient.at(port).as("rural-revitalization").get(lists.formatted("unpaid")));
        assertThat(names(ruralRevitalisation)).containsExactly("吴十", "郑十一");
        assertThat(ruralRevitalisation.get("people").get(0).get("assistanceCategories").toString()).isEqualTo("[\"MONITORED\"]");
        assertThat(ruralRevitalisation.get("people").get(1).get("assistanceCategories").toString()).isEqualTo("[\"STABLE_EX_POOR\"]");
        JsonNode civilAffairs = json(ApiClient.at(port).as("civil-affairs").get(lists.formatted("unpaid")));
        assertThat(names(civilAffairs)).containsExactly("吴十");
        assertThat(civilAffairs.get("people").get(0).get("assistanceCategories").toString()).isEqualTo("[\"MINIMUM_LIVING\"]");
        assertThat(json(bureau.get(lists.formatted("unpaid"))).get("people").get(0).get("assistanceCategories").toString())
                .as("the bureau sees the category the subsidy was applied for").isEqualTo("[\"MINIMUM_LIVING\"]");

        JsonNode village = json(bureau.get(lists.formatted("certified-not-enrolled") + "&unit=" + county.township(0) + "002"));
        assertThat(village.get("people")).hasSize(1);
        assertThat(village.get("people").get(0).get("personId").asString()).isEqualTo(county.personId(3));
        assertThat(village.get("people").get(0).get("village").asString()).isEqualTo("新华村");
        assertThat(village.path("unitName").asString()).as("the workbook's title names the village").isEqualTo("新华村");

        HttpResponse<String> issued = bureau.post("/api/v1/lists", "{\"region\":\"" + region + "\",\"coverageYear\":2018}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String issueId = JsonMapper.shared().readTree(issued.body()).get("issueId").asString();
        JsonNode kept = json(ApiClient.at(port).as("rural-revitalization").get(lists.formatted("unpaid") + "&issued=" + issueId));
        assertThat(names(kept)).as("the Friday issue as the agency's own").containsExactly("吴十", "郑十一");
        assertThat(kept.get("people").get(0).get("assistanceCategories").toString()).isEqualTo("[\"MONITORED\"]");
    }

    /**
     * The assistance fund paid 160 for a 低保 whose subsidy is 140: the 20 beyond the subsidy counts towards the 40 the person
     * owes (DOMAIN.md), so the lists chase 20, as the person's own status and the tax adapter's levy say, not 40.
     */
    @Test
    void theListsChaseWhatIsStillOwedCountingTheFundsMoneyBeyondTheSubsidy() {
        ReportingMother county = new ReportingMother("350861");
        String unpaid = "/api/v1/lists/unpaid?region=350861&coverageYear=2018";
        EventTraffic.publish(county.campaign(),
                new TargetsSet("350861", 2018, List.of(new TargetsSet.Target(county.township(0), "莲峰镇", 4))),
                county.enrolledWithContact(1, 0, "城关村", "孙八", "13900000021", false),
                county.assessed(1, "140", AssistanceCategory.MINIMUM_LIVING), county.paidByTheFund(1, "F1", "160.00"));
        ApiClient bureau = ApiClient.at(port).as("bureau");

        JsonNode listed = await().atMost(Duration.ofSeconds(60)).until(() -> json(bureau.get(unpaid)).get("people"),
                people -> people.size() == 1 && people.get(0).get("outstanding").asString().equals("20.00"));

        assertThat(listed.get(0).get("payableAmount").asString()).isEqualTo("40.00");
        assertThat(json(ApiClient.at(port).as("township-" + county.township(0)).get("/api/v1/unpaid?region=350861&coverageYear=2018"
                + "&township=" + county.township(0))).get("people").get(0).get("outstanding").asString()).isEqualTo("20.00");
    }

    /**
     * A head teacher chases pupils by class (附件4's 村/社区/班级 for a pupil): a school's list names each pupil's school and class,
     * in the JSON and the workbook alike. A move to another school (PersonUpdated, which carries no class) leaves the class
     * unknown rather than the old school's; the pupil's next registration gives it again.
     */
    @Test
    void aSchoolsListNamesEachPupilsClassUntilThePupilMovesToAnotherSchool() throws Exception {
        ReportingMother county = new ReportingMother("350891");
        String unpaid = "/api/v1/lists/unpaid?region=350891&coverageYear=2018";
        EventTraffic.publish(county.campaign(), county.targetsWithTheSchool(),
                county.enrolledAtSchool(1, 0, "初一（3）班"), county.assessed(1, "0", null));
        ApiClient bureau = ApiClient.at(port).as("bureau");

        JsonNode pupil = await().atMost(Duration.ofSeconds(60)).until(() -> json(bureau.get(unpaid + "&unit=S001")).get("people"),
                people -> people.size() == 1).get(0);

        assertThat(pupil.get("school").asString()).isEqualTo("城关中学");
        assertThat(pupil.get("schoolClass").asString()).isEqualTo("初一（3）班");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bureau.download(unpaid + "&unit=S001&format=xlsx").body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("学校");
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("班级");
            assertThat(sheet.getRow(3).getCell(3).getStringCellValue()).isEqualTo("城关中学");
            assertThat(sheet.getRow(3).getCell(4).getStringCellValue()).isEqualTo("初一（3）班");
        }

        EventTraffic.publishAt(Instant.parse("2017-10-20T02:00:00Z"), new PersonUpdated(county.personId(1), 2018, "350891", null, null,
                "莲峰小学", null, null, null, null));
        JsonNode moved = await().atMost(Duration.ofSeconds(60)).until(() -> json(bureau.get(unpaid)).get("people").get(0),
                person -> "\"莲峰小学\"".equals(person.path("school").toString()));
        assertThat(moved.path("schoolClass").isNull() || moved.path("schoolClass").isMissingNode()).as(moved.toString()).isTrue();

        EventTraffic.publishAt(Instant.parse("2017-10-21T02:00:00Z"), county.enrolledAtSchool(1, 0, "初一（5）班"));
        await().atMost(Duration.ofSeconds(60)).until(() -> json(bureau.get(unpaid + "&unit=S001")).get("people"),
                people -> people.size() == 1 && "\"初一（5）班\"".equals(people.get(0).path("schoolClass").toString()));
    }

    /**
     * Units are schools too (Taixing judges each school at 100 %): a school's list, asked by its code in the targets, names its
     * pupils alone, as the SCHOOL level counts them, for the bureau and the school's township; another township may not read
     * it, and a code no unit has is the caller's mistake.
     */
    @Test
    void aSchoolsListNamesItsPupilsAloneForTheBureauAndTheSchoolsTownship() throws Exception {
        ReportingMother county = new ReportingMother("350869");
        String unpaid = "/api/v1/lists/unpaid?region=350869&coverageYear=2018";
        EventTraffic.publish(county.campaign(), county.targetsWithTheSchool(),
                county.enrolledAtSchool(1, 0), county.assessed(1, "0", null),
                county.enrolledWithContact(2, 0, "城关村", "孙八", "13900000022", false), county.assessed(2, "0", null));
        ApiClient bureau = ApiClient.at(port).as("bureau");
        await().atMost(Duration.ofSeconds(60)).until(() -> json(bureau.get(unpaid)).get("people").size() == 2);

        JsonNode school = json(bureau.get(unpaid + "&unit=S001"));

        assertThat(school.get("unitName").asString()).isEqualTo("城关中学");
        assertThat(school.get("people").valueStream().map(person -> person.get("personId").asString()).toList())
                .containsExactly(county.personId(1));
        assertThat(json(ApiClient.at(port).as("township-" + county.township(0)).get(unpaid + "&unit=S001")).get("people")).hasSize(1);
        assertThat(ApiClient.at(port).as("township-" + county.township(1)).get(unpaid + "&unit=S001").statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = bureau.get(unpaid + "&unit=S999");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"unit\"");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bureau.download(unpaid + "&unit=S001&format=xlsx").body()))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).endsWith("未缴费名单（城关中学）");
        }

        HttpResponse<String> issued = bureau.post("/api/v1/lists", "{\"region\":\"350869\",\"coverageYear\":2018}");
        assertThat(issued.statusCode()).isEqualTo(201);
        String issueId = JsonMapper.shared().readTree(issued.body()).get("issueId").asString();
        assertThat(json(bureau.get(unpaid + "&unit=S001&issued=" + issueId)).get("people").valueStream()
                .map(person -> person.get("personId").asString()).toList()).as("as issued").containsExactly(county.personId(1));
        jdbc.update("update issued_list set keeps_schools = false where issue_id = ?::uuid", issueId);
        HttpResponse<String> keptBefore = bureau.get(unpaid + "&unit=S001&issued=" + issueId);
        assertThat(keptBefore.statusCode()).as("an issue kept before its rows named schools").isEqualTo(400);
        assertThat(keptBefore.body()).contains("\"issued\"");
    }

    @Test
    void theBureauDownloadsAListAsAWorkbookAndACsvInChinese() throws Exception {
        ApiClient bureau = ApiClient.at(port).as("bureau");

        HttpResponse<byte[]> xlsx = bureau.download(LIST.formatted("unpaid") + "&format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("连城县2018年度城乡居民基本医疗保险未缴费名单");
            assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).isEqualTo("姓名");
            assertThat(sheet.getRow(3).getCell(5).getStringCellValue()).isEqualTo("李四");
            assertThat(sheet.getRow(3).getCell(7).getStringCellValue()).isEqualTo("13900000002");
            assertThat(sheet.getRow(3).getCell(8).getStringCellValue()).isEqualTo("低保对象");
        }
        String csv = new String(bureau.download(LIST.formatted("unpaid") + "&format=csv").body(), StandardCharsets.UTF_8);
        assertThat(csv).contains("序号,乡（镇）,村（社区）,学校,班级,姓名,身份证号码,联系电话", "1,莲峰镇,城关村,,,李四,350825***********2,13900000002,低保对象,");
    }

    @Test
    void theFridayIssueIsKeptAsItWasAndAnnounced() {
        ApiClient bureau = ApiClient.at(port).as("bureau");
        HttpResponse<String> created = bureau.post("/api/v1/lists", "{\"region\":\"350841\",\"coverageYear\":2018}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String issueId = JsonMapper.shared().readTree(created.body()).get("issueId").asString();
        assertThat(created.body()).contains("{\"list\":\"unpaid\",\"people\":5}", "{\"list\":\"paid\",\"people\":1}");
        assertThat(bureau.post("/api/v1/lists", "{\"region\":\"350841\",\"coverageYear\":2018}").statusCode())
                .as("once per business day").isEqualTo(409);
        assertThat(jdbc.queryForObject("select count(*) from outbox where type = 'ListsIssued' and aggregateid = ?", Integer.class,
                issueId)).isEqualTo(1);

        EventTraffic.publish(COUNTY.paid(6, "V6", "180.00"));
        ApiClient clerk = ApiClient.at(port).as("township-" + COUNTY.township(1));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(names(json(clerk.get(LIST.formatted("unpaid")
                + "&unit=" + COUNTY.township(1))))).containsExactly("赵六", "周九"));

        JsonNode friday = json(clerk.get(LIST.formatted("unpaid") + "&unit=" + COUNTY.township(1) + "&issued=" + issueId));
        assertThat(names(friday)).as("as issued, before 钱七 paid").containsExactly("赵六", "周九", "钱七");
        assertThat(friday.get("people").get(2).get("phone").asString()).isEqualTo("13900000006");
        assertThat(json(bureau.get("/api/v1/lists?region=350841&coverageYear=2018")).toString()).contains(issueId);
        assertThat(clerk.get(LIST.formatted("unpaid") + "&unit=" + COUNTY.township(0) + "&issued=" + issueId).statusCode())
                .isEqualTo(403);
    }

    /**
     * Lishi: a pupil enrolled through a school counts in the education system, not the township. The lists chase them
     * there too: the township's unpaid list used to name the pupil, and the education system's named nobody. The village's
     * list names whom the village's figures count, the pupil not (the village's target is the township's, less its pupils),
     * now and as a Friday issue kept it.
     */
    @Test
    void aPupilEnrolledThroughASchoolIsOnTheEducationSystemsListNotTheTownships() {
        ReportingMother lishi = new ReportingMother("350839");
        String village = lishi.township(0) + "001";
        EventTraffic.publish(lishi.campaign(), new TargetsSet("350839", 2018, lishi.targetsWithEducationSystem().targets(),
                        List.of(new TargetsSet.Unit(village, "城关村", TargetsSet.UnitType.VILLAGE, lishi.township(0), 2, null, null, null))),
                lishi.enrolledAtSchool(1, 0), lishi.assessed(1, "0", null), lishi.enrolled(2, 0, true), lishi.assessed(2, "0", null));
        ApiClient bureau = ApiClient.at(port).as("bureau");
        String unpaid = "/api/v1/lists/unpaid?region=350839&coverageYear=2018&unit=";

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(personIds(json(bureau.get(unpaid + "350839900")))).containsExactly(lishi.personId(1));
            assertThat(personIds(json(bureau.get(unpaid + lishi.township(0))))).containsExactly(lishi.personId(2));
        });
        assertThat(json(bureau.get(unpaid + "350839900")).get("people").get(0).get("townshipName").asString()).isEqualTo("教育系统");
        assertThat(personIds(json(bureau.get(unpaid + village)))).containsExactly(lishi.personId(2));
        HttpResponse<String> issued = bureau.post("/api/v1/lists", "{\"region\":\"350839\",\"coverageYear\":2018}");
        String issueId = JsonMapper.shared().readTree(issued.body()).get("issueId").asString();
        assertThat(personIds(json(bureau.get(unpaid + village + "&issued=" + issueId))))
                .as("the kept issue's village list, as the live one").containsExactly(lishi.personId(2));
        assertThat(personIds(json(bureau.get(unpaid + lishi.township(0) + "&issued=" + issueId)))).containsExactly(lishi.personId(2));
    }

    /**
     * Certified for this year and not registered yet: named and reached as last year's enrolment knew them, not as a bare
     * id. One who died last year, as the roster withdrew them then, is chased and counted no more.
     */
    @Test
    void someoneCertifiedWhoEnrolledLastYearIsNamedOnTheCertifiedListAndTheDeadAreNot() {
        ReportingMother county = new ReportingMother("350845");
        EventTraffic.publish(county.campaign(), county.targets(),
                county.enrolledWithContact(2017, 1, 0, "城关村", "吴老九", "13900000019", false),
                county.certified(1, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD),
                county.enrolledWithContact(2017, 2, 0, "城关村", "郑老十", "13900000020", false),
                new PersonWithdrawn(county.personId(2), 2017, "350845", WithdrawalReason.DECEASED, LocalDate.of(2017, 6, 1)),
                county.certified(2, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD));
        ApiClient bureau = ApiClient.at(port).as("bureau");
        String certified = "/api/v1/lists/certified-not-enrolled?region=350845&coverageYear=2018";

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("""
                select (select count(*) from eligibility_adjustment where region = '350845')
                     + (select count(*) from person_year where region = '350845' and withdrawal_reason = 'DECEASED')
                     + (select count(*) from person_contact c join person_year p using (person_id, coverage_year) where p.region = '350845')""",
                Integer.class) == 5);
        JsonNode people = json(bureau.get(certified)).get("people");
        assertThat(people).hasSize(1);
        JsonNode person = people.get(0);
        assertThat(person.get("name").asString()).isEqualTo("吴老九");
        assertThat(person.get("phone").asString()).isEqualTo("13900000019");
        assertThat(person.get("idNumberMasked").asString()).isEqualTo("350825***********2");
        assertThat(json(bureau.get("/api/v1/participation?region=350845&coverageYear=2018")).get("townships").get(0)
                .get("assistedPeople").get("of").asInt()).as("the dead are no one's to enrol").isOne();
    }

    /**
     * Someone the county's roster never knew, certified 低保 on civil affairs' list with a phone (附件3 gives no name): the
     * people this list exists for are reached by that phone; the township's clerk reads it too. Someone the roster knew
     * without a phone keeps the roster's name and is reached by the list's phone.
     */
    @Test
    void someoneCertifiedNeverEnrolledIsReachedByThePhoneTheAgencysListGave() {
        ReportingMother county = new ReportingMother("350885");
        EventTraffic.publish(county.campaign(), county.targets(), county.certifiedWithPhone(1, AssistanceCategory.MINIMUM_LIVING, "13900000031"),
                county.certified(2, AssistanceCategory.MINIMUM_LIVING, AdjustmentAction.ADD),
                county.enrolledWithContact(2017, 3, 0, "城关村", "钱老三", null, false),
                county.certifiedWithPhone(3, AssistanceCategory.MINIMUM_LIVING, "13900000033"));
        String certified = "/api/v1/lists/certified-not-enrolled?region=350885&coverageYear=2018";
        ApiClient bureau = ApiClient.at(port).as("bureau");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json(bureau.get(certified)).get("people")).hasSize(3));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from person_contact c join person_year p "
                + "using (person_id, coverage_year) where p.region = '350885'", Integer.class) == 1);

        JsonNode people = json(bureau.get(certified)).get("people");
        JsonNode reached = people.valueStream().filter(person -> person.get("personId").asString().equals(county.personId(1)))
                .findFirst().orElseThrow();
        assertThat(reached.get("phone").asString()).isEqualTo("13900000031");
        assertThat(reached.has("name")).as("the list gives no name").isFalse();
        JsonNode unreached = people.valueStream().filter(person -> person.get("personId").asString().equals(county.personId(2)))
                .findFirst().orElseThrow();
        assertThat(unreached.has("phone")).isFalse();
        JsonNode known = people.valueStream().filter(person -> person.get("personId").asString().equals(county.personId(3)))
                .findFirst().orElseThrow();
        assertThat(known.get("name").asString()).isEqualTo("钱老三");
        assertThat(known.get("phone").asString()).isEqualTo("13900000033");
        assertThat(json(ApiClient.at(port).as("township-" + county.township(0)).get(certified + "&unit=" + county.township(0)))
                .toString()).contains("13900000031");
    }

    /**
     * Certified 低保 in 文亨镇, then 特困 in 莲峰镇 (moved): the township's certified-needy figure and its certified-not-enrolled
     * list count the person in the same township, the one of the latest list.
     */
    @Test
    void theCertifiedNeedyFigureAndItsListCountSomeoneInTheTownshipOfTheLatestList() {
        ReportingMother county = new ReportingMother("350873");
        EventTraffic.publish(county.campaign(), county.targets(),
                new EligibilityAdjusted(county.personId(1), 2018, "350873", Agency.CIVIL_AFFAIRS, AssistanceCategory.MINIMUM_LIVING,
                        AdjustmentAction.ADD, LocalDate.of(2017, 10, 1), "batch-october", county.township(1), "新华村"),
                new EligibilityAdjusted(county.personId(1), 2018, "350873", Agency.CIVIL_AFFAIRS, AssistanceCategory.EXTREME_POVERTY,
                        AdjustmentAction.ADD, LocalDate.of(2017, 10, 20), "batch-november", county.township(0), "城关村"));
        ApiClient bureau = ApiClient.at(port).as("bureau");
        String lists = "/api/v1/lists/certified-not-enrolled?region=350873&coverageYear=2018&unit=";
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from eligibility_adjustment where region = '350873'", Integer.class) == 2);

        JsonNode townships = json(bureau.get("/api/v1/participation?region=350873&coverageYear=2018")).get("townships");

        for (int n = 0; n < 2; n++) {
            String township = county.township(n);
            JsonNode figures = townships.valueStream().filter(row -> row.get("township").asString().equals(township)).findFirst()
                    .orElseThrow();
            assertThat(figures.get("assistedPeople").get("of").asInt()).as(township)
                    .isEqualTo(json(bureau.get(lists + township)).get("people").size())
                    .isEqualTo(n == 0 ? 1 : 0);
        }
    }

    /** One list certifies, ends and certifies again one person's 低保 (March, June, October): the last row counts. */
    @Test
    void aListThatCertifiesEndsAndCertifiesAgainLeavesThePersonCertified() {
        ReportingMother county = new ReportingMother("350875");
        EventTraffic.publish(county.campaign(), county.targets());
        List<UUID> rows = new ArrayList<>();
        for (Object[] row : new Object[][] {{AdjustmentAction.ADD, LocalDate.of(2017, 3, 1)}, {AdjustmentAction.EXIT, LocalDate.of(2017, 6, 30)},
                {AdjustmentAction.ADD, LocalDate.of(2017, 10, 1)}}) {
            rows.add(EventTraffic.publishAt(Instant.now(), new EligibilityAdjusted(county.personId(1), 2018, "350875", Agency.CIVIL_AFFAIRS,
                    AssistanceCategory.MINIMUM_LIVING, (AdjustmentAction) row[0], (LocalDate) row[1], "batch-2017-10", county.township(0), "城关村")));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from inbox where event_id::text = any(?)",
                Integer.class, (Object) rows.stream().map(UUID::toString).toArray(String[]::new)) == 3);

        assertThat(personIds(json(ApiClient.at(port).as("bureau").get(
                "/api/v1/lists/certified-not-enrolled?region=350875&coverageYear=2018")))).containsExactly(county.personId(1));
    }

    /** A mistyped township code is the caller's mistake, not an empty list (which reads as nobody left to chase). */
    @Test
    void aTownshipTheCampaignDoesNotNameIsRefusedNamingTheUnit() {
        HttpResponse<String> answer = ApiClient.at(port).as("bureau").get(LIST.formatted("unpaid") + "&unit=350841199");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"unit\"");
    }

    private static List<String> personIds(JsonNode listing) {
        return StreamSupport.stream(listing.get("people").spliterator(), false).map(person -> person.get("personId").asString()).toList();
    }

    private static List<String> names(JsonNode listing) {
        return StreamSupport.stream(listing.get("people").spliterator(), false).map(person -> person.get("name").asString()).toList();
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }
}
