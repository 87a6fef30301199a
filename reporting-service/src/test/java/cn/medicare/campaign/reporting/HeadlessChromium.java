package cn.medicare.campaign.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The dashboard as people see it: Debian's Chromium, headless, in Chinese, with a profile of its own (.ci/run installs it). */
final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The module's, where Maven runs its tests: a profile of some 3 MB a browser stays out of the machine's /tmp. */
    private static final Path BUILD_DIRECTORY = Path.of("target");

    private HeadlessChromium() {
    }

    /** @param windowSize as Chromium takes it, {@code 1440,2200} */
    static ChromeDriver start(String windowSize) throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Debian's chromium and chromium-driver (.ci/run installs them)").isTrue();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=" + windowSize, "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory(BUILD_DIRECTORY, "chromium"));
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
    }
}
