package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.codes.RefundDueReason;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * 应退费: how much of a person-year's net payments the bureau owes back, and why. What is due is
 * the payable, but never more than the payable the person first settled (no new debt once
 * settled); a withdrawn person-year is owed everything paid net.
 */
final class RefundDueRule {

    private RefundDueRule() {
    }

    /** @param reason null when nothing is owed */
    record Owed(BigDecimal amount, RefundDueReason reason) {

        boolean isNothing() {
            return amount.signum() == 0;
        }
    }

    /**
     * @param payable null while not assessed: nothing is known to be owed back then
     * @param settledPayable the payable when first paid in full, or null
     * @param paidNet confirmed payments minus refunds
     */
    static Owed owed(BigDecimal payable, BigDecimal settledPayable, BigDecimal paidNet, boolean withdrawn) {
        Objects.requireNonNull(paidNet, "paidNet");
        BigDecimal nothing = BigDecimal.ZERO.setScale(2);
        if (withdrawn) {
            return paidNet.signum() > 0 ? new Owed(paidNet.setScale(2), RefundDueReason.WITHDRAWN_BEFORE_COVERAGE) : new Owed(nothing, null);
        }
        if (payable == null) {
            return new Owed(nothing, null);
        }
        BigDecimal due = settledPayable == null ? payable : payable.min(settledPayable);
        BigDecimal excess = paidNet.subtract(due);
        if (excess.signum() <= 0) {
            return new Owed(nothing, null);
        }
        boolean assistedAfterPaying = settledPayable != null && payable.compareTo(settledPayable) < 0;
        return new Owed(excess.setScale(2),
                assistedAfterPaying ? RefundDueReason.ASSISTANCE_AFTER_PAYMENT : RefundDueReason.DUPLICATE_PAYMENT);
    }
}
