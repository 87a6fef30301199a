package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;

/** 退费: the tax bureau paid (part of) a voucher back; {@code reason} is the tax bureau's text. */
public record PaymentRefunded(
        String personId,
        int coverageYear,
        String region,
        String voucherNo,
        String refundNo,
        BigDecimal amount,
        Instant refundedAt,
        String reason) implements PersonEvent {

    public PaymentRefunded {
        requireNonNull(personId, "personId");
        requireNonNull(region, "region");
        requireNonNull(voucherNo, "voucherNo");
        requireNonNull(refundNo, "refundNo");
        amount = Amounts.yuan(requireNonNull(amount, "amount"));
        requireNonNull(refundedAt, "refundedAt");
        requireNonNull(reason, "reason");
    }

    @Override
    public EventType type() {
        return EventType.PAYMENT_REFUNDED;
    }
}
