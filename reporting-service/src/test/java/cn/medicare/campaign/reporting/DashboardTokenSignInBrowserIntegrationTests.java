package cn.medicare.campaign.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.fixtures.ProvinceIdentityProvider;
import cn.medicare.campaign.fixtures.ProvinceTokens;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.ServiceDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production mode: the dashboard signs in with an access token from the province's identity provider, since its HTTP
 * Basic form had nothing to send there (README's known limit until session 34). In Debian's headless Chromium.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"insurance.security.mode=jwt", "spring.security.oauth2.resourceserver.jwt.audiences=" + ProvinceTokens.AUDIENCE,
                // production brings its own keys: the local ones are refused in this mode
                "insurance.identity.person-key=dGVzdC1vbmx5LXBlcnNvbi1rZXktZm9yLWp3dC1tb2Rl",
                // this context only answers HTTP: the other tests' consumers keep their partitions
                "spring.kafka.listener.auto-startup=false"})
@Import(ProvinceIdentityProvider.class)
class DashboardTokenSignInBrowserIntegrationTests {

    private static final ProvinceTokens PROVINCE = ProvinceTokens.PROVINCE;

    @LocalServerPort
    int port;

    private WebDriver browser;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceDatabase.register(registry, "reporting_token_test");
    }

    @BeforeEach
    void headlessChromium(@TempDir Path profile) {
        browser = HeadlessChromium.start("1280,900", profile);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theServiceTellsThePageToAskForATokenAndRefusedCallsNameTheBearerScheme() {
        HttpResponse<String> signIn = ApiClient.at(port).get("/dashboard/sign-in");
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body()).isEqualTo("{\"scheme\":\"Bearer\"}");

        HttpResponse<String> refused = ApiClient.at(port).get("/api/v1/freshness?region=350825&coverageYear=2018");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer "));
    }

    @Test
    void aViewerPastesATokenAndAForgedOneIsRefusedInWords() {
        browser.get("http://localhost:" + port + "/?region=350825&coverageYear=2018");
        WebDriverWait patience = new WebDriverWait(browser, Duration.ofSeconds(30));
        patience.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertThat(browser.findElement(By.id("username")).isDisplayed()).as("no user name to give in production").isFalse();

        browser.findElement(By.id("token")).sendKeys(ProvinceTokens.generate().token(Map.of("client_id", "x", "role", "VIEWER")));
        browser.findElement(By.id("sign-in")).click();
        patience.until(ExpectedConditions.textToBe(By.id("login-error"), "令牌无效或已过期 / the token is invalid or has expired"));

        browser.findElement(By.id("token")).clear();
        browser.findElement(By.id("token")).sendKeys("Bearer " + PROVINCE.token(Map.of("client_id", "liancheng-viewer", "role", "VIEWER")));
        browser.findElement(By.id("sign-in")).click();
        patience.until(ExpectedConditions.visibilityOfElementLocated(By.id("choice")));

        assertThat((String) ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('auth')"))
                .startsWith("Bearer ey").doesNotContain("Bearer Bearer");
        assertThat(browser.findElement(By.id("login")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("token")).getDomProperty("value")).as("not left in the form").isEmpty();
    }
}
