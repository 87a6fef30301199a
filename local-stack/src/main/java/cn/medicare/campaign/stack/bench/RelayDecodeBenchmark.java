package cn.medicare.campaign.stack.bench;

import cn.medicare.campaign.infra.Infrastructure;
import cn.medicare.campaign.infra.postgres.PostgresServer;
import cn.medicare.campaign.infra.relay.ConnectorConfiguration;
import cn.medicare.campaign.infra.relay.OutboxRelay;
import cn.medicare.campaign.stack.StackInfrastructure;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * What relaying an event costs (docs/delivery.md, "Session 40"): the tax adapter's connector file relays
 * PaymentConfirmed rows written by COPY in transactions of 10,000 as it streams, from the kit's outbox as it is and as it
 * was before {@code V0_0_7} (the event's time a {@code timestamptz}, which Debezium parsed and printed again for every
 * event), the two in alternating rounds on fresh databases: the events relayed a second and this JVM's CPU per event (the
 * relay, the broker it produces to and the COPY), the median and the best round of each. The drain of
 * {@code benchmarks/pipeline.sh} is bounded by one connector's rate.
 *
 * <p>{@code benchmarks/relay-decode.sh [--smoke]}.
 */
public final class RelayDecodeBenchmark {

    private static final int ROWS_PER_TRANSACTION = 10_000;
    private static final Duration ROUND_LIMIT = Duration.ofMinutes(5);

    /** The kit's outbox at two versions of its migrations: as it is, and before the event's time became text. */
    private enum Shape {
        NOW("now (time as the header's text)", "latest"),
        BEFORE("before V0_0_7 (time a timestamptz)", "0.0.6");

        private final String label;
        private final String flywayTarget;

        Shape(String label, String flywayTarget) {
            this.label = label;
            this.flywayTarget = flywayTarget;
        }
    }

    private final Infrastructure infrastructure;
    private final Path work;
    private final PrintStream out;
    private final int events;
    private final int rounds;
    private int databases;

    private RelayDecodeBenchmark(Infrastructure infrastructure, Path work, PrintStream out, boolean smoke) {
        this.infrastructure = infrastructure;
        this.work = work;
        this.out = out;
        this.events = smoke ? 2_000 : 200_000;
        this.rounds = smoke ? 1 : 7;
    }

    public static void main(String[] args) throws IOException {
        Path work = Files.createTempDirectory("relay-decode-");
        try (StackInfrastructure infrastructure = StackInfrastructure.embedded(work)) {
            run(infrastructure, work, System.out, List.of(args).contains("--smoke"));
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0);
    }

    /**
     * Prints a line per outbox and returns the last: {@code relay-decode: now_per_s=.. now_cpu_us=.. before_per_s=..
     * before_cpu_us=..}, the medians.
     */
    public static String run(Infrastructure infrastructure, Path work, PrintStream out, boolean smoke) {
        return new RelayDecodeBenchmark(infrastructure, work, out, smoke).measure();
    }

    private String measure() {
        double[][] perSecond = new double[Shape.values().length][rounds];
        double[][] cpuMicros = new double[Shape.values().length][rounds];
        for (int round = 0; round < rounds; round++) {
            // each shape goes first in turn: the first relay of a JVM runs before its compilers have caught up
            for (int turn = 0; turn < Shape.values().length; turn++) {
                Shape shape = Shape.values()[(round + turn) % Shape.values().length];
                Round measured = relay(shape);
                perSecond[shape.ordinal()][round] = measured.perSecond();
                cpuMicros[shape.ordinal()][round] = measured.cpuMicros();
            }
        }
        out.printf(Locale.ROOT, "%-38s %22s %22s%n", "outbox (" + String.format(Locale.ROOT, "%,d", events) + " events a round)",
                "events/s median (best)", "CPU us/event (best)");
        double[] ratesMedian = new double[Shape.values().length];
        double[] cpuMedian = new double[Shape.values().length];
        for (Shape shape : Shape.values()) {
            double[] rates = sorted(perSecond[shape.ordinal()]);
            double[] cpu = sorted(cpuMicros[shape.ordinal()]);
            ratesMedian[shape.ordinal()] = EventReadBenchmark.median(rates);
            cpuMedian[shape.ordinal()] = EventReadBenchmark.median(cpu);
            out.printf(Locale.ROOT, "%-38s %,13.0f (%,.0f) %14.1f (%.1f)%n", shape.label, ratesMedian[shape.ordinal()],
                    rates[rates.length - 1], cpuMedian[shape.ordinal()], cpu[0]);
        }
        String last = String.format(Locale.ROOT, "relay-decode: now_per_s=%.0f now_cpu_us=%.1f before_per_s=%.0f before_cpu_us=%.1f",
                ratesMedian[Shape.NOW.ordinal()], cpuMedian[Shape.NOW.ordinal()], ratesMedian[Shape.BEFORE.ordinal()],
                cpuMedian[Shape.BEFORE.ordinal()]);
        out.println(last);
        return last;
    }

    /** Events relayed a second, and this JVM's CPU in microseconds an event. */
    private record Round(double perSecond, double cpuMicros) {
    }

    /** One round: a fresh database of the shape, its connector streaming, the rows written. */
    private Round relay(Shape shape) {
        String database = "bench_relay_" + databases++;
        PostgresServer postgres = infrastructure.postgres();
        postgres.dropDatabase(database);
        postgres.createDatabase(database);
        try {
            BenchOutbox.create(postgres, database, shape.flywayTarget);
            ConnectorConfiguration connector = ConnectorConfiguration.forService("tax-collection-adapter")
                    .with("database.dbname", database).with("slot.name", database).with("publication.name", database)
                    .with("topic.prefix", database);
            try (OutboxRelay relay = OutboxRelay.start(connector, postgres, infrastructure.kafkaBootstrapServers(), Map.of(),
                    work.resolve(database + "-offsets"))) {
                double cpu = CountyScale.jvmCpuSeconds();
                long started = System.nanoTime();
                write(postgres, database);
                long deadline = started + ROUND_LIMIT.toNanos();
                while (relay.forwarded() < events && relay.failure() == null && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
                }
                if (relay.failure() != null) {
                    throw new IllegalStateException("the relay stopped after " + relay.forwarded() + " of " + events, relay.failure());
                }
                if (relay.forwarded() < events) {
                    throw new IllegalStateException("the relay forwarded " + relay.forwarded() + " of " + events + " in " + ROUND_LIMIT);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                return new Round(events / seconds, (CountyScale.jvmCpuSeconds() - cpu) * 1e6 / events);
            }
        } finally {
            postgres.dropDatabase(database);
        }
    }

    /** The rows by COPY, which outpaces any connector: the connector's rate is what is left. */
    private void write(PostgresServer postgres, String database) {
        try (Connection connection = postgres.connect(database)) {
            connection.setAutoCommit(false);
            for (int from = 0; from < events; from += ROWS_PER_TRANSACTION) {
                BenchOutbox.copy(connection, "bench.relay", from, Math.min(events, from + ROWS_PER_TRANSACTION));
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] sorted(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }
}
