package cn.medicare.campaign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.stack.demo.Resident;
import cn.medicare.campaign.stack.demo.Residents;
import cn.medicare.campaign.fixtures.ApiClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The acceptance scenario of the walking skeleton for one coverage year: 3 townships, 30 residents,
 * civil affairs certifies 3 特困 (FULL) and 4 低保 (FIXED 140), 20 payments of the assessed amounts,
 * 2 repeated vouchers and 1 underpayment. Each step goes through the public API, as the bureau, the
 * townships, civil affairs and the tax bureau would call it.
 */
final class Scenario {

    static final List<String> TOWNSHIPS = List.of("350825100", "350825101", "350825102");
    static final List<Integer> TARGETS = List.of(12, 10, 8);
    /** How long a call may wait for a service still consuming what it needs (503 with Retry-After). */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Suite suite;
    private final int year;
    final List<Resident> residents = new ArrayList<>();
    int accepted;
    int duplicates;

    Scenario(Suite suite, int year, long seed) {
        this.suite = suite;
        this.year = year;
        Residents people = new Residents(seed, Liancheng.REGION);
        for (String township : TOWNSHIPS) {
            for (int i = 0; i < 10; i++) {
                residents.add(people.next(township));
            }
        }
    }

    /** Residents 0, 10, 20: 特困, the campaign pays all. */
    List<Resident> extremePoverty() {
        return List.of(residents.get(0), residents.get(10), residents.get(20));
    }

    /** Residents 1, 2, 11, 21: 低保, 140 of 180 paid by the campaign. */
    List<Resident> minimumLiving() {
        return List.of(residents.get(1), residents.get(2), residents.get(11), residents.get(21));
    }

    /** Residents 3-8, 12-17, 22-25 pay 180 in full. */
    List<Resident> selfPaying() {
        List<Resident> payers = new ArrayList<>(residents.subList(3, 9));
        payers.addAll(residents.subList(12, 18));
        payers.addAll(residents.subList(22, 26));
        return payers;
    }

    /** Resident 9 pays 100 of 180. */
    Resident underpaying() {
        return residents.get(9);
    }

    /** The whole campaign in the order it happens: campaign, enrolments, the civil-affairs list, payments. */
    void runInOrder() {
        defineCampaign();
        enrol(residents);
        certify();
        pay();
    }

    void defineCampaign() {
        ApiClient bureau = client(SuiteService.ENROLLMENT, "bureau");
        expect(bureau.put("/api/v1/campaigns/350825/" + year, "application/json", Liancheng.apiExampleJson(year)), 200);
        String targets = TOWNSHIPS.stream()
                .map(t -> "{\"township\":\"" + t + "\",\"townshipName\":\"乡镇" + t.substring(6) + "\",\"target\":" + TARGETS.get(TOWNSHIPS.indexOf(t)) + "}")
                .collect(Collectors.joining(",", "{\"targets\":[", "]}"));
        expect(bureau.put("/api/v1/campaigns/350825/" + year + "/targets", "application/json", targets), 200);
    }

    void enrol(List<Resident> who) {
        for (Resident resident : who) {
            expect(client(SuiteService.ENROLLMENT, "township-" + resident.township()).post("/api/v1/enrolments",
                    resident.enrolmentJson(Liancheng.REGION, year, LocalDate.of(year - 1, 10, 9))), 201);
        }
    }

    /** Civil affairs' October list, sent again only when subsidy-service asks to (503: targets not consumed yet). */
    void certify() {
        LocalDate effective = LocalDate.of(year - 1, 10, 1);
        List<String> rows = new ArrayList<>();
        extremePoverty().forEach(r -> rows.add(r.adjustmentRowJson("ADD", "EXTREME_POVERTY", effective)));
        minimumLiving().forEach(r -> rows.add(r.adjustmentRowJson("ADD", "MINIMUM_LIVING", effective)));
        JsonNode result = json(expect(ApiClient.patiently(() -> client(SuiteService.SUBSIDY, "civil-affairs").post(
                "/api/v1/adjustment-batches?month=" + (year - 1) + "-10", "{\"rows\":[" + String.join(",", rows) + "]}"), PATIENCE), 202));
        assertThat(result.get("rejected")).as("no adjustment row is refused for the service's lag").isEmpty();
        assertThat(result.get("accepted").asInt()).isEqualTo(rows.size());
    }

    /** The tax bureau's confirmations, sent again only when the adapter asks to (503: campaign not consumed yet). */
    void pay() {
        List<String> confirmations = new ArrayList<>();
        int voucher = 0;
        for (Resident payer : minimumLiving()) {
            confirmations.add(payer.confirmationJson(voucher(voucher++), year, "40.00", paidAt()));
        }
        for (Resident payer : selfPaying()) {
            confirmations.add(payer.confirmationJson(voucher(voucher++), year, "180.00", paidAt()));
        }
        confirmations.add(confirmations.get(4));
        confirmations.add(confirmations.get(10));
        confirmations.add(underpaying().confirmationJson(voucher(voucher), year, "100.00", paidAt()));
        String body = "{\"confirmations\":[" + String.join(",", confirmations) + "]}";
        JsonNode result = json(expect(ApiClient.patiently(() -> client(SuiteService.TAX, "tax-bureau").postSigned(
                "/api/v1/payment-confirmations", body, ApiClient.LOCAL_TAX_WEBHOOK_SECRET, Clock.systemUTC()), PATIENCE), 200));
        accepted += result.get("accepted").asInt();
        duplicates += result.get("duplicates").asInt();
        assertThat(result.get("rejected")).as("no confirmation is refused for the service's lag").isEmpty();
    }

    /** The tax bureau refunds part of a self-paying resident's payment (resident 3, voucher 4). */
    void refundPartOfAPayment() {
        String refund = "{\"refunds\":[{\"refundNo\":\"R" + year + "00001\",\"voucherNo\":\"" + voucher(4)
                + "\",\"amount\":\"30.00\",\"refundedAt\":\"" + (year - 1) + "-11-20T03:00:00Z\",\"reason\":\"overcharged\"}]}";
        JsonNode result = json(expect(client(SuiteService.TAX, "tax-bureau").postSigned("/api/v1/refunds", refund,
                ApiClient.LOCAL_TAX_WEBHOOK_SECRET, Clock.systemUTC()), 200));
        assertThat(result.get("accepted").asInt()).isEqualTo(1);
    }

    /** After the refund resident 3 has paid 150 of 180: township 100 counts one fewer. */
    void assertRefundUncounts() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode figures = json(expect(client(SuiteService.REPORTING, "viewer")
                    .get("/api/v1/participation?region=350825&coverageYear=" + year), 200));
            assertThat(figures.get("townships").get(0).get("enrolled").asInt()).isEqualTo(8);
            assertThat(figures.get("total").get("enrolled").asInt()).isEqualTo(22);
        });
    }

    /** The figures DOMAIN.md's definitions give for this scenario, worked out by hand. */
    void assertParticipation() {
        JsonNode[] figures = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            figures[0] = json(expect(client(SuiteService.REPORTING, "viewer")
                    .get("/api/v1/participation?region=350825&coverageYear=" + year), 200));
            // the registrations of those who never paid come last and change no enrolled count: waited for too
            assertThat(figures[0].get("total").get("registered").asInt()).isEqualTo(30);
            assertThat(figures[0].get("total").get("enrolled").asInt()).isEqualTo(23);
            assertThat(figures[0].get("total").get("assisted").asInt()).isEqualTo(7);
            assertThat(figures[0].get("total").get("assistedByCategory").get("EXTREME_POVERTY").asInt()).isEqualTo(3);
        });
        // township 100: 特困 0, 低保 1 and 2, self-paying 3-8 are settled; 9 underpaid
        assertTownship(figures[0].get("townships").get(0), "350825100", 12, 10, 9, "0.7500", 6, 3);
        // township 101: 特困 10, 低保 11, self-paying 12-17; 18 and 19 never paid
        assertTownship(figures[0].get("townships").get(1), "350825101", 10, 10, 8, "0.8000", 6, 2);
        // township 102: 特困 20, 低保 21, self-paying 22-25
        assertTownship(figures[0].get("townships").get(2), "350825102", 8, 10, 6, "0.7500", 4, 2);
        JsonNode total = figures[0].get("total");
        assertThat(total.get("selfPaid").asInt()).isEqualTo(16);
        assertThat(total.get("rate").asString()).isEqualTo("0.7667");
        assertThat(total.get("assistedByCategory").get("EXTREME_POVERTY").asInt()).isEqualTo(3);
        assertThat(total.get("assistedByCategory").get("MINIMUM_LIVING").asInt()).isEqualTo(4);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = client(SuiteService.REPORTING, "viewer").get("/actuator/prometheus").body();
            assertThat(metrics).containsPattern(gauge("350825100", "0.75"))
                    .containsPattern(gauge("350825101", "0.8"))
                    .containsPattern(gauge("350825102", "0.75"));
        });
    }

    private String gauge(String township, String rate) {
        return "insurance_participation_rate\\{[^}]*coverage_year=\"" + year + "\",region=\"350825\",township=\"" + township
                + "\"\\} " + rate.replace(".", "\\.") + "\n";
    }

    private static void assertTownship(JsonNode township, String code, int target, int registered, int enrolled, String rate,
            int selfPaid, int assisted) {
        assertThat(township.get("township").asString()).isEqualTo(code);
        assertThat(township.get("target").asInt()).isEqualTo(target);
        assertThat(township.get("registered").asInt()).as("registered in %s", code).isEqualTo(registered);
        assertThat(township.get("enrolled").asInt()).as("enrolled in %s", code).isEqualTo(enrolled);
        assertThat(township.get("rate").asString()).as("rate of %s", code).isEqualTo(rate);
        assertThat(township.get("selfPaid").asInt()).as("self-paid in %s", code).isEqualTo(selfPaid);
        assertThat(township.get("assisted").asInt()).as("assisted in %s", code).isEqualTo(assisted);
    }

    private String voucher(int n) {
        return "V" + year + String.format("%05d", n);
    }

    private String paidAt() {
        return (year - 1) + "-10-20T03:00:00Z";
    }

    private ApiClient client(SuiteService service, String clientId) {
        return ApiClient.at(suite.url(service)).as(clientId);
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.request().uri() + " answered " + response.body()).isEqualTo(status);
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }
}
