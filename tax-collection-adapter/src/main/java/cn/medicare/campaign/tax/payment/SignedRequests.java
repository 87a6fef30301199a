package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.kit.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tax bureau's calls that post money (confirmations, refunds, reconciliation files): the raw
 * body is checked against the signature before anything reads it.
 */
@Component
class SignedRequests {

    /**
     * How far the tax bureau's clock may run from ours. API.md: a signature more than 300 s away from now is refused;
     * a payment or refund dated further ahead than this is the row's mistake (ConfirmationReader).
     */
    static final Duration TAX_BUREAU_CLOCK = Duration.ofSeconds(300);

    private final WebhookSignature signature;
    private final Clock clock;
    private final ObjectReader json;

    SignedRequests(@Value("${insurance.tax.webhook-secret}") String secret, Clock clock, JsonMapper jsonMapper) {
        this.signature = new WebhookSignature(secret, TAX_BUREAU_CLOCK);
        this.clock = clock;
        // amounts sent as JSON numbers are read exactly, never through a double
        this.json = jsonMapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** @return the body, once the signature over timestamp and body holds; else 401 saying why */
    byte[] verified(String timestamp, String signed, byte[] body) {
        return verified(timestamp, signed, null, body);
    }

    /**
     * @param request method and path, e.g. {@code POST /api/v1/reconciliations/2017-10-09}, for a call
     *        whose path is part of what is signed
     * @return the body, once the signature over timestamp, request and body holds; else 401 saying why
     */
    byte[] verified(String timestamp, String signed, String request, byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        signature.refusal(timestamp, signed, request, raw, clock.instant()).ifPresent(refusal -> {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Signature refused", refusal, List.of());
        });
        return raw;
    }

    /** The signed body read as JSON; 400 when it is not. */
    JsonNode verifiedJson(String timestamp, String signed, byte[] body) {
        byte[] raw = verified(timestamp, signed, body);
        try {
            return json.readTree(raw);
        } catch (JacksonException e) {
            // the parser's words would quote the body back: a resident's number may be in it
            throw ApiException.invalid("body", "不是有效的 JSON / is not valid JSON");
        }
    }
}
