package cn.medicare.campaign.stack.demo;

import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.fixtures.Campaigns;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.stack.Suite;
import cn.medicare.campaign.stack.SuiteService;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small, deterministic Liancheng 2018 campaign fed through the public APIs, so that a newcomer
 * sees the participation rates move: the bureau defines the campaign and the 17 township targets,
 * townships enrol residents, civil affairs sends its list, the tax bureau confirms payments in waves.
 */
public final class Demo implements Runnable {

    private static final int COVERAGE_YEAR = 2018;
    private static final int RESIDENTS_PER_TOWNSHIP = 150;
    private static final int PAYMENT_WAVES = 8;
    private static final Duration BETWEEN_WAVES = Duration.ofSeconds(4);
    private static final Duration FIGURES_TIMEOUT = Duration.ofSeconds(60);
    /** How long a call may wait for a service still consuming what it needs (503 with Retry-After). */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Suite suite;
    private final PrintStream out;
    private final Random random = new Random(2018);

    private Demo(Suite suite, PrintStream out) {
        this.suite = suite;
        this.out = out;
    }

    public static void start(Suite suite, PrintStream out) {
        Thread thread = new Thread(new Demo(suite, out), "demo");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            List<String> townships = defineCampaign();
            List<Resident> residents = enrol(townships);
            List<Resident> extremePoverty = residents.subList(0, residents.size() / 100);
            List<Resident> minimumLiving = residents.subList(residents.size() / 100, residents.size() / 20);
            certify(extremePoverty, minimumLiving);
            int settled = pay(residents, extremePoverty, minimumLiving) + extremePoverty.size() + minimumLiving.size();
            awaitFigures(settled);
            say("done. Figures: curl -u viewer:local-viewer '" + suite.url(SuiteService.REPORTING)
                    + "/api/v1/participation?region=350825&coverageYear=2018'");
        } catch (RuntimeException e) {
            say("stopped: " + e.getMessage());
        }
    }

    private List<String> defineCampaign() {
        ApiClient bureau = client(SuiteService.ENROLLMENT, "bureau");
        expect(bureau.put("/api/v1/campaigns/350825/2018", "application/json", Campaigns.documented("liancheng-2018.json")), 200);
        expect(bureau.put("/api/v1/campaigns/350825/2018/targets", "text/csv", Liancheng.targetsCsv()), 200);
        List<String> townships = Liancheng.targetsCsv().lines().skip(1).map(line -> line.split(",")[0]).toList();
        say("campaign Liancheng 2018 defined with " + townships.size() + " township targets");
        return townships;
    }

    private List<Resident> enrol(List<String> townships) {
        Residents people = new Residents(2018, Liancheng.REGION);
        List<Resident> residents = new ArrayList<>();
        for (String township : townships) {
            for (int i = 0; i < RESIDENTS_PER_TOWNSHIP; i++) {
                residents.add(people.next(township));
            }
        }
        long started = System.nanoTime();
        ExecutorService clerks = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            LocalDate enrolledOn = LocalDate.of(2017, 10, 9);
            for (Resident resident : residents) {
                done.add(clerks.submit(() -> expect(client(SuiteService.ENROLLMENT, "township-" + resident.township())
                        .post("/api/v1/enrolments", resident.enrolmentJson(Liancheng.REGION, COVERAGE_YEAR, enrolledOn)), 201)));
            }
            for (Future<?> enrolment : done) {
                enrolment.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("enrolment failed: " + e.getMessage(), e);
        } finally {
            clerks.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        say(String.format("%d residents enrolled by their townships in %.1f s (%.0f enrolments/s over HTTP)",
                residents.size(), seconds, residents.size() / seconds));
        List<Resident> shuffled = new ArrayList<>(residents);
        Collections.shuffle(shuffled, random);
        return shuffled;
    }

    private void certify(List<Resident> extremePoverty, List<Resident> minimumLiving) {
        LocalDate effective = LocalDate.of(2017, 10, 1);
        String rows = extremePoverty.stream().map(r -> r.adjustmentRowJson("ADD", "EXTREME_POVERTY", effective))
                .collect(Collectors.joining(","));
        rows += "," + minimumLiving.stream().map(r -> r.adjustmentRowJson("ADD", "MINIMUM_LIVING", effective))
                .collect(Collectors.joining(","));
        String list = "{\"rows\":[" + rows + "]}";
        // answered 503 while subsidy-service has not yet consumed the targets: sent again when it asks
        expect(ApiClient.patiently(() -> client(SuiteService.SUBSIDY, "civil-affairs").post("/api/v1/adjustment-batches?month=2017-10", list),
                PATIENCE), 202);
        say("civil affairs certified " + extremePoverty.size() + " 特困 and " + minimumLiving.size()
                + " 低保, both paid in full by the county under its 2018 notice");
    }

    /** @return how many residents paid in full */
    private int pay(List<Resident> residents, List<Resident> extremePoverty, List<Resident> minimumLiving) {
        List<Resident> payers = residents.stream().filter(r -> !extremePoverty.contains(r) && !minimumLiving.contains(r)).toList();
        int paying = payers.size() * 85 / 100;
        int perWave = (paying + PAYMENT_WAVES - 1) / PAYMENT_WAVES;
        ApiClient taxBureau = client(SuiteService.TAX, "tax-bureau");
        for (int wave = 0; wave < PAYMENT_WAVES; wave++) {
            List<String> confirmations = new ArrayList<>();
            for (int n = wave * perWave; n < Math.min(paying, (wave + 1) * perWave); n++) {
                Resident payer = payers.get(n);
                confirmations.add(payer.confirmationJson("DEMO2018" + String.format("%06d", n), COVERAGE_YEAR, "180.00",
                        "2017-10-" + String.format("%02d", 10 + wave) + "T02:00:00Z"));
            }
            String body = "{\"confirmations\":[" + String.join(",", confirmations) + "]}";
            expect(ApiClient.patiently(() -> taxBureau.postSigned("/api/v1/payment-confirmations", body, ApiClient.LOCAL_TAX_WEBHOOK_SECRET, Clock.systemUTC()),
                    PATIENCE), 200);
            say("tax bureau confirmed payment wave " + (wave + 1) + "/" + PAYMENT_WAVES + " (" + confirmations.size() + " payments)");
            if (wave < PAYMENT_WAVES - 1) {
                LockSupport.parkNanos(TimeUnit.NANOSECONDS.convert(BETWEEN_WAVES));
            }
        }
        return paying;
    }

    /** How long the last confirmation takes to show in the figures: the suite's end-to-end delay. */
    private void awaitFigures(int enrolled) {
        long started = System.nanoTime();
        ApiClient viewer = client(SuiteService.REPORTING, "viewer");
        while (System.nanoTime() - started < FIGURES_TIMEOUT.toNanos()) {
            HttpResponse<String> figures = viewer.get("/api/v1/participation?region=350825&coverageYear=2018");
            if (figures.statusCode() == 200
                    && JsonMapper.shared().readTree(figures.body()).get("total").get("enrolled").asInt() == enrolled) {
                say(String.format("all %d settled residents counted %.1f s after the last confirmation",
                        enrolled, (System.nanoTime() - started) / 1e9));
                return;
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        say("the figures did not reach " + enrolled + " enrolled within " + FIGURES_TIMEOUT.toSeconds() + " s");
    }

    private ApiClient client(SuiteService service, String clientId) {
        return ApiClient.at(suite.url(service)).as(clientId);
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    private void say(String message) {
        out.println("[demo] " + message);
    }
}
