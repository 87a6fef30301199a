package cn.medicare.campaign.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** Waits until every service answers {@code /actuator/health} with UP, as an operator's probe would. */
final class HealthCheck {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

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
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(service.url() + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
