package cn.medicare.campaign.stack.bench;

import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.infra.LocalInfrastructure;
import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.stack.Suite;
import cn.medicare.campaign.stack.SuiteService;
import cn.medicare.campaign.stack.demo.Resident;
import cn.medicare.campaign.stack.demo.Residents;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

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

    private static final int COVERAGE_YEAR = 2018;
    private static final int LIST_ROWS = 5_000;
    private static final int PAYMENTS_PER_CALL = 2_000;
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(45);
    /** How long a call may wait for a service still consuming what it needs (503 with Retry-After). */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Suite suite;
    private final PrintStream out;

    private CountyScale(Suite suite, PrintStream out) {
        this.suite = suite;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        double share = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        Path work = Files.createTempDirectory("county-scale-");
        try (LocalInfrastructure infrastructure = LocalInfrastructure.start(0, 0, work);
                Suite suite = Suite.start(infrastructure, false, work.resolve("relay-offsets"), System.out)) {
            new CountyScale(suite, System.out).run(share);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0);
    }

    private void run(double share) {
        long started = System.nanoTime();
        ApiClient bureau = client(SuiteService.ENROLLMENT, "bureau");
        expect(bureau.put("/api/v1/campaigns/350825/2018", "application/json", Liancheng.apiExampleJson(COVERAGE_YEAR)), 200);
        expect(bureau.put("/api/v1/campaigns/350825/2018/targets", "text/csv", targetsWithVillages()), 200);

        List<Resident> residents = residents(share);
        long step = System.nanoTime();
        enrol(residents);
        report("enrolled", residents.size(), step);

        int extremePoverty = residents.size() / 100;
        int minimumLiving = residents.size() / 25;
        step = System.nanoTime();
        certify(residents.subList(0, extremePoverty), "EXTREME_POVERTY");
        certify(residents.subList(extremePoverty, extremePoverty + minimumLiving), "MINIMUM_LIVING");
        report("certified by civil affairs", extremePoverty + minimumLiving, step);

        List<Resident> payers = residents.subList(extremePoverty, residents.size());
        int paying = payers.size() * 9 / 10;
        step = System.nanoTime();
        pay(payers.subList(0, paying), minimumLiving);
        report("payments confirmed", paying, step);

        step = System.nanoTime();
        int expected = extremePoverty + paying;
        awaitFigures(expected);
        out.printf(Locale.ROOT, "[county-scale] figures final (%d enrolled of %d registered) %.1f s after the last payment call%n",
                expected, residents.size(), seconds(step));
        out.printf(Locale.ROOT, "[county-scale] %d residents end to end in %.1f s%n", residents.size(), seconds(started));
        measureReads();
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
            expect(bureau.post("/api/v1/stages/recomputation", "{\"region\":\"350825\",\"coverageYear\":2018,\"deadline\":\""
                    + deadline + "\",\"reason\":\"benchmark\"}"), 200);
        }
        read(bureau, "stages, villages, settled", "/api/v1/stages?" + campaign + "&level=VILLAGE");
        read(bureau, "rankings, villages, monthly", "/api/v1/rankings?" + campaign + "&period=MONTHLY&level=VILLAGE");
    }

    private void read(ApiClient client, String what, String path) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            expect(client.get(path), 200);
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        millis.sort(Comparator.naturalOrder());
        out.printf(Locale.ROOT, "[county-scale] read %s: median %d ms, slowest %d ms%n", what, millis.get(2), millis.get(4));
    }

    /** Liancheng's townships and, inside each, the six villages the residents live in, each with a sixth of the target. */
    private static String targetsWithVillages() {
        StringBuilder csv = new StringBuilder("unit,unitName,type,parent,target\n");
        List<String> villages = Residents.villages();
        Liancheng.targetsCsv().lines().skip(1).forEach(line -> {
            String[] cells = line.split(",");
            int target = Integer.parseInt(cells[2]);
            csv.append(cells[0]).append(',').append(cells[1]).append(",TOWNSHIP,,").append(target).append('\n');
            for (int v = 0; v < villages.size(); v++) {
                int share = target / villages.size() + (v < target % villages.size() ? 1 : 0);
                csv.append(cells[0]).append(String.format("%03d", v + 1)).append(',').append(villages.get(v)).append(",VILLAGE,")
                        .append(cells[0]).append(',').append(share).append('\n');
            }
        });
        return csv.toString();
    }

    private static List<Resident> residents(double share) {
        Residents people = new Residents(2018, Liancheng.REGION);
        List<Resident> residents = new ArrayList<>();
        Liancheng.targetsCsv().lines().skip(1).forEach(line -> {
            String[] cells = line.split(",");
            long count = Math.round(Integer.parseInt(cells[2]) * share);
            for (int i = 0; i < count; i++) {
                residents.add(people.next(cells[0]));
            }
        });
        return residents;
    }

    /** Each township uploads its own list, in files of a few thousand lines as a clerk would. */
    private void enrol(List<Resident> residents) {
        residents.stream().collect(Collectors.groupingBy(Resident::township)).forEach((township, own) -> {
            ApiClient clerk = client(SuiteService.ENROLLMENT, "township-" + township);
            for (int from = 0; from < own.size(); from += LIST_ROWS) {
                StringBuilder csv = new StringBuilder("township,village,name,idNumber,phone,personCategory,hukouLocal,residencePermit,enrolledOn\n");
                for (Resident r : own.subList(from, Math.min(own.size(), from + LIST_ROWS))) {
                    csv.append(r.township()).append(',').append(r.village()).append(',').append(r.name()).append(',')
                            .append(r.idNumber()).append(",,,").append(r.hukouLocal()).append(',').append(!r.hukouLocal())
                            .append(",2017-10-09\n");
                }
                expect(clerk.post("/api/v1/enrolments/batch?region=350825&coverageYear=2018", "text/csv", csv.toString()), 200);
            }
        });
    }

    private void certify(List<Resident> certified, String category) {
        ApiClient civilAffairs = client(SuiteService.SUBSIDY, "civil-affairs");
        for (int from = 0; from < certified.size(); from += LIST_ROWS) {
            String rows = certified.subList(from, Math.min(certified.size(), from + LIST_ROWS)).stream()
                    .map(r -> r.adjustmentRowJson("ADD", category, LocalDate.of(2017, 10, 1)))
                    .collect(Collectors.joining(",", "{\"rows\":[", "]}"));
            expect(ApiClient.patiently(() -> civilAffairs.post("/api/v1/adjustment-batches?month=2017-10", rows), PATIENCE), 202);
        }
    }

    /** The first {@code minimumLiving} payers are 低保 and owe 40.00; the others 180.00. */
    private void pay(List<Resident> payers, int minimumLiving) {
        ApiClient taxBureau = client(SuiteService.TAX, "tax-bureau");
        for (int from = 0; from < payers.size(); from += PAYMENTS_PER_CALL) {
            List<String> confirmations = new ArrayList<>();
            for (int n = from; n < Math.min(payers.size(), from + PAYMENTS_PER_CALL); n++) {
                confirmations.add(payers.get(n).confirmationJson("CS2018" + String.format("%07d", n), COVERAGE_YEAR,
                        n < minimumLiving ? "40.00" : "180.00", "2017-10-20T02:00:00Z"));
            }
            String body = "{\"confirmations\":[" + String.join(",", confirmations) + "]}";
            expect(ApiClient.patiently(() -> taxBureau.postSigned("/api/v1/payment-confirmations", body, ApiClient.LOCAL_TAX_WEBHOOK_SECRET,
                    Clock.systemUTC()), PATIENCE), 200);
        }
    }

    private void awaitFigures(int enrolled) {
        ApiClient viewer = client(SuiteService.REPORTING, "viewer");
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        int seen = -1;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> figures = viewer.get("/api/v1/participation?region=350825&coverageYear=2018");
            if (figures.statusCode() == 200) {
                seen = JsonMapper.shared().readTree(figures.body()).get("total").get("enrolled").asInt();
                if (seen == enrolled) {
                    return;
                }
            }
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
        }
        throw new IllegalStateException("the figures showed " + seen + " enrolled, not " + enrolled + ", after " + CATCH_UP_LIMIT);
    }

    private void report(String what, int count, long since) {
        double seconds = seconds(since);
        out.printf(Locale.ROOT, "[county-scale] %,d %s in %.1f s (%.0f/s)%n", count, what, seconds, count / seconds);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private ApiClient client(SuiteService service, String clientId) {
        return ApiClient.at(suite.url(service)).as(clientId);
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri().getPath() + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
    }
}
