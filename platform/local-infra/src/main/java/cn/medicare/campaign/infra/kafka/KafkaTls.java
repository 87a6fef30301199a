package cn.medicare.campaign.infra.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

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

    public static KafkaTls create(Path directory) {
        KafkaTls tls = new KafkaTls(directory.resolve("broker.p12"), UUID.randomUUID().toString(), directory.resolve("ca.crt"));
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", tls.keystore().toString(),
                "-storepass", tls.password(), "-keypass", tls.password());
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", tls.keystore().toString(), "-storepass", tls.password(),
                "-file", tls.certificate().toString());
        return tls;
    }

    private static void keytool(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("keytool could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while keytool ran", e);
        }
    }
}
