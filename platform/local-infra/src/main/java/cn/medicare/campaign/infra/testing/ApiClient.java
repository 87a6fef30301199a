package cn.medicare.campaign.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A caller of a service's HTTP API as one of the documented demo clients (password
 * {@code local-<client id>}), or anonymously.
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
        return new ApiClient("http://localhost:" + port, null, Map.of());
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

    public HttpResponse<String> put(String path, String json) {
        return put(path, "application/json", json);
    }

    public HttpResponse<String> put(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
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
