package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.kit.security.Caller;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
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
     * yet), the ID number masked: for a township to register the person, or the bureau to have the money refunded; or,
     * {@code closed=true}, those the bureau closed.
     */
    @GetMapping("/api/v1/payment-confirmations/awaiting-registration")
    @PreAuthorize("hasAnyRole('TAX_BUREAU','BUREAU')")
    AwaitingRegistration awaitingRegistration(@RequestParam(defaultValue = "false") boolean closed) {
        return new AwaitingRegistration(confirmations.awaitingRegistration(closed));
    }

    record Closing(String reason) {
    }

    /** 结案: the bureau closes a payment kept for a registration that will not come, saying why. */
    @PostMapping("/api/v1/payment-confirmations/awaiting-registration/{voucherNo}/close")
    @PreAuthorize("hasRole('BUREAU')")
    PaymentStore.AwaitingRegistration close(Caller caller, @PathVariable String voucherNo, @RequestBody(required = false) Closing closing) {
        return confirmations.closeAwaitingRegistration(caller, voucherNo, closing == null ? null : closing.reason());
    }
}
