package cn.medicare.campaign.tax;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The adapter's HTTP API as the tax bureau and the other demo clients call it. */
final class TaxApi {

    static final String SECRET = "local-tax-webhook-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    TaxApi(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String client, String pathAndQuery) {
        return send(request(pathAndQuery).header("Authorization", basic(client)).GET());
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
        for (JsonNode item : levyItems("region=" + People.REGION + "&coverageYear=" + coverageYear + "&limit=5000").get("items")) {
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
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(new TaxBureauSigner(SECRET).post(confirmations().header("Authorization", basic(client)), bytes, Instant.now()));
    }

    /** Signed now with the local secret, posted as {@code client} to {@code path}. */
    HttpResponse<String> postSigned(String client, String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(new TaxBureauSigner(SECRET).post(request(path).header("Authorization", basic(client)), bytes, Instant.now()));
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
        return send(request("/api/v1/reconciliations/" + date).header("Authorization", basic(client))
                .header("Content-Type", "text/csv").header("X-Timestamp", Long.toString(timestamp))
                .header("X-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    HttpResponse<String> refund(String body) {
        return postSigned("tax-bureau", "/api/v1/refunds", body);
    }

    /** The refunds due of Liancheng for the year as {@code client} reads them, expecting 200. */
    JsonNode refundsDue(String client, int coverageYear) {
        HttpResponse<String> response = get(client, "/api/v1/refunds-due?region=" + People.REGION + "&coverageYear=" + coverageYear);
        if (response.statusCode() != 200) {
            throw new AssertionError("refunds due answered " + response.statusCode() + ": " + response.body());
        }
        return json(response).get("items");
    }

    /** A request to the confirmations endpoint, for tests that set the headers themselves. */
    HttpRequest.Builder confirmations() {
        return request("/api/v1/payment-confirmations");
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String basic(String client) {
        return "Basic " + Base64.getEncoder().encodeToString((client + ":local-" + client).getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
    }
}
