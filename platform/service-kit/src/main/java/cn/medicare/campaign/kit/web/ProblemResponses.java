package cn.medicare.campaign.kit.web;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Every error as RFC 9457 {@code application/problem+json}; validation failures carry an
 * {@code errors} array naming the field or row. Bad input is never a server error.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> refused(ApiException refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(refusal.status(), refusal.getMessage());
        problem.setTitle(refusal.title());
        if (!refusal.errors().isEmpty()) {
            problem.setProperty("errors", refusal.errors());
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(refusal.status());
        if (refusal.retryAfter() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfter().toSeconds()));
        }
        if (refusal.status() == HttpStatus.CONTENT_TOO_LARGE) {
            // the rest of an oversized body is not wanted: the connection ends with this answer instead of reading it
            answer.header(HttpHeaders.CONNECTION, "close");
        }
        return answer.body(problem);
    }

    /** Method security denies inside the controller, where this advice sees it before Spring Security does. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException denied) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your client may not do this.");
        problem.setTitle("Forbidden");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException unauthenticated) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Log in with your client id and secret.");
        problem.setTitle("Unauthorized");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception failure) {
        log.error("Unexpected failure", failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed; it has been logged.");
        return ResponseEntity.internalServerError().body(problem);
    }

    /** A multipart upload beyond the body limit: Tomcat stopped reading it. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException tooLarge,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String limit = tooLarge.getMaxUploadSize() > 0 ? tooLarge.getMaxUploadSize() / (1024 * 1024) + " MB" : "the limit";
        String message = "文件超过 " + limit + " 的上限 / the upload is larger than " + limit + ", the limit";
        return refused(new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Content too large", message,
                List.of(InputError.field("file", message))));
    }

    /**
     * An unreadable body names the JSON field that is wrong, where Jackson can tell; a body that
     * ran past the size limit while it was read is that refusal.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException refusal) {
                return refused(refusal);
            }
        }
        InputError error = describe(unreadable.getMostSpecificCause());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, error.message());
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(error));
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * What the field should be. The contracts' own checks (a missing field, an amount with three
     * decimals) say it in their words, which never quote the value.
     */
    private static String expectation(DatabindException databind) {
        if (databind instanceof ValueInstantiationException instantiation) {
            Throwable rule = instantiation.getCause();
            if (rule instanceof NullPointerException) {
                return "is required";
            }
            if (rule instanceof IllegalArgumentException) {
                return rule.getMessage();
            }
        }
        if (databind instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "is not a valid " + mismatch.getTargetType().getSimpleName();
        }
        return "cannot be read";
    }

    /** Names the field and what it should be, never the value sent: it may be a resident's ID number. */
    private static InputError describe(Throwable cause) {
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPathReference().replaceAll("^[^\\[]*\\[\"?", "").replace("\"]", "").replace("[\"", ".");
            return InputError.field(field, expectation(databind));
        }
        if (cause instanceof JacksonException) {
            return InputError.field("body", "is not valid JSON");
        }
        return InputError.field("body", "is missing or unreadable");
    }

}
