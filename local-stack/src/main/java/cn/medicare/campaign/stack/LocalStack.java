package cn.medicare.campaign.stack;

import cn.medicare.campaign.infra.postgres.PostgresServer;
import cn.medicare.campaign.infra.relay.ConnectWorker;
import cn.medicare.campaign.infra.relay.Relay;
import cn.medicare.campaign.stack.demo.Season;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The whole suite in one process: Kafka, PostgreSQL, the four outbox connectors (Debezium's
 * embedded engine, or with {@code --relay=connect} a Kafka Connect worker on port 8090) and the
 * four services, started in dependency order and stopped in reverse on Ctrl-C.
 */
public final class LocalStack {

    private final StackSettings settings;
    private final PrintStream out;
    private StackInfrastructure infrastructure;
    private Suite suite;

    LocalStack(StackSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStack stack = new LocalStack(StackSettings.from(args, System.getenv()), System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "local-stack-stop"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("The local stack could not start: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
        stopped.await();
    }

    synchronized void start() {
        long started = System.nanoTime();
        infrastructure = StackInfrastructure.start(settings);
        if (settings.demo()) {
            Suite.forASimulatedSeason();
        }
        suite = Suite.start(infrastructure, true, settings.relay(), settings.workDirectory().resolve("relay-offsets"), out);
        HealthCheck.awaitUp(List.of(SuiteService.values()), Duration.ofSeconds(60));
        printUrls(Duration.ofNanos(System.nanoTime() - started));
        if (settings.demo()) {
            Season.start(suite, out, settings.season());
        }
    }

    synchronized void stop() {
        if (suite != null) {
            suite.close();
            suite = null;
        }
        if (infrastructure != null) {
            infrastructure.close();
            infrastructure = null;
        }
        out.println("Local stack stopped.");
    }

    private void printUrls(Duration startup) {
        out.println();
        out.printf("The local stack is up (%.1f s): %s%n", startup.toMillis() / 1000.0, infrastructure.description());
        for (SuiteService service : SuiteService.values()) {
            String url = suite.url(service);
            out.printf("  %-24s %s   health %s/actuator/health   metrics %s/actuator/prometheus   OpenAPI %s/v3/api-docs%n",
                    service.serviceName(), url, url, url, url);
        }
        out.printf("  Kafka %s; PostgreSQL (user %s): %s%n", infrastructure.kafkaBootstrapServers(), infrastructure.postgres().user(),
                Arrays.stream(SuiteService.values()).map(service -> {
                    PostgresServer server = infrastructure.postgres(service.database());
                    return "database " + service.database() + " on " + server.host() + ":" + server.port();
                }).collect(Collectors.joining(", ")));
        out.println("  Outbox connectors: " + suite.relay().description());
        if (settings.relay() == Relay.Kind.CONNECT) {
            out.printf("    their status: curl %sconnectors?expand=status%n", "http://localhost:" + ConnectWorker.DEFAULT_REST_PORT + "/");
        }
        out.println("  Demo clients: bureau, township-<code>, civil-affairs, rural-revitalization, disabled-federation,");
        out.println("  veterans-affairs, health, tax-bureau, viewer; password local-<client id> (HTTP Basic).");
        out.println(settings.demo() ? "  A season of Liancheng 2018 is being simulated now (--scale, --seed, --season-seconds); watch"
                + "\n    the dashboard " + suite.url(SuiteService.REPORTING) + "/?region=350825&coverageYear=2018 (viewer / local-viewer)"
                : "  Started empty (--no-demo).");
        out.println("Press Ctrl-C to stop everything.");
    }
}
