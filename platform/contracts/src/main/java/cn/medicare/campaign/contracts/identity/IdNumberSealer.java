package cn.medicare.campaign.contracts.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * Seals ID numbers for the tax adapter, the one service that hands them to another agency
 * (EVENTS.md, "Personal data on the bus"). It holds only the tax adapter's public key: the service
 * that seals can never open what it sealed, so the key that opens lives in one configuration.
 *
 * <p>An X25519 agreement costs about half a millisecond on our machines, more than the rest of an
 * enrolment, so one ephemeral key pair seals a bounded number of ID numbers (each with its own
 * nonce) before it is replaced and forgotten.
 */
public final class IdNumberSealer {

    /** Seals per ephemeral key: the agreement is then a few microseconds per seal. */
    static final int SEALS_PER_EPHEMERAL_KEY = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String keyId;
    private final PublicKey openerKey;
    private Ephemeral ephemeral;

    public IdNumberSealer(String keyId, PublicKey openerKey) {
        this.keyId = SealedIdNumber.checkedKeyId(keyId);
        this.openerKey = Objects.requireNonNull(openerKey, "openerKey");
        this.ephemeral = newEphemeral();
    }

    /** @param base64PublicKey the opener's X25519 public key, X.509 encoded, base64 */
    public static IdNumberSealer fromBase64(String keyId, String base64PublicKey) {
        try {
            byte[] encoded = Base64.getDecoder().decode(Objects.requireNonNull(base64PublicKey, "base64PublicKey"));
            return new IdNumberSealer(keyId, KeyFactory.getInstance("XDH").generatePublic(new X509EncodedKeySpec(encoded)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the sealing public key of " + keyId + " is not a base64 X25519 public key");
        }
    }

    public String keyId() {
        return keyId;
    }

    public String seal(String idNumber) {
        Objects.requireNonNull(idNumber, "idNumber");
        Ephemeral current = current();
        byte[] nonce = new byte[SealedIdNumber.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        SealedIdNumber sealed = new SealedIdNumber(keyId, current.publicKey, nonce, null);
        byte[] ciphertext = SealedIdNumber.crypt(Cipher.ENCRYPT_MODE, current.contentKey, sealed.associatedData(), nonce,
                idNumber.getBytes(StandardCharsets.UTF_8));
        return new SealedIdNumber(keyId, current.publicKey, nonce, ciphertext).encode();
    }

    private synchronized Ephemeral current() {
        if (++ephemeral.uses > SEALS_PER_EPHEMERAL_KEY) {
            ephemeral = newEphemeral();
            ephemeral.uses = 1;
        }
        return ephemeral;
    }

    private Ephemeral newEphemeral() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            byte[] publicKey = pair.getPublic().getEncoded();
            return new Ephemeral(publicKey, SealedIdNumber.contentKey(pair.getPrivate(), openerKey, publicKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 is not available", e);
        }
    }

    /** The private half is dropped once the content key is derived. */
    private static final class Ephemeral {

        private final byte[] publicKey;
        private final SecretKey contentKey;
        private int uses;

        Ephemeral(byte[] publicKey, SecretKey contentKey) {
            this.publicKey = publicKey;
            this.contentKey = contentKey;
        }
    }

    @Override
    public String toString() {
        return "IdNumberSealer[keyId=" + keyId + "]";
    }
}
