package cn.medicare.campaign.contracts.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sealed form of an ID number, shared by {@link IdNumberSealer} and {@link IdNumberOpener}:
 * base64 of [key id length][key id, UTF-8][ephemeral X25519 public key, X.509, 44 bytes]
 * [12-byte nonce][AES-256-GCM ciphertext and tag]. The AES key is HKDF-SHA256 of the X25519
 * agreement between the ephemeral key and the tax adapter's key; key id and ephemeral key are the
 * associated data, so neither can be swapped unnoticed.
 */
record SealedIdNumber(String keyId, byte[] ephemeralPublicKey, byte[] nonce, byte[] ciphertext) {

    static final int EPHEMERAL_KEY_BYTES = 44;
    static final int NONCE_BYTES = 12;
    static final int MAX_KEY_ID_BYTES = 255;
    private static final int TAG_BITS = 128;
    private static final byte[] INFO = "insurance id-number seal v1".getBytes(StandardCharsets.US_ASCII);

    String encode() {
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer sealed = ByteBuffer.allocate(1 + id.length + EPHEMERAL_KEY_BYTES + NONCE_BYTES + ciphertext.length);
        sealed.put((byte) id.length).put(id).put(ephemeralPublicKey).put(nonce).put(ciphertext);
        return Base64.getEncoder().encodeToString(sealed.array());
    }

    static SealedIdNumber decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(Objects.requireNonNull(text, "sealed"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the sealed ID number is not valid base64");
        }
        int keyIdLength = bytes.length == 0 ? 0 : Byte.toUnsignedInt(bytes[0]);
        int ciphertextStart = 1 + keyIdLength + EPHEMERAL_KEY_BYTES + NONCE_BYTES;
        if (keyIdLength == 0 || bytes.length < ciphertextStart + TAG_BITS / 8) {
            throw new IllegalArgumentException("the sealed ID number is truncated or not sealed by us");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        byte[] id = new byte[keyIdLength];
        byte[] ephemeral = new byte[EPHEMERAL_KEY_BYTES];
        byte[] nonce = new byte[NONCE_BYTES];
        byte[] ciphertext = new byte[bytes.length - ciphertextStart];
        buffer.get(id).get(ephemeral).get(nonce).get(ciphertext);
        return new SealedIdNumber(new String(id, StandardCharsets.UTF_8), ephemeral, nonce, ciphertext);
    }

    byte[] associatedData() {
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(id.length + ephemeralPublicKey.length).put(id).put(ephemeralPublicKey).array();
    }

    /** HKDF-SHA256 (RFC 5869) of the X25519 agreement, salted with the ephemeral public key. */
    static SecretKey contentKey(Key ownPrivateKey, Key otherPublicKey, byte[] ephemeralPublicKey) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("XDH");
            agreement.init(ownPrivateKey);
            agreement.doPhase(otherPublicKey, true);
            Mac extract = Mac.getInstance("HmacSHA256");
            extract.init(new SecretKeySpec(ephemeralPublicKey, "HmacSHA256"));
            byte[] pseudoRandomKey = extract.doFinal(agreement.generateSecret());
            Mac expand = Mac.getInstance("HmacSHA256");
            expand.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            expand.update(INFO);
            return new SecretKeySpec(expand.doFinal(new byte[] {1}), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the sealing keys do not agree (not X25519 keys)", e);
        }
    }

    /**
     * One cipher per thread, initialised anew for each number: looking a cipher up walks the
     * security providers (a profile of the county had as many samples there as in AES itself), and
     * one kept for a key expands that key once for all the numbers it seals or opens. Each seal
     * brings its own random 96-bit nonce, so a key and nonce meet twice only with negligible
     * probability (the JDK refuses the one case it could see, this thread's last seal). A pool thread's
     * cipher keeps the last content key it used until its next number: the sealer and the opener
     * hold those keys in memory anyway, for as long as their ephemeral keys serve.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    static byte[] crypt(int mode, SecretKey key, byte[] associatedData, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the sealed ID number was altered or sealed under another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available or misconfigured", e);
        }
    }

    static String checkedKeyId(String keyId) {
        if (keyId == null || keyId.isEmpty() || keyId.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_ID_BYTES) {
            throw new IllegalArgumentException("a key id has 1 to " + MAX_KEY_ID_BYTES + " bytes");
        }
        return keyId;
    }
}
