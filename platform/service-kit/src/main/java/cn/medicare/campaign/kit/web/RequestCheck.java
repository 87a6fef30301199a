package cn.medicare.campaign.kit.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What a request must be before any controller reads it: query parameters and path variables
 * without control characters (a NUL reaches PostgreSQL as an encoding error otherwise), and a
 * Content-Type, when there is one, that names a concrete type (Spring refuses {@code *}/{@code *}
 * with an exception of its own while reading the body) and no form, which no endpoint reads; a change accepts the JSON it
 * is answered in. Refused naming the parameter or header.
 */
class RequestCheck implements HandlerInterceptor {

    private static final String CONCRETE_TYPE = "须为具体的内容类型，如 application/json / is a concrete media type such as application/json";
    /** application/vnd.…+json, which Jackson writes as it writes JSON; text/…+json it does not. */
    private static final MediaType JSON_OF_ANY_VENDOR = new MediaType("application", "*+json");
    private static final String JSON_ANSWERS = "须接受 application/json，本接口以 JSON 答复，请求未处理 / accepts application/json: the "
            + "endpoint answers in JSON, and nothing was done";
    private static final String NO_FORMS = "不接受表单提交，请按接口发送 JSON、CSV 或以 multipart 上传文件 / is no form: the endpoints read JSON, "
            + "CSV or a multipart upload";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // the error page answers a refusal or a failure already made: checking its request again would hide that status
            return true;
        }
        // before the parameters: reading them reads a form's body, which a signed endpoint would then verify as rebuilt
        refuseVagueContentType(request.getContentType());
        refuseAnswersNoneAccepted(request);
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            refuseControlCharacters(parameter.getKey(), parameter.getKey());
            for (String value : parameter.getValue()) {
                refuseControlCharacters(parameter.getKey(), value);
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> refuseControlCharacters(String.valueOf(name), String.valueOf(value)));
        }
        return true;
    }

    private static void refuseControlCharacters(String name, String value) {
        String problem = RequestValues.problemWithText(value);
        if (problem != null) {
            throw ApiException.invalid(RequestValues.problemWithText(name) == null ? name : "query", problem);
        }
    }

    private static void refuseVagueContentType(String contentType) {
        if (contentType == null) {
            return;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException unreadable) {
            type = null;
        }
        if (type == null || !type.isConcrete()) {
            throw unsupported(CONCRETE_TYPE);
        }
        if (MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type)) {
            throw unsupported(NO_FORMS);
        }
    }

    /**
     * A change (every method but GET and HEAD) answers JSON: asked with an Accept that takes none, Spring would refuse the
     * answer only once it is written, the change made and its answer lost (an enrolment sent again would be a 409). A read
     * (GET, HEAD) changes nothing and is negotiated by Spring as before.
     */
    private static void refuseAnswersNoneAccepted(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        boolean read = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        if (read || accept == null || accept.isBlank()) {
            return;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException unreadable) {
            accepted = List.of();
        }
        if (accepted.stream().noneMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON) || type.isCompatibleWith(JSON_OF_ANY_VENDOR))) {
            throw new ApiException(HttpStatus.NOT_ACCEPTABLE, "Not Acceptable", JSON_ANSWERS, List.of(InputError.field("Accept", JSON_ANSWERS)));
        }
    }

    private static ApiException unsupported(String why) {
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", why, List.of(InputError.field("Content-Type", why)));
    }
}
