package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.codes.PaymentSource;
import java.math.BigDecimal;
import java.time.Instant;

/** 缴费到账: the tax bureau collected a contribution; {@code voucherNo} is unique. */
public record PaymentConfirmed(
        String personId,
        int coverageYear,
        String region,
        String voucherNo,
        BigDecimal amount,
        PaymentChannel channel,
        Instant paidAt,
        PaymentSource source) implements PersonEvent {

    public PaymentConfirmed {
        requireNonNull(personId, "personId");
        requireNonNull(region, "region");
        requireNonNull(voucherNo, "voucherNo");
        amount = Amounts.yuan(requireNonNull(amount, "amount"));
        requireNonNull(channel, "channel");
        requireNonNull(paidAt, "paidAt");
        requireNonNull(source, "source");
    }

    @Override
    public EventType type() {
        return EventType.PAYMENT_CONFIRMED;
    }
}
