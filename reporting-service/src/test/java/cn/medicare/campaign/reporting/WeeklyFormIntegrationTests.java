package cn.medicare.campaign.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.ServiceDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11: the weekly report is 附件5 周报表 as the form has it, opened as clerks open it: with a
 * third-party reader of workbooks (openpyxl) and of PDFs (pdftotext), byte for byte the same on every download.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeeklyFormIntegrationTests {

    private static final ReportingMother COUNTY = new ReportingMother("350840");

    /** 莲峰镇 (6 = 5 local + 1 with a permit) and 文亨镇 (4, all local), as the form's rows should show them. */
    private static final List<List<Object>> FORM_ROWS = List.of(
            List.of(1, "莲峰镇", 6, 5, 1, 5, 0.8333, 1, 1, 1, 1, 1, 0, 0),
            List.of(2, "文亨镇", 4, 4, 0, 2, 0.5, 0, 0, 0, 0, 0, 1, 1));

    @LocalServerPort
    int port;

    /** What the tests download and hand to the clerks' tools, deleted after the class. */
    @TempDir
    Path files;

    private String reportId;
    private Instant asOf;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceDatabase.register(registry, "reporting_weekly_form_test");
    }

    @BeforeAll
    void aWeekOfTheCampaign() {
        EventTraffic.publish(COUNTY.campaign(),
                new TargetsSet(COUNTY.campaign().region(), 2018, List.of(
                        new TargetsSet.Target(COUNTY.township(0), "莲峰镇", 6, null, null, 5, 1),
                        new TargetsSet.Target(COUNTY.township(1), "文亨镇", 4, null, null, 4, 0))),
                COUNTY.enrolled(1, 0, true), COUNTY.assessed(1, "0", null), COUNTY.paid(1, "V1", "180.00"),
                COUNTY.enrolled(2, 0, true), COUNTY.assessed(2, "140", AssistanceCategory.MINIMUM_LIVING), COUNTY.paid(2, "V2", "40.00"),
                COUNTY.enrolled(3, 0, false), COUNTY.assessed(3, "180", AssistanceCategory.EXTREME_POVERTY),
                COUNTY.enrolled(4, 0, false), COUNTY.assessed(4, "0", null), COUNTY.paid(4, "V4", "180.00"),
                COUNTY.enrolled(5, 0, true), COUNTY.assessed(5, "90", AssistanceCategory.MONITORED), COUNTY.paid(5, "V5", "90.00"),
                COUNTY.enrolled(6, 1, true), COUNTY.assessed(6, "100", AssistanceCategory.RETURNED_TO_POVERTY),
                COUNTY.paid(6, "V6", "80.00"),
                COUNTY.enrolled(7, 1, true), COUNTY.assessed(7, "180", AssistanceCategory.ORPHAN),
                COUNTY.enrolled(8, 1, true), COUNTY.assessed(8, "0", null));
        ApiClient bureau = ApiClient.at(port).as("bureau");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json(bureau.get(
                "/api/v1/participation?region=350840&coverageYear=2018").body()).get("total").get("enrolled").asInt()).isEqualTo(7));
        HttpResponse<String> created = bureau.post("/api/v1/reports", "{\"type\":\"WEEKLY\",\"region\":\"350840\",\"coverageYear\":2018}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        reportId = json(created.body()).get("reportId").asString();
        asOf = Instant.parse(json(bureau.get("/api/v1/reports/" + reportId).body()).get("asOf").asString());
    }

    @Test
    void openedWithOpenpyxlTheWorkbookIsForm5WithTheCountysNameTheDeadlineAndATotalOfItsColumns() throws Exception {
        Path file = Files.createTempFile(files, "weekly", ".xlsx");
        Files.write(file, download("xlsx"));
        JsonNode sheet = json(thirdParty(List.of("/usr/bin/python3", script(), file.toString()))).get("附件5 周报表");

        JsonNode rows = sheet.get("rows");
        assertThat(rows.get(0).get(0).asString()).isEqualTo("连城县2018年度城乡居民基本医疗保险参保缴费进度周报表");
        assertThat(rows.get(1).get(0).asString()).isEqualTo("填报单位：连城县医疗保障局");
        assertThat(texts(rows.get(1))).contains("截止日期：" + DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
                .format(asOf.atZone(ZoneId.of("Asia/Shanghai"))) + "（北京时间）");
        assertThat(texts(rows.get(2))).containsSubsequence("序号", "单位", "应参保总人数", "目前已参保总人数", "参保率", "居民自费参保人数",
                "资助参保人数", "备注");
        assertThat(texts(rows.get(3))).containsExactly("合计", "本地户籍", "外地户籍持本地居住证", "本地居民", "外籍户口", "特困人员", "低保对象",
                "易致贫返贫人员", "返贫人员", "其他");
        assertThat(sheet.get("merged").toString()).contains("A1:O1", "A3:A4", "B3:B4", "C3:E3", "F3:F4", "G3:G4", "H3:I3", "J3:N3", "O3:O4");
        for (int r = 0; r < FORM_ROWS.size(); r++) {
            assertThat(values(rows.get(4 + r), 14)).as("row of %s", FORM_ROWS.get(r).get(1)).isEqualTo(FORM_ROWS.get(r));
        }
        JsonNode total = rows.get(4 + FORM_ROWS.size());
        assertThat(total.get(1).asString()).isEqualTo("合计");
        for (int c = 2; c < 14; c++) {
            if (c == 6) {
                assertThat(total.get(c).asDouble()).as("the county's rate, 7 / 10").isEqualTo(0.7);
                continue;
            }
            int sum = 0;
            for (int r = 0; r < FORM_ROWS.size(); r++) {
                sum += rows.get(4 + r).get(c).asInt();
            }
            assertThat(total.get(c).asInt()).as("合计 of column %d", c).isEqualTo(sum);
        }
        assertThat(sheet.get("formats").get(4).get(6).asString()).as("the rate shown as a percentage").isEqualTo("0.00%");
    }

    @Test
    void thePdfHoldsTheSameFiguresInChineseFromTheFontItShips() throws Exception {
        byte[] pdf = download("pdf");
        Path file = Files.createTempFile(files, "weekly", ".pdf");
        Files.write(file, pdf);

        String text = thirdParty(List.of("pdftotext", "-layout", file.toString(), "-")).replaceAll("[ \\t]+", " ");
        assertThat(text).contains("连城县2018年度城乡居民基本医疗保险参保缴费进度周报表", "填报单位：连城县医疗保障局", "截止日期：",
                "应参保总人数", "外地户籍持", "资助参保人数", "易致贫返贫",
                "1 莲峰镇 6 5 1 5 83.33% 1 1 1 1 1 0 0", "2 文亨镇 4 4 0 2 50.00% 0 0 0 0 0 1 1", "合计 10 9 1 7 70.00% 1 1 1 1 1 1 1");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames().iterator().next())
                    .isEmbedded()).as("the glyphs travel with the file").isTrue();
            assertThat(new PDFTextStripper().getText(document)).contains("合计");
        }
    }

    @Test
    void everyDownloadOfTheReportIsTheSameFileDatedAtItsMoment() throws IOException {
        byte[] xlsx = download("xlsx");
        byte[] pdf = download("pdf");

        assertThat(download("xlsx")).isEqualTo(xlsx);
        assertThat(download("pdf")).isEqualTo(pdf);
        LocalDateTime beijing = LocalDateTime.ofInstant(asOf, ZoneId.of("Asia/Shanghai")).withNano(0);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                assertThat(entry.getTimeLocal()).as(entry.getName()).isEqualTo(beijing.withSecond(beijing.getSecond() / 2 * 2));
            }
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(asOf.truncatedTo(ChronoUnit.SECONDS));
            assertThat(document.getDocument().getTrailer().getCOSArray(COSName.ID)).isNotNull();
        }
        String csv = new String(download("csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains("应参保总人数（外地户籍持本地居住证）", "1,莲峰镇,6,5,1,5,83.33%,1,1,1,1,1,0,0,", "合计,10,9,1,7,70.00%");
    }

    private byte[] download(String format) {
        HttpResponse<byte[]> response = ApiClient.at(port).as("viewer").download("/api/v1/reports/" + reportId + "/content." + format);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** What a tool outside the JVM prints: the reports' readers are the clerks' own tools, not ours. */
    private String thirdParty(List<String> command) throws IOException, InterruptedException {
        Path errors = Files.createTempFile(files, "third-party", ".err");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + Files.readString(errors)
                + "\n(.ci/run installs python3-openpyxl and poppler-utils)").isZero();
        return output;
    }

    private String script() throws IOException {
        Path script = Files.createTempFile(files, "openpyxl-read", ".py");
        try (InputStream in = WeeklyFormIntegrationTests.class.getResourceAsStream("/openpyxl-read.py")) {
            Files.write(script, in.readAllBytes());
        }
        return script.toString();
    }

    private static List<String> texts(JsonNode row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> {
            if (!cell.isNull()) {
                texts.add(cell.asString());
            }
        });
        return texts;
    }

    /** The first cells of a row as Java values: whole numbers as integers, rates as doubles. */
    private static List<Object> values(JsonNode row, int cells) {
        List<Object> values = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            JsonNode cell = row.get(c);
            if (cell.isString()) {
                values.add(cell.asString());
            } else {
                double number = cell.asDouble();
                values.add(number == Math.rint(number) ? (Object) (int) number : (Object) number);
            }
        }
        return values;
    }

    private static JsonNode json(String body) {
        return JsonMapper.shared().readTree(body);
    }
}
