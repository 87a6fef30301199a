package cn.medicare.campaign.stack.bench;

import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.stack.SuiteService;
import cn.medicare.campaign.stack.demo.Resident;
import cn.medicare.campaign.stack.demo.Residents;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Liancheng's 2018 campaign at a share of the county, driven through the public APIs as its people
 * would: the townships' lists in files of {@value #LIST_ROWS} lines, 1 % 特困 and 4 % 低保 certified by
 * civil affairs, 90 % of the rest paying in signed calls of {@value #PAYMENTS_PER_CALL}. It knows
 * how many people must end enrolled. The county-scale benchmark and the replica and fault tests
 * drive the suite with it; {@code url} picks the instance each call goes to.
 */
public final class CountyCampaign {

    public static final int COVERAGE_YEAR = 2018;
    private static final int LIST_ROWS = 5_000;
    private static final int PAYMENTS_PER_CALL = 2_000;
    /** How long a call may wait for a service still consuming what it needs (503 with Retry-After). */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Function<SuiteService, String> url;
    private final List<Resident> residents;
    private final int extremePoverty;
    private final int minimumLiving;
    private int lastSeen = -1;

    /** @param share of the county's 276,927 people, e.g. 0.01 */
    public CountyCampaign(Function<SuiteService, String> url, double share) {
        this.url = url;
        this.residents = residents(share);
        this.extremePoverty = residents.size() / 100;
        this.minimumLiving = residents.size() / 25;
    }

    public List<Resident> residents() {
        return residents;
    }

    /** 特困 (the campaign pays all) and 低保 certified; the rest pay for themselves. */
    public int certified() {
        return extremePoverty + minimumLiving;
    }

    /** The people who pay: 低保 first (40.00), then the self-paying (180.00). */
    public List<Resident> payers() {
        List<Resident> payers = residents.subList(extremePoverty, residents.size());
        return payers.subList(0, payers.size() * 9 / 10);
    }

    /** 特困 are enrolled without paying; every payer pays what they owe. */
    public int expectedEnrolled() {
        return extremePoverty + payers().size();
    }

    public void defineCampaign() {
        ApiClient bureau = client(SuiteService.ENROLLMENT, "bureau");
        expect(bureau.put("/api/v1/campaigns/350825/2018", "application/json", Liancheng.apiExampleJson(COVERAGE_YEAR)), 200);
        expect(bureau.put("/api/v1/campaigns/350825/2018/targets", "text/csv", targetsWithVillages()), 200);
    }

    /** Each township uploads its own list, in files of a few thousand lines as a clerk would. */
    public void enrol() {
        residents.stream().collect(Collectors.groupingBy(Resident::township)).forEach((township, own) -> {
            for (int from = 0; from < own.size(); from += LIST_ROWS) {
                StringBuilder csv = new StringBuilder("township,village,name,idNumber,phone,personCategory,hukouLocal,residencePermit,enrolledOn\n");
                for (Resident r : own.subList(from, Math.min(own.size(), from + LIST_ROWS))) {
                    csv.append(r.township()).append(',').append(r.village()).append(',').append(r.name()).append(',')
                            .append(r.idNumber()).append(",,,").append(r.hukouLocal()).append(',').append(!r.hukouLocal())
                            .append(",2017-10-09\n");
                }
                expect(client(SuiteService.ENROLLMENT, "township-" + township)
                        .post("/api/v1/enrolments/batch?region=350825&coverageYear=2018", "text/csv", csv.toString()), 200);
            }
        });
    }

    public void certify() {
        certify(residents.subList(0, extremePoverty), "EXTREME_POVERTY");
        certify(residents.subList(extremePoverty, extremePoverty + minimumLiving), "MINIMUM_LIVING");
    }

    /** The tax bureau's confirmations of every payer, in signed calls. */
    public void pay() {
        pay(0, payers().size());
    }

    /** The confirmations of payers {@code from} (inclusive) to {@code to}: a fault can fall between two parts. */
    public void pay(int from, int to) {
        List<Resident> payers = payers();
        for (int first = from; first < to; first += PAYMENTS_PER_CALL) {
            List<String> confirmations = new ArrayList<>();
            for (int n = first; n < Math.min(to, first + PAYMENTS_PER_CALL); n++) {
                confirmations.add(payers.get(n).confirmationJson("CS2018" + String.format("%07d", n), COVERAGE_YEAR,
                        n < minimumLiving ? "40.00" : "180.00", "2017-10-20T02:00:00Z"));
            }
            String body = "{\"confirmations\":[" + String.join(",", confirmations) + "]}";
            expect(ApiClient.patiently(() -> client(SuiteService.TAX, "tax-bureau").postSigned("/api/v1/payment-confirmations", body,
                    ApiClient.LOCAL_TAX_WEBHOOK_SECRET, Clock.systemUTC()), PATIENCE), 200);
        }
    }

    /** The county's participation figures ({@code total} of GET /api/v1/participation), once they answer. */
    public JsonNode figures() {
        HttpResponse<String> figures = client(SuiteService.REPORTING, "viewer").get("/api/v1/participation?region=350825&coverageYear=2018");
        expect(figures, 200);
        return JsonMapper.shared().readTree(figures.body());
    }

    /**
     * Waits until the figures show everyone enrolled who must be; throws after {@code limit}. Each
     * look reads the whole county, so the next one waits at least twice as long as it took: the
     * watching must not slow down the catching up it measures.
     */
    public void awaitFigures(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            long asked = System.nanoTime();
            if (showsEveryoneEnrolled()) {
                return;
            }
            LockSupport.parkNanos(Math.max(Duration.ofMillis(500).toNanos(), 2 * (System.nanoTime() - asked)));
        }
        throw notFinal(limit);
    }

    /** One look at the figures: whether they show everyone enrolled who must be. */
    public boolean showsEveryoneEnrolled() {
        HttpResponse<String> figures = client(SuiteService.REPORTING, "viewer").get("/api/v1/participation?region=350825&coverageYear=2018");
        if (figures.statusCode() != 200) {
            return false;
        }
        lastSeen = JsonMapper.shared().readTree(figures.body()).get("total").get("enrolled").asInt();
        return lastSeen == expectedEnrolled();
    }

    public IllegalStateException notFinal(Duration limit) {
        return new IllegalStateException("the figures showed " + lastSeen + " enrolled, not " + expectedEnrolled() + ", after " + limit);
    }

    private void certify(List<Resident> certified, String category) {
        for (int from = 0; from < certified.size(); from += LIST_ROWS) {
            String rows = certified.subList(from, Math.min(certified.size(), from + LIST_ROWS)).stream()
                    .map(r -> r.adjustmentRowJson("ADD", category, LocalDate.of(2017, 10, 1)))
                    .collect(Collectors.joining(",", "{\"rows\":[", "]}"));
            expect(ApiClient.patiently(() -> client(SuiteService.SUBSIDY, "civil-affairs").post("/api/v1/adjustment-batches?month=2017-10", rows),
                    PATIENCE), 202);
        }
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

    private ApiClient client(SuiteService service, String clientId) {
        return ApiClient.at(url.apply(service)).as(clientId);
    }

    /** Throws, naming the call and the start of its answer, unless it answered {@code status}. */
    static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri().getPath() + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
    }
}
