package cn.medicare.campaign.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The alert rules the operations team is woken by ({@code deploy/prometheus/alerts.yml}) are valid
 * Prometheus rules and fire when, and only when, their unit tests say ({@code alerts.test.yml}),
 * checked with Prometheus's own {@code promtool} (Debian's {@code prometheus} package, installed by .ci/run).
 */
class OperationsRulesTests {

    private static final Path RULES = Path.of("..", "deploy", "prometheus");

    @Test
    void theAlertRulesAreValid() throws Exception {
        assertThat(promtool("check", "rules", "alerts.yml")).contains("SUCCESS");
    }

    @Test
    void theAlertRulesFireAsTheirUnitTestsSay() throws Exception {
        assertThat(promtool("test", "rules", "alerts.test.yml")).contains("SUCCESS");
    }

    private static String promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(RULES.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("promtool " + String.join(" ", arguments) + ":\n" + output).isZero();
        System.out.println("[promtool " + String.join(" ", arguments) + "] " + output.strip().replace('\n', ' '));
        return output;
    }
}
