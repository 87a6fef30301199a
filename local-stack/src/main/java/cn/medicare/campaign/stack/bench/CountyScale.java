package cn.medicare.campaign.stack.bench;

import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.stack.StackInfrastructure;
import cn.medicare.campaign.stack.Suite;
import cn.medicare.campaign.stack.SuiteService;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The suite at a county's scale: Liancheng's 17 townships and their 2018 targets (276,927 people,
 * or a share of them), enrolled as the townships' lists, 5 % certified by civil affairs, 90 % of
 * the rest paying, all through the public APIs on a fresh embedded stack. Reports how fast each
 * step went and how long the figures took to catch up. A benchmark, not a test: it asserts nothing
 * but that the figures end right.
 *
 * <p>{@code benchmarks/county-scale.sh [share]}, e.g. 0.1 for a tenth of the county.
 */
public final class CountyScale {

    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(45);
    /** No new record for this long, every group at the end: the relays look for new WAL every 20 ms, a consumer's batch takes less. */
    private static final Duration QUIET = Duration.ofMillis(500);

    private final Suite suite;
    private final StackInfrastructure infrastructure;
    private final String kafka;
    private final PrintStream out;

    private CountyScale(Suite suite, StackInfrastructure infrastructure, PrintStream out) {
        this.suite = suite;
        this.infrastructure = infrastructure;
        this.kafka = infrastructure.kafkaBootstrapServers();
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        double share = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        Path work = Files.createTempDirectory("county-scale-");
        // the stages' reads below are measured computed and then settled on request, never mid-run by the schedule
        Suite.forASimulatedSeason();
        try (StackInfrastructure infrastructure = StackInfrastructure.embedded(work);
                Suite suite = Suite.start(infrastructure, false, work.resolve("relay-offsets"), System.out)) {
            new CountyScale(suite, infrastructure, System.out).run(share);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0);
    }

    private void run(double share) {
        long started = System.nanoTime();
        double machineCpu = machineCpuSeconds();
        double jvmCpu = jvmCpuSeconds();
        DatabaseWork databases = DatabaseWork.start(Arrays.stream(SuiteService.values())
                .map(service -> new DatabaseWork.Server(service.database(), infrastructure.postgres(service.database())))
                .toList());
        CountyCampaign county = new CountyCampaign(suite::url, share);
        county.defineCampaign();

        long step = System.nanoTime();
        county.enrol();
        report("enrolled", county.residents().size(), step);

        step = System.nanoTime();
        county.certify();
        report("certified by civil affairs", county.certified(), step);

        step = System.nanoTime();
        county.pay();
        report("payments confirmed", county.payers().size(), step);

        step = System.nanoTime();
        CatchUp catchUp = awaitFigures(county, step);
        out.printf(Locale.ROOT, "[county-scale] figures final (%d enrolled of %d registered) %.1f s after the last payment call%n",
                county.expectedEnrolled(), county.residents().size(), seconds(step));
        out.printf(Locale.ROOT, "[county-scale] consumers first caught up %.1f s after the last payment call; the figures read %d times,"
                + " the last read %.1f s%n", catchUp.firstCaughtUp(), catchUp.looks(), catchUp.lastLook());
        out.printf(Locale.ROOT, "[county-scale] %d residents end to end in %.1f s%n", county.residents().size(), seconds(started));
        double machine = machineCpuSeconds() - machineCpu;
        double jvm = jvmCpuSeconds() - jvmCpu;
        out.printf(Locale.ROOT, "[county-scale] CPU end to end: %.0f s of the machine's cores (this JVM %.0f s, PostgreSQL and the rest %.0f s),"
                + " %.2f CPU s per 1,000 residents%n", machine, jvm, machine - jvm, machine / (county.residents().size() / 1000.0));
        reportDatabases(databases.since(), county.residents().size());
        measureReads();
    }

    /**
     * Looks at the figures only once the consumers have nothing left to read (Kafka's offsets, which
     * cost nothing to ask): each look reads the whole county, several seconds of a database core at
     * full scale, which had competed with the catching up it measured.
     */
    private CatchUp awaitFigures(CountyCampaign county, long lastCall) {
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        double firstCaughtUp = -1;
        int looks = 0;
        try (ConsumerProgress consumers = new ConsumerProgress(kafka)) {
            while (consumers.awaitQuiet(QUIET, deadline)) {
                long asked = System.nanoTime();
                firstCaughtUp = firstCaughtUp < 0 ? seconds(lastCall) : firstCaughtUp;
                looks++;
                if (county.showsEveryoneEnrolled()) {
                    return new CatchUp(firstCaughtUp, looks, seconds(asked));
                }
                // a quiet pipeline and the figures still behind: the rest is on its way; the next look no sooner than twice this one took
                LockSupport.parkNanos(2 * (System.nanoTime() - asked));
            }
        }
        throw county.notFinal(CATCH_UP_LIMIT);
    }

    /**
     * How the figures' wait went: when the consumers first had nothing left to read (their quiet half second included), and the
     * looks it took: a look that finds the figures short costs itself and twice its time again.
     */
    private record CatchUp(double firstCaughtUp, int looks, double lastLook) {
    }

    /**
     * Issue 10's reading figures: the participation of every level (live and as of a past moment),
     * the stages computed on demand and read once settled, and the rankings; each call five times,
     * the median and the slowest printed.
     */
    private void measureReads() {
        ApiClient bureau = client(SuiteService.REPORTING, "bureau");
        String campaign = "region=350825&coverageYear=2018";
        read(bureau, "participation, townships", "/api/v1/participation?" + campaign);
        read(bureau, "participation, villages", "/api/v1/participation?" + campaign + "&level=VILLAGE");
        read(bureau, "participation, villages as of 2017-10-31", "/api/v1/participation?" + campaign
                + "&level=VILLAGE&asOf=2017-10-31T15:59:59Z");
        read(bureau, "stages, villages, computed", "/api/v1/stages?" + campaign + "&level=VILLAGE");
        for (String deadline : List.of("2017-10-31", "2017-11-15")) {
            CountyCampaign.expect(bureau.post("/api/v1/stages/recomputation", "{\"region\":\"350825\",\"coverageYear\":2018,\"deadline\":\""
                    + deadline + "\",\"reason\":\"benchmark\"}"), 200);
        }
        read(bureau, "stages, villages, settled", "/api/v1/stages?" + campaign + "&level=VILLAGE");
        read(bureau, "rankings, villages, monthly", "/api/v1/rankings?" + campaign + "&period=MONTHLY&level=VILLAGE");
    }

    private void read(ApiClient client, String what, String path) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            CountyCampaign.expect(client.get(path), 200);
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        millis.sort(Comparator.naturalOrder());
        out.printf(Locale.ROOT, "[county-scale] read %s: median %d ms, slowest %d ms%n", what, millis.get(2), millis.get(4));
    }

    /**
     * Each service's PostgreSQL: its CPU, and the WAL it wrote (each byte read again by its walsender for the relay), which
     * varies little between runs of the same code, so a change's effect on the databases' work shows in one pair of runs.
     */
    private void reportDatabases(List<DatabaseWork.Done> databases, int residents) {
        out.printf(Locale.ROOT, "[county-scale] PostgreSQL by service: %s%n", databases.stream()
                .map(done -> String.format(Locale.ROOT, "%s %.0f CPU s and %.0f MB of WAL", done.database(), done.cpuSeconds(),
                        done.walBytes() / 1e6))
                .collect(Collectors.joining(", ")));
        long wal = databases.stream().mapToLong(DatabaseWork.Done::walBytes).sum();
        out.printf(Locale.ROOT, "[county-scale] WAL end to end: %.0f MB, %.1f KB per resident%n", wal / 1e6, wal / 1e3 / residents);
    }

    private void report(String what, int count, long since) {
        double seconds = seconds(since);
        out.printf(Locale.ROOT, "[county-scale] %,d %s in %.1f s (%.0f/s)%n", count, what, seconds, count / seconds);
    }

    /**
     * Busy CPU time of every core since boot (/proc/stat, in USER_HZ = 1/100 s): the JVM and the
     * PostgreSQL processes both, and whatever else runs; run the benchmark alone on the machine.
     */
    private static double machineCpuSeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(cpu[field]);
            }
            return busy / 100.0;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** This JVM's CPU time, every thread's. */
    static double jvmCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private ApiClient client(SuiteService service, String clientId) {
        return ApiClient.at(suite.url(service)).as(clientId);
    }

}
