package cn.medicare.campaign.tax.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** One valid refund (退费) as the tax bureau sent it; {@code reason} is its own text. */
record Refund(int index, String refundNo, String voucherNo, BigDecimal amount, Instant refundedAt, String reason) {
}
