package cn.medicare.campaign.tax.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tax bureau's signature on calls that post money (API.md): {@code X-Timestamp} in epoch
 * seconds and {@code X-Signature: sha256=<hex HMAC-SHA256(secret, signed text)>}. The signed text
 * is {@code timestamp + "." + raw body}, as API.md writes it. Where the path says what the body
 * means (a reconciliation file's date), {@code timestamp + "." + request + "." + raw body} is
 * accepted as well, and recommended: a body so signed cannot be posted to another path. The
 * timestamp is inside the signed text, so a captured call can be replayed only within the tolerance.
 */
final class WebhookSignature {

    private static final long SECONDS_PER_DAY = 86_400;

    static final String PREFIX = "sha256=";
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec secret;
    private final Duration tolerance;

    WebhookSignature(String secret, Duration tolerance) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the tax bureau's webhook secret is not set");
        }
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    }

    /** @return why the call is refused, or empty when it is signed by the holder of the secret within the tolerance */
    Optional<String> refusal(String timestamp, String signature, byte[] body, Instant now) {
        return refusal(timestamp, signature, null, body, now);
    }

    /**
     * @param request method and path as API.md writes them, e.g. {@code POST /api/v1/reconciliations/2017-10-09},
     *        when the signature may cover them; null when it covers the body only
     * @return why the call is refused, or empty when it is signed by the holder of the secret within the tolerance
     */
    Optional<String> refusal(String timestamp, String signature, String request, byte[] body, Instant now) {
        if (timestamp == null || timestamp.isBlank()) {
            return Optional.of("缺少 X-Timestamp 请求头 / The X-Timestamp header is missing.");
        }
        if (signature == null || signature.isBlank()) {
            return Optional.of("缺少 X-Signature 请求头 / The X-Signature header is missing.");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Optional.of("X-Timestamp 应为以秒计的 Unix 时间戳整数 / X-Timestamp is not a whole number of epoch seconds.");
        }
        long skew = now.getEpochSecond() - seconds;
        if (skew > tolerance.toSeconds()) {
            return Optional.of("X-Timestamp 早于当前" + distanceInChinese(skew) + "，最多接受 " + tolerance.toSeconds()
                    + " 秒 / X-Timestamp is " + distance(skew) + " old; at most " + tolerance.toSeconds() + " s are accepted.");
        }
        if (-skew > tolerance.toSeconds()) {
            return Optional.of("X-Timestamp 晚于当前" + distanceInChinese(-skew) + "，最多接受 " + tolerance.toSeconds()
                    + " 秒 / X-Timestamp is " + distance(-skew) + " in the future; at most " + tolerance.toSeconds() + " s are accepted.");
        }
        byte[] presented;
        try {
            String text = signature.strip();
            if (!text.startsWith(PREFIX)) {
                throw new IllegalArgumentException();
            }
            presented = HexFormat.of().parseHex(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.of("X-Signature 的格式应为 sha256=<hex> / X-Signature is not of the form sha256=<hex>.");
        }
        // constant time: a comparison that stops early tells an attacker how much was right. The contract's form signs the
        // body alone; a file so signed could be posted to another date within the tolerance, replacing that date's report
        // until its own file is sent again, but never counting money twice: vouchers are stored by their own numbers
        boolean bodySigned = MessageDigest.isEqual(expected(timestamp.strip(), null, body), presented);
        boolean requestSigned = request != null && MessageDigest.isEqual(expected(timestamp.strip(), request, body), presented);
        if (!bodySigned && !requestSigned) {
            return Optional.of(request == null ? "签名与时间戳和请求体不符 / X-Signature does not match the timestamp and body."
                    : "签名与时间戳和请求体（或时间戳、请求方法、路径和请求体）不符 / X-Signature matches neither the timestamp and "
                            + "body nor the timestamp, method, path and body.");
        }
        return Optional.empty();
    }

    private byte[] expected(String timestamp, String request, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(secret);
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            if (request != null) {
                mac.update((request + ".").getBytes(StandardCharsets.UTF_8));
            }
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " is not available", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[secret hidden, tolerance=" + tolerance + "]";
    }

    /** A clock skew helps the integrator; a number computed from an arbitrary header could read as anything. */
    private static String distance(long seconds) {
        return seconds <= SECONDS_PER_DAY ? seconds + " s" : "more than a day";
    }

    /** The same distance for the Chinese half of the message. */
    private static String distanceInChinese(long seconds) {
        return seconds <= SECONDS_PER_DAY ? " " + seconds + " 秒" : "一天以上";
    }
}
