package cn.medicare.campaign.infra.kafka;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;

/**
 * The users of a broker that asks logins ({@link LocalKafkaBroker#startWithLogins}): a SCRAM-SHA-512 login each, whose
 * password here is {@code local-<user>}, and their ACLs, as Strimzi's User Operator makes them from KafkaUser resources.
 */
public final class KafkaLogins {

    public static final String MECHANISM = "SCRAM-SHA-512";

    private KafkaLogins() {
    }

    /** Creates the users' logins and ACLs through {@code setUpServers}, which asks none. */
    public static void create(String setUpServers, Collection<String> users, List<AclBinding> acls) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, setUpServers))) {
            admin.alterUserScramCredentials(users.stream().<UserScramCredentialAlteration>map(user ->
                    new UserScramCredentialUpsertion(user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password(user)))
                    .toList()).all().get();
            admin.createAcls(acls).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create the Kafka logins and ACLs on " + setUpServers, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the Kafka logins", e);
        }
    }

    /**
     * What a client adds to log in as {@code user} over TLS, trusting {@code certificate} (PEM): the properties a service's
     * environment gives in production (deploy/k8s/services.yaml), the JAAS line as Strimzi's Secret of that user has it.
     */
    public static Map<String, String> clientProperties(String user, Path certificate) {
        return Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", MECHANISM, "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\"" + password(user) + "\";",
                "ssl.truststore.type", "PEM", "ssl.truststore.location", certificate.toString());
    }

    private static String password(String user) {
        return "local-" + user;
    }
}
