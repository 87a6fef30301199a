package cn.medicare.campaign.tax.payment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.tax.TaxBureauSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    private static final String SECRET = "local-tax-webhook-secret";
    private static final Instant NOW = Instant.parse("2017-10-09T02:15:00Z");
    private static final byte[] BODY = """
            {"confirmations":[{"voucherNo":"33508251700000001","idNumber":"350825198506124015","coverageYear":2018,\
            "amount":"180.00","channel":"WECHAT","paidAt":"2017-10-09T02:14:00Z"}]}""".getBytes(StandardCharsets.UTF_8);

    private final WebhookSignature verifier = new WebhookSignature(SECRET, Duration.ofSeconds(300));
    private final TaxBureauSigner signer = new TaxBureauSigner(SECRET);

    @Test
    void acceptsABodySignedWithTheSecretJustNow() {
        long timestamp = NOW.getEpochSecond() - 2;
        assertThat(verifier.refusal(Long.toString(timestamp), signer.signature(timestamp, BODY), BODY, NOW)).isEmpty();
    }

    @Test
    void acceptsTheEdgesOfTheTolerance() {
        long old = NOW.getEpochSecond() - 300;
        long ahead = NOW.getEpochSecond() + 300;
        assertThat(verifier.refusal(Long.toString(old), signer.signature(old, BODY), BODY, NOW)).isEmpty();
        assertThat(verifier.refusal(Long.toString(ahead), signer.signature(ahead, BODY), BODY, NOW)).isEmpty();
    }

    @Test
    void refusesAnotherSecretAnAlteredBodyAndAnotherTimestamp() {
        long timestamp = NOW.getEpochSecond();
        String foreign = new TaxBureauSigner("someone-else").signature(timestamp, BODY);
        byte[] altered = new String(BODY, StandardCharsets.UTF_8).replace("180.00", "18.00").getBytes(StandardCharsets.UTF_8);

        assertThat(verifier.refusal(Long.toString(timestamp), foreign, BODY, NOW)).hasValueSatisfying(
                refusal -> assertThat(refusal).contains("does not match"));
        assertThat(verifier.refusal(Long.toString(timestamp), signer.signature(timestamp, BODY), altered, NOW))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("does not match"));
        assertThat(verifier.refusal(Long.toString(timestamp + 1), signer.signature(timestamp, BODY), BODY, NOW))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("does not match"));
    }

    /** API.md signs the body alone; the path-signed form, which a replay to another date cannot reuse, is accepted too. */
    @Test
    void aSignatureOverThePathHoldsOnlyForThatPathAndOneOverTheBodyAsTheContractSaysHoldsAsWell() {
        long timestamp = NOW.getEpochSecond();
        String request = "POST /api/v1/reconciliations/2017-10-09";
        String signed = signer.signature(timestamp, "POST", "/api/v1/reconciliations/2017-10-09", BODY);

        assertThat(verifier.refusal(Long.toString(timestamp), signed, request, BODY, NOW)).isEmpty();
        assertThat(verifier.refusal(Long.toString(timestamp), signed, "POST /api/v1/reconciliations/2017-10-10", BODY, NOW))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("matches neither").doesNotContain("2017"));
        assertThat(verifier.refusal(Long.toString(timestamp), signer.signature(timestamp, BODY), request, BODY, NOW)).isEmpty();
        assertThat(verifier.refusal(Long.toString(timestamp), signer.signature(timestamp, BODY), request,
                new String(BODY, StandardCharsets.UTF_8).replace("180.00", "18.00").getBytes(StandardCharsets.UTF_8), NOW))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("matches neither"));
        assertThat(verifier.refusal(Long.toString(timestamp), signed, BODY, NOW))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("does not match"));
    }

    @Test
    void refusesAStaleSignatureEvenWhenItIsRight() {
        long stale = NOW.getEpochSecond() - 301;
        assertThat(verifier.refusal(Long.toString(stale), signer.signature(stale, BODY), BODY, NOW))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("301 s old"));
    }

    @Test
    void refusesATimestampFromTheFuture() {
        long future = NOW.getEpochSecond() + 301;
        assertThat(verifier.refusal(Long.toString(future), signer.signature(future, BODY), BODY, NOW))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("301 s in the future"));
    }

    @Test
    void saysWhichHeaderIsMissingOrMalformed() {
        long timestamp = NOW.getEpochSecond();
        String signature = signer.signature(timestamp, BODY);
        assertThat(verifier.refusal(null, signature, BODY, NOW)).hasValue("缺少 X-Timestamp 请求头 / The X-Timestamp header is missing.");
        assertThat(verifier.refusal(Long.toString(timestamp), " ", BODY, NOW)).hasValue("缺少 X-Signature 请求头 / The X-Signature header is missing.");
        assertThat(verifier.refusal("2017-10-09T02:15:00Z", signature, BODY, NOW))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("epoch seconds"));
        assertThat(verifier.refusal(Long.toString(timestamp), signature.substring("sha256=".length()), BODY, NOW))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("sha256=<hex>"));
        assertThat(verifier.refusal(Long.toString(timestamp), "sha256=not-hex", BODY, NOW))
                .hasValueSatisfying(refusal -> assertThat(refusal).contains("sha256=<hex>"));
    }
}
