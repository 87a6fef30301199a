package cn.medicare.campaign.kit.security;

import cn.medicare.campaign.contracts.codes.Agency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The documented demo clients of the local stack (API.md): {@code bureau}, {@code township-<code>},
 * the five agencies, {@code tax-bureau} and {@code viewer}, each with password
 * {@code local-<client id>}. Production replaces them with OAuth2 client credentials.
 */
public class DemoClients implements UserDetailsService {

    private static final Pattern TOWNSHIP = Pattern.compile("township-([0-9]{9})");

    @Override
    public UserDetails loadUserByUsername(String clientId) {
        Caller caller = callerFor(clientId).orElseThrow(() -> new UsernameNotFoundException("unknown client"));
        return User.withUsername(clientId)
                .password("{noop}local-" + clientId)
                .authorities(List.of(new SimpleGrantedAuthority(caller.role().authority())))
                .build();
    }

    /** What a client id stands for, if it is one of the demo clients. */
    static Optional<Caller> callerFor(String clientId) {
        var township = TOWNSHIP.matcher(clientId);
        if (township.matches()) {
            return Optional.of(new Caller(clientId, Role.TOWNSHIP, township.group(1), null));
        }
        return switch (clientId) {
            case "bureau" -> Optional.of(new Caller(clientId, Role.BUREAU, null, null));
            case "tax-bureau" -> Optional.of(new Caller(clientId, Role.TAX_BUREAU, null, null));
            case "viewer" -> Optional.of(new Caller(clientId, Role.VIEWER, null, null));
            default -> agency(clientId).map(agency -> new Caller(clientId, Role.AGENCY, null, agency));
        };
    }

    private static Optional<Agency> agency(String clientId) {
        try {
            return Optional.of(Agency.ofClientId(clientId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
