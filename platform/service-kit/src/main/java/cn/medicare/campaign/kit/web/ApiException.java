package cn.medicare.campaign.kit.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on, answered as RFC 9457 problem+json with its status:
 * 400 bad input, 404 unknown resource, 409 conflict with existing state, 422 a rule forbids it.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<InputError> errors;

    public ApiException(HttpStatus status, String title, String detail, List<InputError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiException invalid(List<InputError> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid input",
                errors.size() == 1 ? errors.get(0).message() : errors.size() + " problems in the input", errors);
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(InputError.field(field, message)));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
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
}
