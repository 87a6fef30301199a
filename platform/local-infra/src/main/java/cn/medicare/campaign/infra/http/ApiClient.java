package cn.medicare.campaign.infra.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Calls a service's public API the way an outside client does: as one of the documented demo
 * clients (HTTP Basic, password {@code local-<client id>}) or anonymously, and for the tax
 * bureau's money calls with the HMAC signature of API.md. The demo and the tests use it.
 */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String clientId;
    private final Map<String, String> headers;

    private ApiClient(String baseUrl, String clientId, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.clientId = clientId;
        this.headers = headers;
    }

    public static ApiClient at(int port) {
        return at("http://localhost:" + port);
    }

    public static ApiClient at(String baseUrl) {
        return new ApiClient(baseUrl, null, Map.of());
    }

    public ApiClient as(String client) {
        return new ApiClient(baseUrl, client, headers);
    }

    public ApiClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(baseUrl, clientId, more);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return post(path, "application/json", json);
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String path, String json) {
        return put(path, "application/json", json);
    }

    public HttpResponse<String> put(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A tax-bureau call that moves money: signed over {@code timestamp + "." + body}. */
    public HttpResponse<String> postSigned(String path, String json, String secret, Clock clock) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return withHeader("X-Timestamp", timestamp)
                .withHeader("X-Signature", "sha256=" + signature(secret, timestamp, json))
                .post(path, json);
    }

    /**
     * Makes {@code call} again while the service answers 503 with {@code Retry-After}: it has not yet
     * consumed a fact the request needs and applied nothing (DOMAIN.md). Waits as long as the service
     * asks, in all at most {@code patience}; then returns the last answer. A signed call should sign
     * afresh in {@code call}.
     */
    public static HttpResponse<String> patiently(Supplier<HttpResponse<String>> call, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        HttpResponse<String> response = call.get();
        while (response.statusCode() == 503 && response.headers().firstValue("Retry-After").isPresent()
                && System.nanoTime() < deadline) {
            long seconds = Long.parseLong(response.headers().firstValue("Retry-After").get().strip());
            LockSupport.parkNanos(Math.min(Duration.ofSeconds(seconds).toNanos(), Math.max(0, deadline - System.nanoTime())));
            response = call.get();
        }
        return response;
    }

    public static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (clientId != null) {
            String credentials = clientId + ":local-" + clientId;
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
