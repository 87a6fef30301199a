package cn.medicare.campaign.reporting.participation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the dashboard page signs in: with a user name and password where the service runs the demo clients (HTTP Basic),
 * with an access token from the province's identity provider in production ({@code insurance.security.mode=jwt}). Open
 * to all, as the page is: it names the scheme only. The page cannot learn it from a 401 without risking the browser's own
 * Basic prompt.
 */
@RestController
class DashboardSignInController {

    /** @param scheme {@code Basic} or {@code Bearer}, as the page's Authorization header starts */
    record SignIn(String scheme) {
    }

    private final SignIn signIn;

    DashboardSignInController(@Value("${insurance.security.mode:demo}") String mode) {
        // as the security configuration reads the mode (a property condition, case-insensitive)
        this.signIn = new SignIn("jwt".equalsIgnoreCase(mode) ? "Bearer" : "Basic");
    }

    @GetMapping("/dashboard/sign-in")
    SignIn signIn() {
        return signIn;
    }
}
