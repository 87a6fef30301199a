package cn.medicare.campaign.kit.security;

import cn.medicare.campaign.contracts.codes.Agency;
import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;

/**
 * The authenticated client behind a request, with what scopes it: a township's code or an
 * agency. Controllers take it as a parameter.
 *
 * @param township set for {@link Role#TOWNSHIP} only
 * @param agency set for {@link Role#AGENCY} only
 */
public record Caller(String clientId, Role role, String township, Agency agency) {

    public Caller {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(role, "role");
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    /** A township acts only in its own township; the bureau acts everywhere. */
    public void requireMayActIn(String requestedTownship) {
        if (role == Role.BUREAU) {
            return;
        }
        if (role != Role.TOWNSHIP || !Objects.equals(township, requestedTownship)) {
            throw new AccessDeniedException(clientId + " may not act in township " + requestedTownship);
        }
    }
}
