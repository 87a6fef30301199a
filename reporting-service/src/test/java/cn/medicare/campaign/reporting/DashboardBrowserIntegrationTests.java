package cn.medicare.campaign.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.infra.testing.EventTraffic;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.ServiceDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11: the dashboard as people watch it, in Debian's headless Chromium (installed by .ci/run):
 * sign in, wait for the figures, check that what the page shows is what the API answers, drill down
 * from a township to its villages, and keep a screenshot ({@code target/dashboard.png}).
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserIntegrationTests {

    private static final ReportingMother COUNTY = new ReportingMother("350842");

    @LocalServerPort
    int port;

    private WebDriver browser;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceDatabase.register(registry, "reporting_dashboard_test");
    }

    @BeforeEach
    void headlessChromium(@TempDir Path profile) {
        browser = HeadlessChromium.start("1440,2200", profile);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aViewerSignsInAndSeesTheApisFiguresInChineseWithADrillDownToVillages() throws IOException {
        EventTraffic.publish(COUNTY.campaign(),
                new TargetsSet(COUNTY.campaign().region(), 2018, List.of(new TargetsSet.Target(COUNTY.township(0), "莲峰镇", 4),
                        new TargetsSet.Target(COUNTY.township(1), "文亨镇", 3)),
                        List.of(new TargetsSet.Unit(COUNTY.township(0) + "001", "城关村", TargetsSet.UnitType.VILLAGE, COUNTY.township(0),
                                3, null, null, null))),
                COUNTY.enrolled(1, 0, true), COUNTY.assessed(1, "0", null), COUNTY.paid(1, "V1", "180.00"),
                COUNTY.enrolled(2, 0, true), COUNTY.assessed(2, "140", AssistanceCategory.MINIMUM_LIVING), COUNTY.paid(2, "V2", "40.00"),
                COUNTY.enrolled(3, 0, false), COUNTY.assessed(3, "180", AssistanceCategory.EXTREME_POVERTY),
                COUNTY.enrolled(4, 1, true), COUNTY.assessed(4, "0", null), COUNTY.paid(4, "V4", "180.00"),
                COUNTY.enrolled(5, 1, true), COUNTY.assessed(5, "0", null));
        ApiClient viewer = ApiClient.at(port).as("viewer");
        String figures = "/api/v1/participation?region=350842&coverageYear=2018";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json(viewer.get(figures).body()).get("total")
                .get("enrolled").asInt()).isEqualTo(4));
        JsonNode api = json(viewer.get(figures).body());

        browser.get("http://localhost:" + port + "/?region=350842&coverageYear=2018");
        WebDriverWait patience = new WebDriverWait(browser, Duration.ofSeconds(30));
        patience.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
        browser.findElement(By.id("username")).sendKeys("viewer");
        browser.findElement(By.id("password")).sendKeys("local-viewer");
        browser.findElement(By.id("sign-in")).click();
        patience.until(ExpectedConditions.textToBe(By.id("county-rate"), percent(api.get("total").get("rate").asString())));

        Map<String, Object> page = snapshot();
        assertThat(page.get("title")).isEqualTo("连城县 2018年度城乡居民医保参保缴费进度");
        assertThat(page.get("enrolled")).isEqualTo("4 / 7");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) page.get("rows");
        assertThat(rows).hasSize(api.get("townships").size());
        for (JsonNode township : api.get("townships")) {
            Map<String, Object> row = rows.stream().filter(shown -> township.get("township").asString().equals(shown.get("unit")))
                    .findFirst().orElseThrow();
            assertThat(row.get("name")).isEqualTo(township.get("townshipName").asString());
            assertThat(row.get("enrolled")).isEqualTo(township.get("enrolled").asString());
            assertThat(row.get("rate")).isEqualTo(percent(township.get("rate").asString()));
        }
        assertThat((String) page.get("townships")).contains("低保对象 1", "特困人员 1");
        assertThat((String) page.get("freshness")).startsWith("数据截至").contains("北京时间");
        assertThat(page.get("ranking")).isEqualTo(2L);
        assertThat((Long) page.get("canvases")).as("the trend drawn by ECharts").isPositive();
        // the rates the page divides itself (the county's e-vouchers, the county at each period end) round as the forms do
        assertThat(((JavascriptExecutor) browser).executeScript("return [rateOf(23, 160), rateOf(29, 800), rateOf(1, 3), rateOf(0, 7)]"))
                .isEqualTo(List.of("0.1438", "0.0363", "0.3333", "0.0000"));

        ((JavascriptExecutor) browser).executeScript("document.querySelector(\"#townships tr[data-unit='" + COUNTY.township(0)
                + "']\").click()");
        patience.until(ExpectedConditions.textToBePresentInElementLocated(By.id("villages"), "城关村"));
        assertThat(snapshot().get("villagesTitle")).isEqualTo("莲峰镇 的村（社区）");

        Path screenshot = Path.of("target", "dashboard.png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        System.out.println("[dashboard] headless Chromium showed the API's figures; screenshot " + screenshot.toAbsolutePath());
    }

    /**
     * What the page shows, read in one go: the page rebuilds its rows at every refresh, so elements
     * found one by one may be replaced between two reads.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> snapshot() {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
                const text = id => document.getElementById(id)?.textContent;
                return {title: text('title'), enrolled: text('county-enrolled'), townships: text('townships'),
                  freshness: text('freshness'), villagesTitle: text('villages-title'),
                  ranking: document.querySelectorAll('#ranking tbody tr').length,
                  canvases: document.querySelectorAll('#trend canvas').length,
                  rows: [...document.querySelectorAll('#townships tbody tr')].map(tr => ({unit: tr.dataset.unit,
                    name: tr.querySelector('.unit-name').textContent, enrolled: tr.querySelector('.enrolled').textContent,
                    rate: tr.querySelector('.rate .value').textContent}))};""");
    }

    private static String percent(String rate) {
        return new BigDecimal(rate).movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static JsonNode json(String body) {
        return JsonMapper.shared().readTree(body);
    }
}
