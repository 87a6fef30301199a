package cn.medicare.campaign.tax.payment;

import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tax bureau posts the payments it collected. The body is taken as raw bytes because the
 * signature covers exactly those bytes; it is parsed only once the signature holds.
 */
@RestController
class PaymentConfirmationsController {

    private final SignedRequests signedRequests;
    private final PaymentConfirmationService confirmations;
    private final Clock clock;

    PaymentConfirmationsController(SignedRequests signedRequests, PaymentConfirmationService confirmations, Clock clock) {
        this.signedRequests = signedRequests;
        this.confirmations = confirmations;
        this.clock = clock;
    }

    @PostMapping("/api/v1/payment-confirmations")
    @PreAuthorize("hasRole('TAX_BUREAU')")
    ConfirmationOutcome confirm(@RequestHeader(name = "X-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Signature", required = false) String signed,
            @RequestBody(required = false) byte[] body) {
        return confirmations.confirm(ConfirmationReader.read(signedRequests.verifiedJson(timestamp, signed, body), clock));
    }
}
