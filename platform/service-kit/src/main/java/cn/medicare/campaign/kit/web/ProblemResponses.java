package cn.medicare.campaign.kit.web;

import cn.medicare.campaign.contracts.events.InvalidValue;
import cn.medicare.campaign.kit.security.ProblemSecurityHandlers;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Every error as RFC 9457 {@code application/problem+json}, whatever the client accepts;
 * validation failures carry an {@code errors} array naming the field or row. Bad input is never a
 * server error, and no answer quotes it: not in the detail, not in {@code instance} (the route,
 * not the path as sent, which may hold an ID number).
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final Pattern PLAIN_SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final Pattern LONG_NUMBER = Pattern.compile(".*[0-9]{15}.*");

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> refused(ApiException refusal, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(refusal.status(), refusal.getMessage());
        problem.setTitle(refusal.title());
        if (!refusal.errors().isEmpty()) {
            problem.setProperty("errors", refusal.errors());
        }
        ResponseEntity<Object> answer = answer(problem, request);
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(answer.getHeaders());
        if (refusal.retryAfter() != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfter().toSeconds()));
        }
        if (refusal.status() == HttpStatus.CONTENT_TOO_LARGE) {
            // the rest of an oversized body is not wanted: the connection ends with this answer instead of reading it
            headers.set(HttpHeaders.CONNECTION, "close");
        }
        return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
    }

    /** Method security denies inside the controller, where this advice sees it before Spring Security does. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException denied, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ProblemSecurityHandlers.FORBIDDEN);
        problem.setTitle("Forbidden");
        return answer(problem, request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException unauthenticated, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, ProblemSecurityHandlers.UNAUTHORIZED);
        problem.setTitle("Unauthorized");
        return answer(problem, request);
    }

    /** A body sent as a multipart form that is none (no boundary, cut short). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableForm(MultipartException unreadable, HttpServletRequest request) {
        return invalid(InputError.field("body", "不是可读取的 multipart 表单 / is not a readable multipart form"), request);
    }

    /** Tomcat decodes the query lazily: a parameter that is not UTF-8 fails when the first one is read. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodableQuery(InvalidParameterException undecodable, HttpServletRequest request) {
        return invalid(InputError.field("query", "查询参数不是有效的 UTF-8 编码 / a query parameter is not valid UTF-8"), request);
    }

    /** A deadlock's victim (or a lock or serialisation failure): its transaction rolled back whole, so a resend is safe. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<Object> crossed(ConcurrencyFailureException crossed, HttpServletRequest request) {
        // the class alone: crossings are expected under load, and each one's stack and statement would fill the log
        log.warn("A request crossed another in the database and was rolled back: {}", crossed.getClass().getSimpleName());
        return refused(ApiException.crossedAnotherRequest(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception failure, HttpServletRequest request) {
        log.error("Unexpected failure", failure);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "请求未能完成，已记录日志 / The request could not be completed; it has been logged.");
        return answer(problem, request);
    }

    /** A multipart upload beyond the body limit: Tomcat stopped reading it. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException tooLarge,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String limit = tooLarge.getMaxUploadSize() > 0 ? tooLarge.getMaxUploadSize() / (1024 * 1024) + " MB" : "the limit";
        String message = "文件超过 " + limit + " 的上限 / the upload is larger than " + limit + ", the limit";
        return refused(new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Content too large", message,
                List.of(InputError.field("file", message))), servlet(request));
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
                return refused(refusal, servlet(request));
            }
        }
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                return invalid(describe(databind), servlet(request));
            }
        }
        return invalid(describe(unreadable.getMostSpecificCause()), servlet(request));
    }

    /**
     * A path variable or query parameter of the wrong type, named without repeating the value sent. An id in the path that
     * is not of an id's form names nothing there is: 404, as an unknown one of the right form answers.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (mismatch instanceof MethodArgumentTypeMismatchException argument && argument.getRequiredType() == UUID.class
                && argument.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return refused(ApiException.notFound("没有这一项 / no such " + argument.getName()), servlet(request));
        }
        String name = mismatch instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : mismatch.getPropertyName();
        return invalid(InputError.field(name, notA(mismatch.getRequiredType())), servlet(request));
    }

    /** What a value of the type looks like: for a code (an enum), the codes a clerk may send instead. */
    private static String notA(Class<?> type) {
        if (type != null && type.isEnum()) {
            String codes = Arrays.stream(type.getEnumConstants()).map(code -> ((Enum<?>) code).name()).collect(Collectors.joining(", "));
            return "应为以下代码之一：" + codes + " / is one of " + codes;
        }
        String expected = type == null ? "value" : type == int.class || type == Integer.class || type == long.class || type == Long.class
                ? "whole number" : type.getSimpleName();
        return "格式不正确 / is not a valid " + expected;
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException missing,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(InputError.field(missing.getParameterName(), "必须填写 / is required"), servlet(request));
    }

    /** Spring's own detail is English alone and quotes the header as sent; the answer's Accept header lists what is read. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException unsupported, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String read = MediaType.toString(unsupported.getSupportedMediaTypes());
        return refusal(status, "Unsupported Media Type", InputError.field("Content-Type", "不支持此内容类型，应为 " + read
                + " / is not a type this endpoint reads: " + read), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException unacceptable, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String made = MediaType.toString(unacceptable.getSupportedMediaTypes());
        return refusal(status, "Not Acceptable", InputError.field("Accept", "无法以所要求的格式答复，可用 " + made
                + " / asks for no type this endpoint answers in: " + made), headers, request);
    }

    /** The answer's Allow header lists the methods the path answers. */
    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException unsupported,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String allowed = unsupported.getSupportedMethods() == null ? "" : String.join(", ", unsupported.getSupportedMethods());
        return refusal(status, "Method Not Allowed", InputError.field("method", "此地址不支持该请求方法，可用 " + allowed
                + " / is not a method this path answers: " + allowed), headers, request);
    }

    /** An upload sent under another part's name, or as a plain form field. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException missing, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return refusal(status, "Invalid input", InputError.field(missing.getRequestPartName(), "必须以 multipart 文件部分 \""
                + missing.getRequestPartName() + "\" 上传 / is required: the file goes in the multipart part named \""
                + missing.getRequestPartName() + "\""), headers, request);
    }

    /** Spring's own detail quotes the path as sent. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException missing, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "没有这个资源 / there is no such resource");
        problem.setTitle("Not Found");
        return answer(problem, servlet(request));
    }

    /** Every answer of the base class passes here: problem+json even when the client accepts only something else. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setInstance(instance(servlet(request)));
            HttpHeaders problemHeaders = new HttpHeaders();
            problemHeaders.putAll(headers);
            problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(problem, problemHeaders, statusCode);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    /** A refusal of the request's form rather than its content: Spring's status and headers, our words and the field. */
    private static ResponseEntity<Object> refusal(HttpStatusCode status, String title, InputError error, HttpHeaders headers,
            WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, error.message());
        problem.setTitle(title);
        problem.setProperty("errors", List.of(error));
        problem.setInstance(instance(servlet(request)));
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, problemHeaders, status);
    }

    private static ResponseEntity<Object> invalid(InputError error, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, error.message());
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(error));
        return answer(problem, request);
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(instance(request));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The route that answered ({@code /api/v1/enrolments/{personId}}), else the path with every unusual segment starred. */
    private static URI instance(HttpServletRequest request) {
        if (request == null) {
            return null;
        }
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        // "/**" is the static resources' catch-all: no route of ours answered
        String path = route instanceof String pattern && !pattern.contains("**") ? pattern : starred(request.getRequestURI());
        try {
            return new URI(null, null, path, null);
        } catch (URISyntaxException unusable) {
            return null;
        }
    }

    private static String starred(String path) {
        StringBuilder starred = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (!starred.isEmpty() || !segment.isEmpty()) {
                starred.append('/');
            }
            starred.append(segment.isEmpty() || (PLAIN_SEGMENT.matcher(segment).matches() && !LONG_NUMBER.matcher(segment).matches())
                    ? segment : "*");
        }
        return starred.toString();
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest() : null;
    }

    /**
     * What the field should be. The contracts' own checks (a missing field, an amount with three
     * decimals) say it in their words, which never quote the value.
     */
    private static String expectation(DatabindException databind) {
        if (databind instanceof RequestValues.RefusedValue refused) {
            return refused.getOriginalMessage();
        }
        if (databind instanceof ValueInstantiationException instantiation) {
            Throwable rule = instantiation.getCause();
            if (rule instanceof NullPointerException) {
                return "必填 / is required";
            }
            if (rule instanceof IllegalArgumentException) {
                return rule.getMessage();
            }
        }
        if (databind instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return notA(mismatch.getTargetType());
        }
        return "无法读取 / cannot be read";
    }

    /**
     * The field inside the object a contract record refused: a missing one names itself in the
     * NullPointerException of {@code requireNonNull}, a refused one is an {@link InvalidValue}.
     */
    private static String innerField(DatabindException databind) {
        if (databind instanceof ValueInstantiationException instantiation) {
            Throwable rule = instantiation.getCause();
            if (rule instanceof InvalidValue invalid) {
                return "." + invalid.field();
            }
            if (rule instanceof NullPointerException missing && missing.getMessage() != null && missing.getMessage().matches("[A-Za-z]+")) {
                return "." + missing.getMessage();
            }
        }
        return "";
    }

    /** Names the field and what it should be, never the value sent: it may be a resident's ID number. */
    private static InputError describe(Throwable cause) {
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            // the JSON path as a clerk reads it: collectionPeriod.start, stages[1].deadline
            String field = databind.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null ? "." + reference.getPropertyName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining())
                    .replaceFirst("^\\.", "");
            return InputError.field(field + innerField(databind), expectation(databind));
        }
        if (cause instanceof JacksonException) {
            return InputError.field("body", "不是有效的 JSON / is not valid JSON");
        }
        return InputError.field("body", "请求体缺失或无法读取 / is missing or unreadable");
    }

}
