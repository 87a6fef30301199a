package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tax bureau posts the payments it collected. The body is taken as raw bytes because the
 * signature covers exactly those bytes; it is parsed only once the signature holds.
 */
@RestController
class PaymentConfirmationsController {

    /** API.md: a signature more than 300 s away from now is refused. */
    private static final Duration SIGNATURE_TOLERANCE = Duration.ofSeconds(300);

    private final WebhookSignature signature;
    private final PaymentConfirmations confirmations;
    private final Clock clock;
    private final ObjectReader json;

    PaymentConfirmationsController(@Value("${insurance.tax.webhook-secret}") String secret,
            PaymentConfirmations confirmations, Clock clock, JsonMapper jsonMapper) {
        this.signature = new WebhookSignature(secret, SIGNATURE_TOLERANCE);
        this.confirmations = confirmations;
        this.clock = clock;
        // amounts sent as JSON numbers are read exactly, never through a double
        this.json = jsonMapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @PostMapping("/api/v1/payment-confirmations")
    @PreAuthorize("hasRole('TAX_BUREAU')")
    ConfirmationOutcome confirm(@RequestHeader(name = "X-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Signature", required = false) String signed,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        signature.refusal(timestamp, signed, raw, clock.instant()).ifPresent(refusal -> {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Signature refused", refusal, List.of());
        });
        return confirmations.confirm(ConfirmationReader.read(parse(raw), BusinessTime.today(clock)));
    }

    private JsonNode parse(byte[] raw) {
        try {
            return json.readTree(raw);
        } catch (JacksonException e) {
            throw ApiException.invalid("body", "is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
