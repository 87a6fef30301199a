package cn.medicare.campaign.infra.kafka;

import cn.medicare.campaign.infra.Programs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The TLS of a local broker that asks logins ({@link LocalKafkaBroker#startWithLogins}): a key and a self-signed certificate
 * for {@code localhost}, which clients trust as a PEM file, as the services trust Strimzi's cluster CA on Kubernetes
 * ({@code ssl.truststore.type=PEM}, deploy/k8s/services.yaml). Made by the JDK's {@code keytool}, valid for two days.
 *
 * @param keystore the broker's key and certificate (PKCS12)
 * @param password the keystore's and the key's
 * @param certificate the certificate alone, PEM: what a client trusts
 */
public record KafkaTls(Path keystore, String password, Path certificate) {

    /** The variable keytool reads the password from: not on its command line, which {@code ps} shows. */
    private static final String PASSWORD_VARIABLE = "KAFKA_TLS_PASSWORD";

    public static KafkaTls create(Path directory) {
        KafkaTls tls = new KafkaTls(directory.resolve("broker.p12"), UUID.randomUUID().toString(), directory.resolve("ca.crt"));
        keytool(tls, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", tls.keystore().toString(),
                "-storepass:env", PASSWORD_VARIABLE, "-keypass:env", PASSWORD_VARIABLE);
        keytool(tls, "-exportcert", "-rfc", "-alias", "broker", "-keystore", tls.keystore().toString(), "-storepass:env", PASSWORD_VARIABLE,
                "-file", tls.certificate().toString());
        return tls;
    }

    private static void keytool(KafkaTls tls, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Programs.run(command, Map.of(PASSWORD_VARIABLE, tls.password()));
    }

    @Override
    public String toString() {
        return "KafkaTls[keystore=" + keystore + ", certificate=" + certificate + "]";
    }
}
