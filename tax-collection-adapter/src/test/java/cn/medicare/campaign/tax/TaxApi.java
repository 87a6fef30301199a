package cn.medicare.campaign.tax;

import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.fixtures.Liancheng;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The adapter's HTTP API as the tax bureau and the other demo clients call it, through the test {@link ApiClient}. */
final class TaxApi {

    static final String SECRET = ApiClient.LOCAL_TAX_WEBHOOK_SECRET;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiClient api;

    TaxApi(int port) {
        this.api = ApiClient.at(port);
    }

    HttpResponse<String> get(String client, String pathAndQuery) {
        return api.as(client).get(pathAndQuery);
    }

    /** An unsigned JSON POST as {@code client}. */
    HttpResponse<String> postAs(String client, String path, String json) {
        return api.as(client).post(path, json);
    }

    /** GET as the tax bureau, expecting 200. */
    JsonNode levyItems(String query) {
        HttpResponse<String> response = get("tax-bureau", "/api/v1/levy-items?" + query);
        if (response.statusCode() != 200) {
            throw new AssertionError("levy items answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    /** The person's item on the tax bureau's levy list, or null while not listed. */
    JsonNode levyItem(int coverageYear, String idNumber) {
        for (JsonNode item : levyItems("region=" + Liancheng.REGION + "&coverageYear=" + coverageYear + "&limit=5000").get("items")) {
            if (item.get("idNumber").asString().equals(idNumber)) {
                return item;
            }
        }
        return null;
    }

    /** Signed now with the local secret, posted as the tax bureau. */
    HttpResponse<String> confirm(String body) {
        return confirmAs("tax-bureau", body);
    }

    HttpResponse<String> confirmAs(String client, String body) {
        return postSigned(client, "/api/v1/payment-confirmations", body);
    }

    /** Signed now with the local secret, posted as {@code client} to {@code path}. */
    HttpResponse<String> postSigned(String client, String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(new TaxBureauSigner(SECRET).post(requestAs(client, path), bytes, Instant.now()));
    }

    /** A daily reconciliation file as {@code text/csv}, signed now for its date, posted as {@code client}. */
    HttpResponse<String> reconcileAs(String client, String date, String csv) {
        return reconcileAs(client, date, date, csv);
    }

    /** A daily reconciliation file signed for {@code signedDate}, posted to {@code date}. */
    HttpResponse<String> reconcileAs(String client, String date, String signedDate, String csv) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        String signature = new TaxBureauSigner(SECRET).signature(timestamp, "POST", "/api/v1/reconciliations/" + signedDate, bytes);
        return send(requestAs(client, "/api/v1/reconciliations/" + date)
                .header("Content-Type", "text/csv").header("X-Timestamp", Long.toString(timestamp))
                .header("X-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    HttpResponse<String> refund(String body) {
        return postSigned("tax-bureau", "/api/v1/refunds", body);
    }

    /** The refunds due of Liancheng for the year as {@code client} reads them, expecting 200. */
    JsonNode refundsDue(String client, int coverageYear) {
        HttpResponse<String> response = get(client, "/api/v1/refunds-due?region=" + Liancheng.REGION + "&coverageYear=" + coverageYear);
        if (response.statusCode() != 200) {
            throw new AssertionError("refunds due answered " + response.statusCode() + ": " + response.body());
        }
        return json(response).get("items");
    }

    /** A request as {@code client} (anonymous when null), for tests that set the headers themselves. */
    HttpRequest.Builder requestAs(String client, String path) {
        return (client == null ? api : api.as(client)).request(path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return api.send(request);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
