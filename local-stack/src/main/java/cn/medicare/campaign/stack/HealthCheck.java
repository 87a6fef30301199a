package cn.medicare.campaign.stack;

import cn.medicare.campaign.fixtures.ApiClient;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** Waits until every service answers {@code /actuator/health} with UP, as an operator's probe would. */
final class HealthCheck {

    private HealthCheck() {
    }

    static void awaitUp(List<SuiteService> services, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (SuiteService service : services) {
            while (!isUp(service)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(service.serviceName() + " is not healthy after " + timeout);
                }
                LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
            }
        }
    }

    private static boolean isUp(SuiteService service) {
        try {
            HttpResponse<String> response = ApiClient.at(service.url()).get("/actuator/health");
            return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
        } catch (UncheckedIOException notListeningYet) {
            return false;
        }
    }
}
