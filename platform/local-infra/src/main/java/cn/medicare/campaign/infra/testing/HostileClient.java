package cn.medicare.campaign.infra.testing;

import cn.medicare.campaign.infra.testing.HostileInput.Body;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.Assume;

/**
 * Sends hostile requests as a demo client (HTTP Basic, password {@code local-<client id>}) with
 * any method, body and content type. A request no HTTP client can send (a malformed URI, a header
 * value with a line break) is no request to answer: the try is skipped, not failed.
 */
public final class HostileClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    public HostileClient(int port) {
        this.port = port;
    }

    public HttpResponse<String> send(String client, String method, String pathAndQuery, Body body) {
        HttpRequest.Builder request = request(client, pathAndQuery);
        if (body == null) {
            return send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        if (body.contentType() != null) {
            request.header("Content-Type", body.contentType());
        }
        return send(request.method(method, HttpRequest.BodyPublishers.ofString(body.text(), StandardCharsets.UTF_8)));
    }

    /** A request as {@code client} (none when null) to a path that may hold hostile, already encoded, parts. */
    public HttpRequest.Builder request(String client, String pathAndQuery) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
        } catch (IllegalArgumentException notAUri) {
            Assume.that(false);
            throw notAUri;
        }
        if (client != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((client + ":local-" + client).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    /** Adds a header, skipping the try when the HTTP client refuses its name or value. */
    public static HttpRequest.Builder header(HttpRequest.Builder request, String name, String value) {
        try {
            return request.header(name, value);
        } catch (IllegalArgumentException refusedByTheClient) {
            Assume.that(false);
            throw refusedByTheClient;
        }
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException refusedByTheClient) {
            Assume.that(false);
            throw refusedByTheClient;
        } catch (IOException e) {
            throw new AssertionError("the service did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
