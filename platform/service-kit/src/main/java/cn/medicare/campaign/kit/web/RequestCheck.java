package cn.medicare.campaign.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What a request must be before any controller reads it: query parameters and path variables
 * without control characters (a NUL reaches PostgreSQL as an encoding error otherwise), and a
 * Content-Type, when there is one, that names a concrete type (Spring refuses {@code *}/{@code *}
 * with an exception of its own while reading the body). Refused naming the parameter or header.
 */
class RequestCheck implements HandlerInterceptor {

    private static final String CONCRETE_TYPE = "须为具体的内容类型，如 application/json / is a concrete media type such as application/json";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            refuseControlCharacters(parameter.getKey(), parameter.getKey());
            for (String value : parameter.getValue()) {
                refuseControlCharacters(parameter.getKey(), value);
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> refuseControlCharacters(String.valueOf(name), String.valueOf(value)));
        }
        refuseVagueContentType(request.getContentType());
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
        boolean concrete;
        try {
            concrete = MediaType.parseMediaType(contentType).isConcrete();
        } catch (InvalidMediaTypeException unreadable) {
            concrete = false;
        }
        if (!concrete) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", CONCRETE_TYPE,
                    List.of(InputError.field("Content-Type", CONCRETE_TYPE)));
        }
    }
}
