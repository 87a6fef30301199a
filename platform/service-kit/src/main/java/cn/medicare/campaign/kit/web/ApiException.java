package cn.medicare.campaign.kit.web;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on, answered as RFC 9457 problem+json with its status:
 * 400 bad input, 404 unknown resource, 409 conflict with existing state, 422 a rule forbids it,
 * 503 with {@code Retry-After} when this service has not yet consumed a fact the request needs, or when the request
 * crossed another one in the database and was undone.
 */
public class ApiException extends RuntimeException {

    /** How soon a request waiting for a fact is worth sending again: the relay and a consumer take about a second. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    /** The other request goes on once this one is undone; a second is a guess at when it ends, the client may wait longer. */
    private static final Duration CROSSED_RETRY_AFTER = Duration.ofSeconds(1);

    private final HttpStatus status;
    private final String title;
    private final List<InputError> errors;
    private final Duration retryAfter;

    public ApiException(HttpStatus status, String title, String detail, List<InputError> errors) {
        this(status, title, detail, errors, null);
    }

    private ApiException(HttpStatus status, String title, String detail, List<InputError> errors, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    /**
     * 503 with {@code Retry-After}: the request needs a fact this service has not consumed yet (DOMAIN.md:
     * nothing is rejected for our own lag). Nothing is applied; the same request will do once the fact is here.
     *
     * @param errors the fields or rows that wait for it
     */
    public static ApiException notYetKnown(String detail, List<InputError> errors) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Not yet known", detail, errors, RETRY_AFTER);
    }

    /**
     * 503 with {@code Retry-After}: PostgreSQL ended the request's transaction to break a deadlock with another request
     * (two posts naming the same refund or voucher numbers in crossed orders). That transaction was undone, and sent
     * again the request meets the other's outcome, as if it had come second (a roll-over, which commits page by page,
     * finds its earlier pages done).
     */
    public static ApiException crossedAnotherRequest() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Crossed another request",
                "与同时处理的另一请求交叉，已撤销，请稍后重发 / crossed another request handled at the same time and was undone;"
                        + " send it again",
                List.of(), CROSSED_RETRY_AFTER);
    }

    public static ApiException invalid(List<InputError> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid input",
                errors.size() == 1 ? errors.get(0).message()
                        : "输入有 " + errors.size() + " 处问题 / " + errors.size() + " problems in the input", errors);
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(InputError.field(field, message)));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
    }

    /** Nothing is known of what the request's {@code field} names (a day, a person): the caller sees which value to check. */
    public static ApiException notFound(String field, String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", detail, List.of(InputError.field(field, detail)));
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail, List.of());
    }

    public static ApiException ruleViolated(String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Rule violated", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<InputError> errors() {
        return errors;
    }

    /** @return how long to wait before sending the request again, or null when that would not help */
    public Duration retryAfter() {
        return retryAfter;
    }
}
