package cn.medicare.campaign.tax;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a tax bureau client signs a call that posts money (API.md): {@code X-Timestamp} in epoch
 * seconds and {@code X-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>};
 * a reconciliation file signs {@code timestamp + "." + "POST /api/v1/reconciliations/{date}" + "." + raw body}
 * (docs/security.md). Plain JDK on purpose, so that integrators can copy it as it is. Sign the very
 * bytes you send.
 */
public final class TaxBureauSigner {

    private final SecretKeySpec secret;

    public TaxBureauSigner(String secret) {
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The X-Signature value for a body sent with X-Timestamp {@code epochSeconds}. */
    public String signature(long epochSeconds, byte[] body) {
        return signature(epochSeconds, "", body);
    }

    /** The X-Signature value for {@code body} posted to {@code path} with X-Timestamp {@code epochSeconds}. */
    public String signature(long epochSeconds, String method, String path, byte[] body) {
        return signature(epochSeconds, method + " " + path + ".", body);
    }

    private String signature(long epochSeconds, String request, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            mac.update((epochSeconds + "." + request).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A POST of {@code body} as JSON, signed at {@code now}. */
    public HttpRequest.Builder post(HttpRequest.Builder request, byte[] body, Instant now) {
        long timestamp = now.getEpochSecond();
        return request.header("Content-Type", "application/json")
                .header("X-Timestamp", Long.toString(timestamp))
                .header("X-Signature", signature(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }
}
