package cn.medicare.campaign.tax.payment;

import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
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
        ConfirmationReader.Rows rows = ConfirmationReader.read(signedRequests.verifiedJson(timestamp, signed, body), clock);
        try {
            return confirmations.confirm(rows);
        } catch (DuplicateKeyException sameVoucherForAnotherPayer) {
            // the locks are per payer: two posts of one voucher naming two payers meet only at its primary key, and the
            // loser, its transaction rolled back, is decided again, when the voucher is one received (API.md: a duplicate)
            return confirmations.confirm(rows);
        }
    }

    record AwaitingRegistration(List<PaymentStore.AwaitingRegistration> payments) {
    }

    /**
     * The payments kept until a county registers their payer (several counties running that year, none knowing the payer
     * yet), the ID number masked: for a township to register the person, or the bureau to have the money refunded.
     */
    @GetMapping("/api/v1/payment-confirmations/awaiting-registration")
    @PreAuthorize("hasAnyRole('TAX_BUREAU','BUREAU')")
    AwaitingRegistration awaitingRegistration() {
        return new AwaitingRegistration(confirmations.awaitingRegistration());
    }
}
