package cn.medicare.campaign.infra.testing;

import cn.medicare.campaign.fixtures.ApiClient;
import java.net.http.HttpResponse;

/** What operations expect of every running service: health, Prometheus metrics and its OpenAPI document. */
public final class RunningService {

    private RunningService() {
    }

    public static void assertOperable(int port, String applicationName) {
        expect(port, "/actuator/health", "\"status\":\"UP\"");
        expect(port, "/actuator/prometheus", "application=\"" + applicationName + "\"");
        expect(port, "/v3/api-docs", "\"openapi\"");
    }

    /** GETs a path without credentials and returns the body, failing unless the answer is 200 and contains the text. */
    public static String expect(int port, String path, String text) {
        HttpResponse<String> response = ApiClient.at(port).get(path);
        if (response.statusCode() != 200 || !response.body().contains(text)) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + " without " + text
                    + ": " + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return response.body();
    }
}
