package cn.medicare.campaign.stack;

import cn.medicare.campaign.infra.Infrastructure;
import cn.medicare.campaign.infra.relay.ConnectorConfiguration;
import cn.medicare.campaign.infra.relay.OutboxRelay;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole suite in one process: Kafka, PostgreSQL, the four Debezium relays and the four
 * services, started in dependency order and stopped in reverse on Ctrl-C.
 */
public final class LocalStack {

    private final StackSettings settings;
    private final PrintStream out;
    private Infrastructure infrastructure;
    private final List<ConfigurableApplicationContext> services = Collections.synchronizedList(new ArrayList<>());
    private final List<OutboxRelay> relays = new ArrayList<>();

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

    void start() {
        long started = System.nanoTime();
        infrastructure = StackInfrastructure.start(settings);
        for (SuiteService service : SuiteService.values()) {
            infrastructure.postgres().createDatabase(service.database());
        }
        for (SuiteService service : SuiteService.values()) {
            long serviceStarted = System.nanoTime();
            services.add(startService(service));
            out.printf("  %s started on %s (%.1f s)%n", service.serviceName(), service.url(),
                    (System.nanoTime() - serviceStarted) / 1e9);
        }
        // after Flyway has created each outbox table; before anything is written to it
        for (SuiteService service : SuiteService.values()) {
            relays.add(OutboxRelay.start(
                    ConnectorConfiguration.forService(service.serviceName()).with("database.dbname", service.database()),
                    infrastructure.postgres(), infrastructure.kafkaBootstrapServers(),
                    settings.workDirectory().resolve("relay-offsets")));
        }
        HealthCheck.awaitUp(List.of(SuiteService.values()), Duration.ofSeconds(60));
        printUrls(Duration.ofNanos(System.nanoTime() - started));
    }

    private ConfigurableApplicationContext startService(SuiteService service) {
        return new SpringApplicationBuilder(service.application())
                .bannerMode(Banner.Mode.OFF)
                .registerShutdownHook(false)
                .logStartupInfo(false)
                .run("--server.port=" + service.port(),
                        "--spring.datasource.url=" + infrastructure.postgres().jdbcUrl(service.database()),
                        "--spring.datasource.username=" + infrastructure.postgres().user(),
                        "--spring.datasource.password=" + infrastructure.postgres().password(),
                        "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                        // a laptop-sized pool: four services share one PostgreSQL
                        "--spring.datasource.hikari.maximum-pool-size=4",
                        "--spring.datasource.hikari.minimum-idle=1");
    }

    /** Stops in reverse order of start: nothing is left running, and no relay reads a closed database. */
    void stop() {
        relays.forEach(OutboxRelay::close);
        relays.clear();
        List<ConfigurableApplicationContext> running = new ArrayList<>(services);
        Collections.reverse(running);
        running.forEach(ConfigurableApplicationContext::close);
        services.clear();
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
            out.printf("  %-24s %s   health %s/actuator/health   metrics %s/actuator/prometheus   OpenAPI %s/v3/api-docs%n",
                    service.serviceName(), service.url(), service.url(), service.url(), service.url());
        }
        out.printf("  Kafka %s; PostgreSQL %s:%d (user %s), databases enrollment, subsidy, tax, reporting%n",
                infrastructure.kafkaBootstrapServers(), infrastructure.postgres().host(), infrastructure.postgres().port(),
                infrastructure.postgres().user());
        out.println(settings.demo() ? "  Demo data: none yet; started empty." : "  Started empty (--no-demo).");
        out.println("Press Ctrl-C to stop everything.");
    }
}
