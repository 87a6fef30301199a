package cn.medicare.campaign.stack.demo;

import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.fixtures.Campaigns;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.stack.Suite;
import cn.medicare.campaign.stack.SuiteService;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 模拟征缴季: Liancheng's 2018 campaign as its notice has it ({@code docs/campaigns/liancheng-2018.json}), at a
 * scale of the county (default 10 %, each township's target scaled to match), fed through the public APIs one
 * business day at a time with business time compressed (Sep 1 to Jan 31 in a few minutes). Residents register
 * along the season's curve and most pay some days later, townships differing in zeal so that a few end below the
 * 98 % goal; civil affairs and rural revitalisation send their monthly lists before the 10th; a few pay twice and
 * the tax bureau pays the second payment back; babies born in December enrol in January under the notice's extension. At each
 * half-month and month end the bureau issues its bulletin as of that moment, and every Friday a progress report
 * as of 17:00. The same seed gives the same season.
 */
public final class Season implements Runnable {

    private static final int COVERAGE_YEAR = 2018;
    private static final LocalDate FIRST_DAY = LocalDate.of(2017, 9, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2018, 1, 31);
    private static final LocalDate PERIOD_END = LocalDate.of(2017, 12, 31);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String AMOUNT = "180.00";

    /**
     * @param scale the share of the county simulated (0.1: about 27,700 residents)
     * @param length how long the whole season takes in real time
     */
    public record Settings(double scale, long seed, Duration length) {
    }

    /** A resident's season: when they register and, if they do, when they pay (null: never); a category only for newborns. */
    private record Plan(Resident resident, LocalDate registers, LocalDate pays, String category, boolean paysTwice,
            String personCategory) {
    }

    private final Suite suite;
    private final PrintStream out;
    private final Settings settings;
    private final Random random;
    private final Map<LocalDate, List<Plan>> registering = new TreeMap<>();
    private final Map<LocalDate, List<Plan>> paying = new TreeMap<>();
    private final Map<LocalDate, List<Plan>> certified = new TreeMap<>();
    private final Map<LocalDate, List<Plan>> refunding = new TreeMap<>();
    private final Map<Resident, String> duplicates = new HashMap<>();
    private int vouchers;

    private Season(Suite suite, PrintStream out, Settings settings) {
        this.suite = suite;
        this.out = out;
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    /** @return the thread living the season; it ends with the season */
    public static Thread start(Suite suite, PrintStream out, Settings settings) {
        Thread thread = new Thread(new Season(suite, out, settings), "season");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        try {
            Map<String, Integer> targets = defineCampaign();
            plan(targets);
            long days = ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1;
            long started = System.nanoTime();
            long perDay = settings.length().toNanos() / days;
            for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
                live(day);
                long due = started + perDay * (ChronoUnit.DAYS.between(FIRST_DAY, day) + 1);
                LockSupport.parkNanos(due - System.nanoTime());
            }
            say(String.format("season over in %.0f s; the figures: curl -u viewer:local-viewer '%s/api/v1/participation?region=350825"
                    + "&coverageYear=2018'; the dashboard: %s/?region=350825&coverageYear=2018", (System.nanoTime() - started) / 1e9,
                    suite.url(SuiteService.REPORTING), suite.url(SuiteService.REPORTING)));
        } catch (RuntimeException e) {
            say("stopped: " + e.getMessage());
        }
    }

    /** The notice's campaign, and each township's target scaled to the share simulated. */
    private Map<String, Integer> defineCampaign() {
        ApiClient bureau = client(SuiteService.ENROLLMENT, "bureau");
        expect(bureau.put("/api/v1/campaigns/350825/2018", "application/json", Campaigns.documented("liancheng-2018.json")), 200);
        Map<String, Integer> targets = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder("township,townshipName,target\n");
        Liancheng.targetsCsv().lines().skip(1).forEach(line -> {
            String[] cells = line.split(",");
            int target = Math.max(1, (int) Math.round(Integer.parseInt(cells[2]) * settings.scale()));
            targets.put(cells[0], target);
            csv.append(cells[0]).append(',').append(cells[1]).append(',').append(target).append('\n');
        });
        expect(bureau.put("/api/v1/campaigns/350825/2018/targets", "text/csv", csv.toString()), 200);
        say(String.format("Liancheng 2018 at %.0f %% of the county: %d townships, %d people to enrol; a season of %d s begins",
                settings.scale() * 100, targets.size(), targets.values().stream().mapToInt(Integer::intValue).sum(),
                settings.length().toSeconds()));
        return targets;
    }

    /**
     * Who registers when, who pays when: registrations follow a curve that peaks in late October; each township
     * registers 100 to 102 % of its target and has its own zeal (the share that pays, 97.2 to 99.9 %), so that
     * most reach the 98 % goal and a few do not; payment follows registration by days, never after the period;
     * 1 % are 特困 and 4 % 低保 (civil affairs), 2 % 监测对象 (rural revitalisation), all paid in full by the
     * county under this notice; and a baby born in December per 400 of the target enrols in January.
     */
    private void plan(Map<String, Integer> targets) {
        Residents people = new Residents(settings.seed(), Liancheng.REGION);
        for (Map.Entry<String, Integer> township : targets.entrySet()) {
            double zeal = 0.972 + random.nextDouble() * 0.027;
            int residents = (int) Math.round(township.getValue() * (1.0 + random.nextDouble() * 0.02));
            for (int i = 0; i < residents; i++) {
                Resident resident = people.next(township.getKey());
                LocalDate registers = curve(FIRST_DAY, PERIOD_END, 50, 18);
                double draw = random.nextDouble();
                String category = draw < 0.01 ? "EXTREME_POVERTY" : draw < 0.05 ? "MINIMUM_LIVING" : draw < 0.07 ? "MONITORED" : null;
                LocalDate pays = category != null || random.nextDouble() > zeal ? null
                        : min(registers.plusDays((long) (random.nextDouble() * random.nextDouble() * 30)), PERIOD_END);
                add(new Plan(resident, registers, pays, category, pays != null && random.nextDouble() < 0.004, null));
            }
            for (int i = 0; i < Math.max(1, township.getValue() / 400); i++) {
                LocalDate born = LocalDate.of(2017, 12, 1 + random.nextInt(31));
                LocalDate registers = LocalDate.of(2018, 1, 2 + random.nextInt(28));
                add(new Plan(people.newborn(township.getKey(), born), registers, min(registers.plusDays(random.nextInt(3)), LAST_DAY),
                        null, false, "NEWBORN"));
            }
        }
    }

    private void add(Plan plan) {
        registering.computeIfAbsent(plan.registers(), day -> new ArrayList<>()).add(plan);
        if (plan.pays() != null) {
            paying.computeIfAbsent(plan.pays(), day -> new ArrayList<>()).add(plan);
            if (plan.paysTwice()) {
                refunding.computeIfAbsent(plan.pays().plusDays(7), day -> new ArrayList<>()).add(plan);
            }
        }
        if (plan.category() != null) {
            LocalDate month = plan.registers().withDayOfMonth(1).plusMonths(random.nextInt(2) == 0 ? 0 : -1);
            LocalDate listDay = (month.isBefore(FIRST_DAY) ? FIRST_DAY : month).withDayOfMonth(5);
            certified.computeIfAbsent(listDay, day -> new ArrayList<>()).add(plan);
        }
    }

    /** One business day of the season, in the order the county lives it. */
    private void live(LocalDate day) {
        certify(day, certified.getOrDefault(day, List.of()));
        register(day, registering.getOrDefault(day, List.of()));
        pay(day, paying.getOrDefault(day, List.of()));
        refund(day, refunding.getOrDefault(day, List.of()));
        if (day.getDayOfWeek() == DayOfWeek.FRIDAY && !day.isAfter(PERIOD_END)) {
            report("ON_DEMAND", day, "T09:00:00Z");
        }
        if (day.getDayOfMonth() == 15 || day.equals(day.withDayOfMonth(day.lengthOfMonth()))) {
            report("HALF_MONTHLY", day, "T15:59:59Z");
            if (day.getDayOfMonth() != 15) {
                report("MONTHLY", day, "T15:59:59Z");
            }
            progress(day);
        }
    }

    /** 动态调整名单: each agency's monthly list, sent on the 5th, of the people it certified since the last. */
    private void certify(LocalDate day, List<Plan> plans) {
        Map<String, List<Plan>> byAgency = plans.stream().collect(Collectors.groupingBy(plan -> "MONITORED".equals(plan.category())
                ? "rural-revitalization" : "civil-affairs", TreeMap::new, Collectors.toList()));
        byAgency.forEach((agency, rows) -> {
            String list = "{\"rows\":[" + rows.stream().map(plan -> plan.resident().adjustmentRowJson("ADD", plan.category(),
                    day.withDayOfMonth(1))).collect(Collectors.joining(",")) + "]}";
            expect(ApiClient.patiently(() -> client(SuiteService.SUBSIDY, agency).post("/api/v1/adjustment-batches?month="
                    + day.toString().substring(0, 7), list), PATIENCE), 202);
        });
    }

    /** Each township sends the day's registrations as one batch. */
    private void register(LocalDate day, List<Plan> plans) {
        Map<String, List<Plan>> byTownship = plans.stream().collect(Collectors.groupingBy(plan -> plan.resident().township(),
                TreeMap::new, Collectors.toList()));
        byTownship.forEach((township, rows) -> {
            String batch = "[" + rows.stream().map(plan -> plan.resident().enrolmentJson(Liancheng.REGION, COVERAGE_YEAR, day,
                    plan.personCategory())).collect(Collectors.joining(",")) + "]";
            HttpResponse<String> answer = expect(client(SuiteService.ENROLLMENT, "township-" + township)
                    .post("/api/v1/enrolments/batch", "application/json", batch), 200);
            JsonNode rejected = JsonMapper.shared().readTree(answer.body()).get("rejected");
            if (rejected != null && !rejected.isEmpty()) {
                say(day + ": " + rejected.size() + " registrations of " + township + " refused, e.g. " + rejected.get(0));
            }
        });
    }

    /** The tax bureau's confirmations of the day (and, a few days on, a second payment by the same person). */
    private void pay(LocalDate day, List<Plan> plans) {
        List<String> confirmations = new ArrayList<>();
        for (Plan plan : plans) {
            String paidAt = day.atTime(2 + random.nextInt(10), random.nextInt(60)).toInstant(ZoneOffset.UTC).toString();
            confirmations.add(plan.resident().confirmationJson(voucher(), COVERAGE_YEAR, AMOUNT, paidAt));
            if (plan.paysTwice()) {
                String duplicate = voucher();
                duplicates.put(plan.resident(), duplicate);
                confirmations.add(plan.resident().confirmationJson(duplicate, COVERAGE_YEAR, AMOUNT, paidAt));
            }
        }
        if (!confirmations.isEmpty()) {
            String body = "{\"confirmations\":[" + String.join(",", confirmations) + "]}";
            expect(ApiClient.patiently(() -> client(SuiteService.TAX, "tax-bureau").postSigned("/api/v1/payment-confirmations", body,
                    ApiClient.LOCAL_TAX_WEBHOOK_SECRET, Clock.systemUTC()), PATIENCE), 200);
        }
    }

    /**
     * 重复缴费退费: the tax bureau pays the second payment back and tells the suite so. (A bureau's refund application
     * is judged against today's clock, by which the simulated season's coverage has long started.)
     */
    private void refund(LocalDate day, List<Plan> plans) {
        for (Plan plan : plans) {
            String voucher = duplicates.get(plan.resident());
            String refund = "{\"refunds\":[{\"refundNo\":\"R" + voucher + "\",\"voucherNo\":\"" + voucher
                    + "\",\"amount\":\"" + AMOUNT + "\",\"refundedAt\":\"" + day.atTime(3, 0).toInstant(ZoneOffset.UTC)
                    + "\",\"reason\":\"重复缴费退费\"}]}";
            expect(client(SuiteService.TAX, "tax-bureau").postSigned("/api/v1/refunds", refund, ApiClient.LOCAL_TAX_WEBHOOK_SECRET,
                    Clock.systemUTC()), 200);
        }
    }

    private void report(String type, LocalDate day, String time) {
        expect(client(SuiteService.REPORTING, "bureau").post("/api/v1/reports", "{\"type\":\"" + type
                + "\",\"region\":\"350825\",\"coverageYear\":2018,\"asOf\":\"" + day + time + "\"}"), 201);
    }

    private void progress(LocalDate day) {
        HttpResponse<String> figures = client(SuiteService.REPORTING, "viewer").get("/api/v1/participation?region=350825&coverageYear=2018");
        if (figures.statusCode() == 200) {
            JsonNode total = JsonMapper.shared().readTree(figures.body()).get("total");
            say(String.format("%s: %,d registered, %,d enrolled of %,d (%.2f %%)", day, total.get("registered").asInt(),
                    total.get("enrolled").asInt(), total.get("target").asInt(), total.get("rate").asDouble() * 100));
        }
    }

    /** A day between {@code from} and {@code to}, normally distributed around {@code from + mean} days. */
    private LocalDate curve(LocalDate from, LocalDate to, int mean, int spread) {
        long days = Math.round(mean + random.nextGaussian() * spread);
        return min(from.plusDays(Math.max(0, days)), to);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private String voucher() {
        return "SIM2018" + String.format("%07d", ++vouchers);
    }

    private ApiClient client(SuiteService service, String clientId) {
        return ApiClient.at(suite.url(service)).as(clientId);
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private void say(String message) {
        out.println("[season] " + message);
    }
}
