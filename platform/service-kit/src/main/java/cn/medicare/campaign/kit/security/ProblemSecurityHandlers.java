package cn.medicare.campaign.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem+json, like every other refusal; a challenge of the mode's scheme so that clients know how to log in. */
public final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** The 401's detail, here and where a controller's own check finds no sign-in. */
    public static final String UNAUTHORIZED = "请用客户端 ID 和密钥登录 / Log in with your client id and secret.";
    /** The 403's detail, here and where method security denies inside a controller. */
    public static final String FORBIDDEN = "本客户端无权执行此操作 / Your client may not do this.";

    private final String challenge;

    private ProblemSecurityHandlers(String scheme) {
        this.challenge = scheme + " realm=\"insurance-campaign\"";
    }

    /** The demo clients' HTTP Basic. */
    static ProblemSecurityHandlers basic() {
        return new ProblemSecurityHandlers("Basic");
    }

    /** Production's bearer tokens (RFC 6750): a Basic challenge there asked a client for what the service refuses. */
    static ProblemSecurityHandlers bearer() {
        return new ProblemSecurityHandlers("Bearer");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", UNAUTHORIZED);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        write(response, HttpStatus.FORBIDDEN, "Forbidden", FORBIDDEN);
    }

    static void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\"}");
    }
}
