package cn.medicare.campaign.infra.testing;

import cn.medicare.campaign.fixtures.ApiClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

/** What operations expect of every running service: health, Prometheus metrics and its OpenAPI document. */
public final class RunningService {

    private RunningService() {
    }

    /**
     * @param consumedTopics the topics the service's consumers read: each has its applied and dead-letter
     *        counts from the start, before its first record, so that an alert sees a consumer that never applied one
     */
    public static void assertOperable(int port, String applicationName, String... consumedTopics) {
        expect(port, "/actuator/health", "\"status\":\"UP\"");
        String metrics = expect(port, "/actuator/prometheus", "application=\"" + applicationName + "\"");
        for (String topic : consumedTopics) {
            for (String counter : List.of("insurance_inbox_applied_total", "insurance_consumer_dead_letters_total")) {
                if (!Pattern.compile("(?m)^" + counter + "\\{[^}]*topic=\"" + Pattern.quote(topic) + "\"").matcher(metrics).find()) {
                    throw new AssertionError("GET /actuator/prometheus has no " + counter + " of " + topic);
                }
            }
        }
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
