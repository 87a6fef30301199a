package cn.medicare.campaign.infra.testing;

import cn.medicare.campaign.contracts.identity.IdNumberLeaks;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The property every answer to hostile input must have: never a 5xx; a 4xx is RFC 9457
 * problem+json that quotes no NUL, no plain ID number and no long run of the input. Counts the
 * hostile requests per endpoint, for the test output and the closing note of the work.
 */
public final class HostileAnswers {

    private static final Pattern LONG_RUN = Pattern.compile("(.)\\1{39,}");

    private final String service;
    private final Map<String, AtomicInteger> tried = new ConcurrentSkipListMap<>();
    private final Map<String, AtomicInteger> failed = new ConcurrentSkipListMap<>();
    private final Map<String, AtomicInteger> waiting = new ConcurrentSkipListMap<>();

    public HostileAnswers(String service) {
        this.service = service;
    }

    /** Counts one hostile request to {@code endpoint} and fails unless its answer is a proper one. */
    public void check(String endpoint, HttpResponse<String> answer) {
        checkStatusAndType(endpoint, answer);
        String body = answer.body() == null ? "" : answer.body();
        if (answer.statusCode() < 400) {
            return;
        }
        if (IdNumberLeaks.containsIdNumber(body)) {
            throw new AssertionError(endpoint + " answered " + answer.statusCode() + " quoting a plain ID number");
        }
        if (LONG_RUN.matcher(body).find()) {
            throw new AssertionError(endpoint + " answered " + answer.statusCode() + " quoting the input at length: " + printable(body));
        }
    }

    /**
     * Counts one hostile request and fails on a 5xx, a 4xx that is no problem+json or one quoting a
     * NUL; for answers whose wording is someone else's to change (say so where it is used).
     */
    public void checkStatusAndType(String endpoint, HttpResponse<String> answer) {
        tried.computeIfAbsent(endpoint, key -> new AtomicInteger()).incrementAndGet();
        int status = answer.statusCode();
        String body = answer.body() == null ? "" : answer.body();
        if (status == 503 && answer.headers().firstValue("Retry-After").isPresent()
                && answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            // a documented answer, not a failure: the service has not yet seen a fact the input names (a
            // county whose targets never arrived looks the same as one whose targets are on their way)
            waiting.computeIfAbsent(endpoint, key -> new AtomicInteger()).incrementAndGet();
            return;
        }
        if (status >= 500) {
            failed.computeIfAbsent(endpoint, key -> new AtomicInteger()).incrementAndGet();
            throw new AssertionError(endpoint + " answered " + status + ": " + printable(body));
        }
        if (status < 400) {
            return;
        }
        String type = answer.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            throw new AssertionError(endpoint + " answered " + status + " as '" + type + "', not problem+json: " + printable(body));
        }
        if (body.indexOf('\u0000') >= 0 || body.contains("\\u0000")) {
            throw new AssertionError(endpoint + " answered " + status + " quoting a NUL character: " + printable(body));
        }
    }

    /** After the properties: the service must still be UP; prints the counts and stops it. */
    public void reportAndStop(ServiceUnderTest service) {
        if (service == null) {
            return;
        }
        try {
            RunningService.expect(service.port(), "/actuator/health", "\"status\":\"UP\"");
            report();
        } finally {
            service.close();
        }
    }

    /** One line per endpoint: how many hostile requests it answered, and how many of them with a 5xx (shrinking included). */
    private void report() {
        tried.forEach((endpoint, count) -> System.out.println("[hostile input] " + service + " " + endpoint + ": " + count
                + " hostile requests, " + failed.getOrDefault(endpoint, new AtomicInteger()).get() + " answered 5xx, "
                + waiting.getOrDefault(endpoint, new AtomicInteger()).get() + " answered 503 with Retry-After"));
    }

    private static String printable(String body) {
        String shown = body.length() > 600 ? body.substring(0, 600) + "..." : body;
        return shown.replace("\u0000", "<NUL>");
    }
}
