package cn.medicare.campaign.stack;

import cn.medicare.campaign.infra.Infrastructure;
import cn.medicare.campaign.infra.kafka.DeclaredTopics;
import cn.medicare.campaign.infra.postgres.PostgresServer;
import cn.medicare.campaign.infra.relay.ConnectWorker;
import cn.medicare.campaign.infra.relay.ConnectorConfiguration;
import cn.medicare.campaign.infra.relay.Relay;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The four services and their outbox connectors on a given Kafka and PostgreSQL, in one JVM:
 * what the local stack runs, and what the end-to-end tests run. The connectors run on Debezium's
 * embedded engine or on a Kafka Connect worker ({@link Relay.Kind}).
 */
public final class Suite implements AutoCloseable {

    private static final String LOG_EVENT_COUNTER =
            "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration";

    private final Map<SuiteService, ConfigurableApplicationContext> services = new EnumMap<>(SuiteService.class);
    private final Infrastructure infrastructure;
    private final PrintStream out;
    private Relay relay;

    /** Reporting's settlement of stages and period ends, and the tax adapter's judgement once the last day to pay passed. */
    private static final List<String> CALENDAR_JOBS = List.of("insurance.reporting.stage-cron", "insurance.tax.last-day-passed-cron");

    private Suite(Infrastructure infrastructure, PrintStream out) {
        this.infrastructure = infrastructure;
        this.out = out;
    }

    /**
     * For a season simulated with past dates (the demo, the county benchmark): every period end and stage deadline of it
     * has passed, so reporting's quarter-hour settlement kept them all on its first tick, from what the simulation had sent
     * by then, and the rankings and bulletins read those for good. Stages and rankings are then computed from the figures
     * as they stood at each end, and stages settled on request. Likewise every last day to pay of it has passed, so the tax
     * adapter's nightly judgement would owe back the money of someone the simulation has yet to send the rest for, dated
     * in time. Called before the services start: they share this JVM's system properties.
     */
    public static void forASimulatedSeason() {
        CALENDAR_JOBS.forEach(job -> System.setProperty(job, Scheduled.CRON_DISABLED));
    }

    /** The services started after this keep the jobs the calendar runs (a test JVM runs several suites). */
    public static void forTheRealCalendar() {
        CALENDAR_JOBS.forEach(System::clearProperty);
    }

    /** On Debezium's embedded engine. */
    public static Suite start(Infrastructure infrastructure, boolean fixedPorts, Path relayState, PrintStream out) {
        return start(infrastructure, fixedPorts, Relay.Kind.EMBEDDED, relayState, out);
    }

    /**
     * @param fixedPorts true for the documented ports 8081-8084 (and 8090 for Kafka Connect), false for free ones (tests)
     * @param relayState where the relay keeps its offsets (for Kafka Connect: names its cluster)
     */
    public static Suite start(Infrastructure infrastructure, boolean fixedPorts, Relay.Kind relay, Path relayState, PrintStream out) {
        Suite suite = new Suite(infrastructure, out);
        try {
            for (SuiteService service : SuiteService.values()) {
                infrastructure.postgres(service.database()).createDatabase(service.database());
            }
            List<String> created = DeclaredTopics.create(infrastructure.kafkaSetUpServers(), (short) 1);
            out.printf("  %d declared topics created (%s)%n", created.size(), created.isEmpty() ? "all existed" : "400 days, dead letters too");
            suite.startServices(fixedPorts);
            // after Flyway has created each outbox table; before anything is written to it
            suite.startRelay(relay, relayState, fixedPorts ? ConnectWorker.DEFAULT_REST_PORT : 0);
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    /**
     * A second instance of every service over the same Kafka and databases, as another replica is in
     * production: it serves HTTP on ports of its own and its consumers join the same groups, sharing the
     * topics' partitions. It runs no relay: each database has one connector, whichever instance wrote.
     */
    public static Suite replica(Infrastructure infrastructure, PrintStream out) {
        Suite suite = new Suite(infrastructure, out);
        try {
            suite.startServices(false);
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    private void startServices(boolean fixedPorts) {
        for (SuiteService service : SuiteService.values()) {
            long started = System.nanoTime();
            services.put(service, startService(service, infrastructure, fixedPorts ? service.port() : 0));
            out.printf("  %s started on %s (%.1f s)%n", service.serviceName(), url(service), (System.nanoTime() - started) / 1e9);
        }
    }

    /** Starts the outbox connectors of the four services; a fault test calls it again after {@link #stopRelay()}. */
    public void startRelay(Relay.Kind kind, Path relayState, int connectPort) {
        List<ConnectorConfiguration> connectors = Arrays.stream(SuiteService.values())
                .map(service -> ConnectorConfiguration.forService(service.serviceName())).toList();
        long started = System.nanoTime();
        relay = Relay.start(kind, connectors, infrastructure, relayState, connectPort);
        out.printf("  %s started (%.1f s)%n", relay.description(), (System.nanoTime() - started) / 1e9);
    }

    /** Stops the outbox connectors, as their crash would look to everyone else: the outboxes fill, nothing is published. */
    public void stopRelay() {
        if (relay != null) {
            relay.close();
            relay = null;
        }
    }

    public int port(SuiteService service) {
        return ((WebServerApplicationContext) services.get(service)).getWebServer().getPort();
    }

    public String url(SuiteService service) {
        return "http://localhost:" + port(service);
    }

    public Relay relay() {
        return relay;
    }

    /** A setting as the service resolved it: its own properties, the kit's defaults and the environment. */
    public String setting(SuiteService service, String key) {
        return services.get(service).getEnvironment().getProperty(key);
    }

    /**
     * Drops the four databases and their replication slots, for a run that must start from nothing
     * (no suite may run on them).
     */
    public static void dropDatabases(Infrastructure infrastructure) {
        for (SuiteService service : SuiteService.values()) {
            infrastructure.postgres(service.database()).dropDatabase(service.database());
        }
    }

    /** Stops in reverse order of start: no relay reads a database whose service is gone. */
    @Override
    public void close() {
        stopRelay();
        List<ConfigurableApplicationContext> running = new ArrayList<>(services.values());
        Collections.reverse(running);
        running.forEach(ConfigurableApplicationContext::close);
        services.clear();
    }

    private static ConfigurableApplicationContext startService(SuiteService service, Infrastructure infrastructure, int port) {
        PostgresServer postgres = infrastructure.postgres(service.database());
        List<String> arguments = new ArrayList<>();
        if (service != SuiteService.ENROLLMENT) {
            // the four share the JVM's one Logback context, and each service's log-event counter was a turbo filter asked on
            // every log check of the JVM (4.6 % of its samples at county scale, Debezium asking at trace): one counts the
            // JVM's log events, as each service's own JVM does in production
            arguments.add("--spring.autoconfigure.exclude=" + LOG_EVENT_COUNTER);
        }
        arguments.addAll(List.of("--server.port=" + port,
                        "--spring.datasource.url=" + postgres.jdbcUrl(service.database()),
                        "--spring.datasource.username=" + postgres.user(),
                        "--spring.datasource.password=" + postgres.password(),
                        "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                        // a laptop-sized pool: the four services share the machine's cores and, unless embedded, one PostgreSQL
                        "--spring.datasource.hikari.maximum-pool-size=4",
                        "--spring.datasource.hikari.minimum-idle=1"));
        infrastructure.kafkaClientProperties(service.serviceName())
                .forEach((key, value) -> arguments.add("--spring.kafka.properties." + key + "=" + value));
        return new SpringApplicationBuilder(service.application())
                .bannerMode(Banner.Mode.OFF)
                .registerShutdownHook(false)
                .logStartupInfo(false)
                .run(arguments.toArray(String[]::new));
    }
}
