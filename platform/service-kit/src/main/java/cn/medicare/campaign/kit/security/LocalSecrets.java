package cn.medicare.campaign.kit.security;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.env.Environment;

/**
 * The keys and secrets the local stack runs with. They are published (in this repository and in
 * API.md), so production must never run with them: the kit offers them as defaults only outside
 * production mode, and production mode refuses to start while any of them is in effect. Where a
 * key moves or is renamed, this list is the one place to change.
 */
public final class LocalSecrets {

    /** Property name to the value shipped for the local stack. */
    public static final Map<String, String> BY_PROPERTY = Map.of(
            "insurance.identity.person-key", "bGlhbmNoZW5nLWxvY2FsLXBlcnNvbi1rZXktMjAxOA==",
            "insurance.identity.sealing-public-key", "MCowBQYDK2VuAyEAvrkDJ/GKAjkpF/As4iXnOAkormMdNqwR4V8tqiDt+nQ=",
            "insurance.identity.opening-keys.local-2018", "MC4CAQAwBQYDK2VuBCIEIJf0DpSW+xCJCd8lnv1nVSW/K3WvqCJsxB28RgcdYWl+",
            "insurance.identity.contact-sealing-public-key", "MCowBQYDK2VuAyEA7PKC3VCSRyINscpE+4ePKFGnjEA5je+Sono1R1DWlhY=",
            "insurance.identity.contact-opening-keys.local-contacts-2018",
            "MC4CAQAwBQYDK2VuBCIEIDhuCEHYK+qIPE2KUDoekDnajBRdV4gHBIaXdlw2HGdG",
            "insurance.tax.webhook-secret", "local-tax-webhook-secret");

    private LocalSecrets() {
    }

    /** @return whether {@code value} is the local value of {@code property} */
    public static boolean isLocal(String property, Object value) {
        return value != null && Objects.equals(BY_PROPERTY.get(property), value.toString().strip());
    }

    /** @return the properties that hold their local value in {@code environment}, sorted */
    static List<String> inEffect(Environment environment) {
        return BY_PROPERTY.keySet().stream()
                .filter(property -> isLocal(property, environment.getProperty(property)))
                .sorted()
                .toList();
    }
}
