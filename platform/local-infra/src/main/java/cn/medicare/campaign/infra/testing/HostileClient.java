package cn.medicare.campaign.infra.testing;

import cn.medicare.campaign.fixtures.ApiClient;
import cn.medicare.campaign.infra.testing.HostileInput.Body;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;
import net.jqwik.api.Assume;

/**
 * The test {@link ApiClient} for hostile tries: any method, body and content type, as a demo
 * client or anonymously. A request no HTTP client can send (a malformed URI, a header value with a
 * line break) is no request to answer: the try is skipped, not failed.
 */
public final class HostileClient {

    private final ApiClient api;

    public HostileClient(int port) {
        this.api = ApiClient.at(port);
    }

    public HttpResponse<String> send(String client, String method, String pathAndQuery, Body body) {
        return sendable(() -> as(client).send(method, pathAndQuery, body == null ? null : body.contentType(),
                body == null ? null : body.text()));
    }

    /** A request as {@code client} (none when null) to a path that may hold hostile, already encoded, parts. */
    public HttpRequest.Builder request(String client, String pathAndQuery) {
        return sendable(() -> as(client).request(pathAndQuery));
    }

    /** Adds a header, skipping the try when the HTTP client refuses its name or value. */
    public static HttpRequest.Builder header(HttpRequest.Builder request, String name, String value) {
        return sendable(() -> request.header(name, value));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return sendable(() -> api.send(request));
    }

    private ApiClient as(String client) {
        return client == null ? api : api.as(client);
    }

    private static <T> T sendable(Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException refusedByTheClient) {
            Assume.that(false);
            throw refusedByTheClient;
        }
    }
}
