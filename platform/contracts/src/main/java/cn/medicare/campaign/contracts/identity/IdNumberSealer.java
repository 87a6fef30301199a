package cn.medicare.campaign.contracts.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals ID numbers (AES-256-GCM) for the one service that must hand them to another agency.
 * Sealed text: base64 of [key id length][key id, UTF-8][12-byte nonce][ciphertext + tag], with the
 * key id as associated data; the ring keeps old keys so that numbers sealed before a rotation
 * can still be opened.
 */
public final class IdNumberSealer {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_KEY_ID_BYTES = 255;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKeyId;
    private final Map<String, SecretKey> keyRing;

    /** @param keyRing key id to 32-byte key; must hold {@code currentKeyId}, which seals. */
    public IdNumberSealer(String currentKeyId, Map<String, byte[]> keyRing) {
        Objects.requireNonNull(currentKeyId, "currentKeyId");
        Objects.requireNonNull(keyRing, "keyRing");
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keyRing.forEach((keyId, key) -> keys.put(checkedKeyId(keyId), checkedKey(keyId, key)));
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the key ring has no key with the current key id " + currentKeyId);
        }
        this.currentKeyId = currentKeyId;
        this.keyRing = Map.copyOf(keys);
    }

    /** @param base64KeyRing key id to base64 (standard alphabet) 32-byte key. */
    public static IdNumberSealer fromBase64(String currentKeyId, Map<String, String> base64KeyRing) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        Objects.requireNonNull(base64KeyRing, "base64KeyRing").forEach((keyId, key) -> {
            try {
                keys.put(keyId, Base64.getDecoder().decode(Objects.requireNonNull(key, "key")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the key with id " + keyId + " is not valid base64");
            }
        });
        return new IdNumberSealer(currentKeyId, keys);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public String seal(String idNumber) {
        Objects.requireNonNull(idNumber, "idNumber");
        byte[] keyId = currentKeyId.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] plain = idNumber.getBytes(StandardCharsets.UTF_8);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, keyRing.get(currentKeyId), keyId, nonce, plain, 0, plain.length);
        ByteBuffer sealed = ByteBuffer.allocate(1 + keyId.length + NONCE_BYTES + ciphertext.length);
        sealed.put((byte) keyId.length).put(keyId).put(nonce).put(ciphertext);
        return Base64.getEncoder().encodeToString(sealed.array());
    }

    public String unseal(String sealed) {
        byte[] bytes = decode(sealed);
        int keyIdLength = bytes.length == 0 ? 0 : Byte.toUnsignedInt(bytes[0]);
        int ciphertextStart = 1 + keyIdLength + NONCE_BYTES;
        if (keyIdLength == 0 || bytes.length < ciphertextStart + TAG_BITS / 8) {
            throw new IllegalArgumentException("the sealed ID number is truncated or not sealed by us");
        }
        byte[] keyId = new byte[keyIdLength];
        System.arraycopy(bytes, 1, keyId, 0, keyIdLength);
        String keyIdText = new String(keyId, StandardCharsets.UTF_8);
        SecretKey key = keyRing.get(keyIdText);
        if (key == null) {
            throw new IllegalArgumentException("the ID number was sealed with key id " + keyIdText
                    + ", which is not in the key ring " + new TreeSet<>(keyRing.keySet()));
        }
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(bytes, 1 + keyIdLength, nonce, 0, NONCE_BYTES);
        byte[] plain = crypt(Cipher.DECRYPT_MODE, key, keyId, nonce, bytes, ciphertextStart, bytes.length - ciphertextStart);
        return new String(plain, StandardCharsets.UTF_8);
    }

    private static byte[] decode(String sealed) {
        try {
            return Base64.getDecoder().decode(Objects.requireNonNull(sealed, "sealed"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the sealed ID number is not valid base64");
        }
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] keyId, byte[] nonce, byte[] input, int offset, int length) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId);
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the sealed ID number was altered or sealed under another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available or misconfigured", e);
        }
    }

    private static String checkedKeyId(String keyId) {
        if (keyId == null || keyId.isEmpty() || keyId.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_ID_BYTES) {
            throw new IllegalArgumentException("a key id has 1 to " + MAX_KEY_ID_BYTES + " bytes");
        }
        return keyId;
    }

    private static SecretKey checkedKey(String keyId, byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the key with id " + keyId + " is not " + KEY_BYTES + " bytes (AES-256)");
        }
        return new SecretKeySpec(key, "AES");
    }

    @Override
    public String toString() {
        return "IdNumberSealer[currentKeyId=" + currentKeyId + ", keyIds=" + new TreeSet<>(keyRing.keySet()) + ", keys hidden]";
    }
}
