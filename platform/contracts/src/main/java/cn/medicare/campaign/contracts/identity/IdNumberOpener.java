package cn.medicare.campaign.contracts.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * Opens ID numbers sealed by {@link IdNumberSealer}: only the tax adapter is configured with one.
 * The ring keeps retired private keys so that numbers sealed before a rotation still open; content
 * keys are remembered per ephemeral key, since thousands of numbers share one.
 */
public final class IdNumberOpener {

    private static final int REMEMBERED_CONTENT_KEYS = 1_000;

    private final Map<String, PrivateKey> keyRing;
    private final Map<String, SecretKey> contentKeys = new ConcurrentHashMap<>();

    public IdNumberOpener(Map<String, PrivateKey> keyRing) {
        Objects.requireNonNull(keyRing, "keyRing");
        if (keyRing.isEmpty()) {
            throw new IllegalArgumentException("the opening key ring is empty");
        }
        keyRing.keySet().forEach(SealedIdNumber::checkedKeyId);
        this.keyRing = Map.copyOf(keyRing);
    }

    /** @param base64KeyRing key id to the X25519 private key, PKCS#8, base64 */
    public static IdNumberOpener fromBase64(Map<String, String> base64KeyRing) {
        Map<String, PrivateKey> keys = new LinkedHashMap<>();
        Objects.requireNonNull(base64KeyRing, "base64KeyRing").forEach((keyId, key) -> {
            try {
                byte[] encoded = Base64.getDecoder().decode(Objects.requireNonNull(key, "key"));
                keys.put(keyId, KeyFactory.getInstance("XDH").generatePrivate(new PKCS8EncodedKeySpec(encoded)));
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                throw new IllegalArgumentException("the opening key " + keyId + " is not a base64 X25519 private key");
            }
        });
        return new IdNumberOpener(keys);
    }

    public String open(String sealedText) {
        SealedIdNumber sealed = SealedIdNumber.decode(sealedText);
        PrivateKey key = keyRing.get(sealed.keyId());
        if (key == null) {
            throw new IllegalArgumentException("the ID number was sealed with key id " + sealed.keyId()
                    + ", which is not in the key ring " + new TreeSet<>(keyRing.keySet()));
        }
        SecretKey contentKey = contentKey(sealed, key);
        byte[] plain = SealedIdNumber.crypt(Cipher.DECRYPT_MODE, contentKey, sealed.associatedData(), sealed.nonce(),
                sealed.ciphertext());
        return new String(plain, StandardCharsets.UTF_8);
    }

    public List<String> keyIds() {
        return List.copyOf(new TreeSet<>(keyRing.keySet()));
    }

    private SecretKey contentKey(SealedIdNumber sealed, PrivateKey key) {
        String cacheKey = sealed.keyId() + ":" + Base64.getEncoder().encodeToString(sealed.ephemeralPublicKey());
        SecretKey known = contentKeys.get(cacheKey);
        if (known != null) {
            return known;
        }
        SecretKey derived = SealedIdNumber.contentKey(key, ephemeralKey(sealed.ephemeralPublicKey()), sealed.ephemeralPublicKey());
        if (contentKeys.size() >= REMEMBERED_CONTENT_KEYS) {
            contentKeys.clear();
        }
        contentKeys.put(cacheKey, derived);
        return derived;
    }

    private static PublicKey ephemeralKey(byte[] encoded) {
        try {
            return KeyFactory.getInstance("XDH").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the sealed ID number is truncated or not sealed by us");
        }
    }

    @Override
    public String toString() {
        return "IdNumberOpener[keyIds=" + new TreeSet<>(keyRing.keySet()) + ", keys hidden]";
    }
}
