package cn.medicare.campaign.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules the operations team is woken by ({@code deploy/prometheus/alerts.yml}, and on Kubernetes
 * {@code kafka-alerts.yml} on Kafka itself) are valid Prometheus rules and fire when, and only when, their unit tests say
 * ({@code alerts.test.yml}, {@code kafka-alerts.test.yml}),
 * checked with Prometheus's own {@code promtool} (Debian's {@code prometheus} package, installed by .ci/run);
 * Compose's Alertmanager ({@code deploy/alertmanager}) takes every one of them to a receiver by its severity, checked
 * with its {@code amtool} (Debian's {@code prometheus-alertmanager}).
 */
class OperationsRulesTests {

    private static final Path RULES = Path.of("..", "deploy", "prometheus");
    private static final Path ALERTMANAGER = Path.of("..", "deploy", "alertmanager");
    /** Who each severity of the rules is for: a page wakes whoever is on call, a ticket waits in the team's queue. */
    private static final Map<String, String> RECEIVERS = Map.of("page", "on-call", "ticket", "operations");

    /** The services' rules, and Kafka's, which only Kubernetes loads (the Compose broker exports no metrics). */
    private static final List<String> RULE_FILES = List.of("alerts.yml", "kafka-alerts.yml");

    @Test
    void theAlertRulesAreValid() throws Exception {
        for (String rules : RULE_FILES) {
            assertThat(promtool("check", "rules", rules)).contains("SUCCESS");
        }
    }

    @Test
    void theAlertRulesFireAsTheirUnitTestsSay() throws Exception {
        for (String rules : RULE_FILES) {
            assertThat(promtool("test", "rules", rules.replace(".yml", ".test.yml"))).contains("SUCCESS");
        }
    }

    @Test
    void prometheusSendsItsAlertsToAlertmanager() throws Exception {
        assertThat(promtool("check", "config", "--syntax-only", "prometheus.yml")).contains("SUCCESS");
        assertThat(Files.readString(RULES.resolve("prometheus.yml"))).contains("alertmanager:9093");
    }

    @Test
    void alertmanagerTakesEveryAlertToTheReceiverOfItsSeverity() throws Exception {
        assertThat(run(ALERTMANAGER, "amtool", "check-config", "alertmanager.yml")).contains("SUCCESS");
        List<String> used = new ArrayList<>();
        for (String rules : RULE_FILES) {
            Pattern.compile("severity: (\\w+)").matcher(Files.readString(RULES.resolve(rules))).results()
                    .map(found -> found.group(1)).filter(severity -> !used.contains(severity)).forEach(used::add);
        }
        assertThat(used).isNotEmpty();
        for (String severity : used) {
            assertThat(RECEIVERS).as("a receiver for severity " + severity).containsKey(severity);
            assertThat(run(ALERTMANAGER, "amtool", "config", "routes", "test", "--config.file=alertmanager.yml", "severity=" + severity)
                    .lines().filter(line -> !line.startsWith("Warning")).toList()).containsExactly(RECEIVERS.get(severity));
        }
    }

    private static String promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        return run(RULES, command.toArray(String[]::new));
    }

    private static String run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
        System.out.println("[" + String.join(" ", command) + "] " + output.strip().replace('\n', ' '));
        return output;
    }
}
