package cn.medicare.campaign.kit.security;

import cn.medicare.campaign.contracts.codes.Agency;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who a bearer token (OAuth2 client credentials, API.md) stands for: claim {@code role} (BUREAU,
 * TOWNSHIP, AGENCY, TAX_BUREAU or VIEWER), {@code township} for a township, {@code agency} for an
 * agency (its code or its client id), and the client in {@code client_id} or else {@code sub}. A
 * token must have a subject and be meant for this suite ({@code aud}).
 */
final class TokenClaims {

    /**
     * The records name the client who acted in 64 characters (enrolled_by, actor, applied_by, closed_by), a feed's name
     * before it ("EMPLOYEE_INSURANCE by …"): a longer client id failed its first write as a server error.
     */
    static final int MAX_CLIENT_ID = 40;

    private TokenClaims() {
    }

    /** @param audiences the configured audiences, one of which the token must name */
    static JwtAuthenticationToken authentication(Jwt jwt, List<String> audiences) {
        List<String> named = jwt.getAudience() == null ? List.of() : jwt.getAudience();
        if (named.stream().noneMatch(audiences::contains)) {
            throw new InvalidBearerTokenException("the token is not meant for this service (aud)");
        }
        Caller caller = caller(jwt);
        return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority(caller.role().authority())), caller.clientId());
    }

    static Caller caller(Jwt jwt) {
        String subject = required(jwt, "sub");
        String clientId = jwt.hasClaim("client_id") ? required(jwt, "client_id") : subject;
        if (clientId.length() > MAX_CLIENT_ID) {
            throw new InvalidBearerTokenException("the token's client (client_id, else sub) is longer than " + MAX_CLIENT_ID + " characters");
        }
        Role role = role(required(jwt, "role"));
        String township = role == Role.TOWNSHIP ? required(jwt, "township") : null;
        Agency agency = role == Role.AGENCY ? agency(required(jwt, "agency")) : null;
        return new Caller(clientId, role, township, agency);
    }

    private static Role role(String claim) {
        try {
            return Role.valueOf(claim.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidBearerTokenException("the token's role is not one of " + Arrays.toString(Role.values()));
        }
    }

    private static Agency agency(String claim) {
        try {
            return Agency.valueOf(claim.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notACode) {
            try {
                return Agency.ofClientId(claim);
            } catch (IllegalArgumentException unknown) {
                throw new InvalidBearerTokenException("the token's agency is not a certifying agency");
            }
        }
    }

    /** A token without what the suite needs is not a valid token here: 401, not a server error. */
    private static String required(Jwt jwt, String claim) {
        String value = jwt.getClaimAsString(claim);
        if (value == null || value.isBlank()) {
            throw new InvalidBearerTokenException("the token has no " + claim + " claim");
        }
        return value;
    }
}
