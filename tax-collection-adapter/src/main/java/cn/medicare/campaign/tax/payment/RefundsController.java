package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.security.Role;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tax bureau posts the refunds (退费) it paid out, signed like its payment confirmations; it and the bureau read the
 * refunds kept for a voucher not received yet, and the bureau closes those it settled outside this service.
 */
@RestController
class RefundsController {

    private final SignedRequests signedRequests;
    private final RefundService refunds;
    private final Clock clock;

    RefundsController(SignedRequests signedRequests, RefundService refunds, Clock clock) {
        this.signedRequests = signedRequests;
        this.refunds = refunds;
        this.clock = clock;
    }

    @PostMapping("/api/v1/refunds")
    @PreAuthorize("hasRole('TAX_BUREAU')")
    ConfirmationOutcome refund(@RequestHeader(name = "X-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Signature", required = false) String signed,
            @RequestBody(required = false) byte[] body) {
        return refunds.record(RefundReader.read(signedRequests.verifiedJson(timestamp, signed, body), clock));
    }

    record Awaiting(List<PaymentStore.Awaiting> refunds) {
    }

    /**
     * The refunds kept for a voucher not received: those still waiting for it and those refused once it came, with why; or,
     * {@code closed=true}, those the bureau closed.
     */
    @GetMapping("/api/v1/refunds/awaiting-voucher")
    @PreAuthorize("hasAnyRole('TAX_BUREAU','BUREAU')")
    Awaiting awaiting(Caller caller, @RequestParam(defaultValue = "false") boolean closed) {
        return new Awaiting(refunds.awaiting(caller.is(Role.TAX_BUREAU), closed));
    }

    record Closing(String reason) {
    }

    /** 结案: the bureau closes a kept refund it settled with the tax bureau, saying why. */
    @PostMapping("/api/v1/refunds/awaiting-voucher/{id}/close")
    @PreAuthorize("hasRole('BUREAU')")
    PaymentStore.Awaiting close(Caller caller, @PathVariable UUID id, @RequestBody(required = false) Closing closing) {
        return refunds.close(caller, id, closing == null ? null : closing.reason());
    }
}
