package cn.medicare.campaign.stack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.TestInfrastructure;
import cn.medicare.campaign.stack.demo.Season;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11's season worth watching: a short simulated season of Liancheng 2018 (1 % of the county,
 * half a minute) on the whole suite, watched in headless Chromium while it runs: the dashboard shows
 * the county's rate between 0 and 100 % in Chinese ({@code target/season-dashboard.png}), and the
 * rates at the month ends climb.
 */
@RealInfrastructure
class SeasonDashboardIntegrationTests {

    private static Suite suite;
    /** The relays' offsets, deleted after the class once the suite is closed. */
    @TempDir
    static Path relays;
    private static ChromeDriver browser;

    /** @param profile Chromium's (some 3 MB, which it leaves behind when it quits), deleted after the class */
    @BeforeAll
    static void startSuite(@TempDir Path profile) throws IOException {
        Suite.forASimulatedSeason();
        try {
            suite = Suite.start(TestInfrastructure.get(), false, relays, System.out);
        } finally {
            // the test classes after this one start suites of their own in this JVM
            Suite.forTheRealCalendar();
        }
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1440,2200", "--lang=zh-CN",
                "--user-data-dir=" + profile);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build(), options);
    }

    @AfterAll
    static void stopSuite() {
        browser.quit();
        suite.close();
    }

    /** An element's text as the page has it now (the page rebuilds its figures at every refresh). */
    private static String text(String id) {
        return (String) browser.executeScript("return document.getElementById(arguments[0])?.textContent", id);
    }

    @Test
    void theDashboardShowsTheSeasonClimbingWhileItRuns() throws Exception {
        Thread season = Season.start(suite, System.out, new Season.Settings(0.01, 2018, Duration.ofSeconds(30)));
        String reporting = suite.url(SuiteService.REPORTING);

        browser.get(reporting + "/?region=350825&coverageYear=2018");
        WebDriverWait patience = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(200));
        patience.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
        browser.findElement(By.id("username")).sendKeys("viewer");
        browser.findElement(By.id("password")).sendKeys("local-viewer");
        browser.findElement(By.id("sign-in")).click();
        patience.until(driver -> {
            String rate = text("county-rate");
            return rate != null && rate.matches("[0-9.]+%") && new BigDecimal(rate.replace("%", "")).compareTo(BigDecimal.valueOf(5)) > 0
                    && new BigDecimal(rate.replace("%", "")).compareTo(BigDecimal.valueOf(90)) < 0;
        });
        Path screenshot = Path.of("target", "season-dashboard.png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
        String shown = text("county-rate");
        assertThat(text("title")).isEqualTo("连城县 2018年度城乡居民医保参保缴费进度");
        assertThat(text("townships")).contains("莲峰镇", "特困人员");
        assertThat(text("stages")).as("Liancheng's 2018 notice sets no staged targets").contains("本年度方案未设阶段目标");

        season.join(Duration.ofMinutes(3).toMillis());
        assertThat(season.isAlive()).as("the season ended").isFalse();
        List<BigDecimal> monthEnds = new ArrayList<>();
        for (String end : List.of("2017-09-30", "2017-10-31", "2017-11-30", "2017-12-31")) {
            monthEnds.add(new BigDecimal(JsonMapper.shared().readTree(ApiClient.at(reporting).as("viewer").get(
                    "/api/v1/participation?region=350825&coverageYear=2018&asOf=" + end + "T15:59:59Z").body())
                    .get("total").get("rate").asString()));
        }
        assertThat(monthEnds).isSorted();
        assertThat(monthEnds.get(0)).isLessThan(monthEnds.get(3));
        assertThat(monthEnds.get(3)).isGreaterThan(new BigDecimal("0.9"));
        System.out.printf("[season] the dashboard showed %s mid-season (screenshot %s); month ends %s%n", shown,
                screenshot.toAbsolutePath(), monthEnds);
    }
}
