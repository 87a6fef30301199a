package cn.medicare.campaign.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.codes.ReportType;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.Event;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.fixtures.Campaigns;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.reporting.ReportingDatabase;
import cn.medicare.campaign.reporting.ReportingMother;
import cn.medicare.campaign.reporting.participation.StageSettlementService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11: the half-monthly and monthly bulletins issue themselves at each period end, once, with
 * the ranking, the stage results and a chart of every unit's rate over time in their PDF and workbook.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BulletinIntegrationTests {

    private static final String REGION = "350843";

    @LocalServerPort
    int port;

    @Autowired
    BulletinService bulletins;

    @Autowired
    ReportStore reports;

    @Autowired
    StageSettlementService settlements;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ReportingDatabase.withoutTheStageSchedule(registry, "reporting_bulletin_test");
    }

    @Test
    void eachPeriodEndIssuesItsBulletinsOnceWithTheirChart(@TempDir Path files) throws Exception {
        CampaignDefined campaign = Campaigns.withoutExtensions(Campaigns.inRegion(Liancheng.apiExample(2018), REGION));
        EventTraffic.publish(campaign, new TargetsSet(REGION, 2018, List.of(new TargetsSet.Target(REGION + "100", "莲峰镇", 4),
                new TargetsSet.Target(REGION + "101", "文亨镇", 3))));
        ApiClient bureau = ApiClient.at(port).as("bureau");
        await().atMost(Duration.ofSeconds(60)).until(() -> bureau.get("/api/v1/participation?region=" + REGION + "&coverageYear=2018")
                .statusCode() == 200);
        Instant october = Instant.parse("2017-10-31T15:59:59Z");

        bulletins.issueFor(LocalDate.of(2017, 10, 20));
        assertThat(reports.exists(ReportType.HALF_MONTHLY, REGION, 2018, Instant.parse("2017-10-20T15:59:59Z"))).isFalse();
        settlements.settleDue(REGION, 2018);
        bulletins.issueFor(LocalDate.of(2017, 10, 31));
        bulletins.issueFor(LocalDate.of(2017, 10, 31));

        JsonNode issued = JsonMapper.shared().readTree(bureau.get("/api/v1/reports?region=" + REGION + "&coverageYear=2018").body());
        assertThat(issued).hasSize(2);
        assertThat(issued.toString()).contains("\"type\":\"HALF_MONTHLY\"", "\"type\":\"MONTHLY\"", "\"asOf\":\"" + october + "\"");
        String monthly = issued.get(0).get("type").asString().equals("MONTHLY") ? issued.get(0).get("reportId").asString()
                : issued.get(1).get("reportId").asString();
        JsonNode content = JsonMapper.shared().readTree(bureau.get("/api/v1/reports/" + monthly).body()).get("content");
        assertThat(content.get("rankings").size()).as("the month ends of September and October").isEqualTo(2);
        assertThat(content.get("stages")).as("the stage results travel with the bulletin").isNotEmpty();

        byte[] xlsx = bureau.download("/api/v1/reports/" + monthly + "/content.xlsx").body();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheet("排名")).isNotNull();
            assertThat(workbook.getSheet("阶段目标")).isNotNull();
            assertThat(((XSSFDrawing) workbook.getSheet("走势图").getDrawingPatriarch()).getShapes()).hasSize(1);
            assertThat(workbook.getAllPictures().get(0).getData()).startsWith(0x89, 'P', 'N', 'G');
        }
        Path pdf = Files.createTempFile(files, "monthly", ".pdf");
        Files.write(pdf, bureau.download("/api/v1/reports/" + monthly + "/content.pdf").body());
        Process text = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), "-").start();
        String printed = new String(text.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(printed).contains("连城县2018年度城乡居民基本医疗保险参保缴费进度月通报", "2017年10月31日排名", "阶段目标",
                "连城县2018年度各单位参保率走势");
        Process images = new ProcessBuilder("pdfimages", "-list", pdf.toString()).start();
        String listed = new String(images.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(images.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(listed.lines().skip(2).count()).as("the chart is in the PDF:\n" + listed).isEqualTo(1);
    }

    /**
     * A county going live on 3 November: the month end of October came before the read model held its campaign, so no
     * bulletin of it is issued on the back-dated facts of the first days (one of its own held before is: the test above).
     */
    @Test
    void aPeriodEndBeforeTheCampaignWasHeldIssuesNoBulletin() {
        String region = "350884";
        EventTraffic.publishAt(Instant.parse("2017-11-03T02:00:00Z"),
                Campaigns.withoutExtensions(Campaigns.inRegion(Liancheng.apiExample(2018), region)));
        EventTraffic.publishAt(Instant.parse("2017-11-03T02:00:00Z"), new TargetsSet(region, 2018,
                List.of(new TargetsSet.Target(region + "100", "莲峰镇", 4))));
        ApiClient bureau = ApiClient.at(port).as("bureau");
        await().atMost(Duration.ofSeconds(60)).until(() -> bureau.get("/api/v1/participation?region=" + region + "&coverageYear=2018")
                .statusCode() == 200);

        settlements.settleDue(region, 2018);
        bulletins.issueFor(LocalDate.of(2017, 10, 31));
        bulletins.issueFor(LocalDate.of(2017, 11, 15));

        assertThat(reports.exists(ReportType.MONTHLY, region, 2018, Instant.parse("2017-10-31T15:59:59Z"))).isFalse();
        assertThat(reports.exists(ReportType.HALF_MONTHLY, region, 2018, Instant.parse("2017-11-15T15:59:59Z"))).isTrue();
    }

    /**
     * A bulletin that ran before the quarter-hour settlement had kept its period computed the figures itself: a payment of the
     * period arriving between the two was in the bulletin and not in the standings the rankings and the next bulletins'
     * streaks read for good. It now waits for them to be kept, and says what was kept.
     */
    @Test
    void aBulletinWaitsForItsPeriodToBeKeptAndReadsWhatWasKept() {
        String region = "350890";
        ReportingMother county = new ReportingMother(region);
        EventTraffic.publish(county.campaign(), county.targets(), county.enrolled(1, 1, true), county.assessed(1, "0", null),
                county.paid(1, "V1", "180.00"), county.enrolled(2, 1, true), county.assessed(2, "0", null));
        ApiClient bureau = ApiClient.at(port).as("bureau");
        String participation = "/api/v1/participation?region=" + region + "&coverageYear=2018";
        await().atMost(Duration.ofSeconds(60)).until(() -> bureau.get(participation).statusCode() == 200
                && enrolledIn(bureau, participation) == 1);
        Instant october = Instant.parse("2017-10-31T15:59:59Z");

        bulletins.issueFor(LocalDate.of(2017, 10, 31));
        assertThat(reports.exists(ReportType.MONTHLY, region, 2018, october)).as("nothing kept for October yet").isFalse();

        settlements.settleDue(region, 2018);
        // paid on Oct 9, applied after October's standings were kept
        Event late = county.paid(2, "V2", "180.00");
        EventTraffic.publish(late);
        await().atMost(Duration.ofSeconds(60)).until(() -> enrolledIn(bureau, participation) == 2);
        bulletins.issueFor(LocalDate.of(2017, 10, 31));

        assertThat(reports.exists(ReportType.MONTHLY, region, 2018, october)).isTrue();
        JsonNode issued = JsonMapper.shared().readTree(bureau.get("/api/v1/reports?region=" + region + "&coverageYear=2018&type=MONTHLY")
                .body());
        JsonNode bulletinOctober = JsonMapper.shared().readTree(bureau.get("/api/v1/reports/" + issued.get(0).get("reportId").asString())
                .body()).get("content").get("rankings").get(1);
        JsonNode rankingsOctober = JsonMapper.shared().readTree(bureau.get("/api/v1/rankings?region=" + region
                + "&coverageYear=2018&period=MONTHLY").body()).get("rankings").get(1);
        assertThat(bulletinOctober.get("periodEnd").asString()).isEqualTo("2017-10-31");
        assertThat(bulletinOctober.get("townships")).as("the bulletin reads the standings kept").isEqualTo(rankingsOctober.get("townships"));
        assertThat(bulletinOctober.get("townships").valueStream().filter(township -> township.get("township").asString()
                .equals(region + "101")).findFirst().orElseThrow().get("enrolled").asInt()).as("paid by October, applied after").isOne();
    }

    private static int enrolledIn(ApiClient bureau, String participation) {
        return JsonMapper.shared().readTree(bureau.get(participation).body()).get("total").get("enrolled").asInt();
    }
}
