package cn.medicare.campaign.infra.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What operations expect of every running service: health, Prometheus metrics and its OpenAPI document. */
public final class RunningService {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RunningService() {
    }

    public static void assertOperable(int port, String applicationName) {
        expect(port, "/actuator/health", "\"status\":\"UP\"");
        expect(port, "/actuator/prometheus", "application=\"" + applicationName + "\"");
        expect(port, "/v3/api-docs", "\"openapi\"");
    }

    /** GETs a path and returns the body, failing unless the answer is 200 and contains the text. */
    public static String expect(int port, String path, String text) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains(text)) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode() + " without " + text
                        + ": " + response.body().substring(0, Math.min(500, response.body().length())));
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
