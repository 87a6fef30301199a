package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.codes.RefundDueReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 应退费: how much of a person-year's own net payments the bureau owes back, and why. Automatic:
 * what was paid beyond the payable (先缴后返 when the payable fell after settling, else a duplicate
 * payment), the payable never counted above the one the person first settled, moved by a change of the standard
 * since (no new debt from assistance once settled). On application: what an approved refund application grants, never more than was paid;
 * one that ended the enrolment before coverage grants all that was paid, whenever it was paid, while
 * the roster holds the enrolment ended. Paid too late to start coverage within the year: all that was paid.
 * A withdrawal alone owes nothing (DOMAIN.md: refunds only on application, with a reason), and the
 * assistance fund's money is never the person's to get back.
 */
final class RefundDueRule {

    private RefundDueRule() {
    }

    /**
     * The payable a person is held to: never above the one first settled, moved by a change of the standard since (DOMAIN.md,
     * no new debt from assistance once settled); null while not assessed.
     */
    static BigDecimal heldTo(BigDecimal payable, BigDecimal settledPayable) {
        return payable == null || settledPayable == null ? payable : payable.min(settledPayable);
    }

    /** @param reason null when nothing is owed */
    record Owed(BigDecimal amount, RefundDueReason reason) {

        boolean isNothing() {
            return amount.signum() == 0;
        }
    }

    /**
     * @param payable what the person owes of their own money; null while not assessed: nothing is known to be owed back then
     * @param settledPayable the payable when first paid in full, or null
     * @param paidNet the person's own confirmed payments minus refunds
     * @param applied what an approved refund application grants (0 when none)
     * @param appliedReason the reason of that application
     * @param withdrawn whether the roster has ended the person-year before its coverage started ({@link #endedBeforeCoverage})
     */
    static Owed owed(BigDecimal payable, BigDecimal settledPayable, BigDecimal paidNet, BigDecimal applied,
            RefundDueReason appliedReason, boolean withdrawn) {
        Objects.requireNonNull(paidNet, "paidNet");
        Owed automatic = automatic(payable, settledPayable, paidNet);
        // an application that ended the enrolment before coverage (employee insurance, another region, a death) grants all the
        // person paid while the roster holds it ended, a payment arriving after it too: the larger of grant and duplicate
        // left the family short of that payment. Enrolled again, what the person pays is a contribution again.
        BigDecimal granted = (appliedReason == RefundDueReason.WITHDRAWN_BEFORE_COVERAGE && withdrawn ? paidNet
                : applied.min(paidNet)).max(BigDecimal.ZERO).setScale(2);
        return granted.compareTo(automatic.amount()) > 0 ? new Owed(granted, appliedReason) : automatic;
    }

    /**
     * What is owed once money paid too late to start coverage within the year is counted: all of it, as much as was paid
     * when so judged and not refunded since, where that is more than otherwise owed ({@code WITHDRAWN_BEFORE_COVERAGE}: the
     * year's coverage ends before it began).
     *
     * @param tooLate what was paid too late, as judged last (0 when none, or since a start within the year was announced)
     */
    static Owed orTooLate(Owed owed, BigDecimal tooLate, BigDecimal paidNet) {
        BigDecimal late = tooLate.min(paidNet).max(BigDecimal.ZERO).setScale(2);
        return late.compareTo(owed.amount()) > 0 ? new Owed(late, RefundDueReason.WITHDRAWN_BEFORE_COVERAGE) : owed;
    }

    /**
     * Whether the roster ended the person-year before its coverage started: only such an ending makes an approved
     * application that ended the enrolment before coverage grant all that was paid. A death or a move after the start
     * refunds nothing (DOMAIN.md), also where an old application was approved before the person paid again.
     */
    static boolean endedBeforeCoverage(boolean withdrawn, LocalDate withdrawnOn, LocalDate coverageStart) {
        return withdrawn && (withdrawnOn == null || coverageStart == null || withdrawnOn.isBefore(coverageStart));
    }

    private static Owed automatic(BigDecimal payable, BigDecimal settledPayable, BigDecimal paidNet) {
        BigDecimal nothing = BigDecimal.ZERO.setScale(2);
        if (payable == null) {
            return new Owed(nothing, null);
        }
        BigDecimal due = heldTo(payable, settledPayable);
        BigDecimal excess = paidNet.subtract(due);
        if (excess.signum() <= 0) {
            return new Owed(nothing, null);
        }
        boolean assistedAfterPaying = settledPayable != null && payable.compareTo(settledPayable) < 0;
        return new Owed(excess.setScale(2),
                assistedAfterPaying ? RefundDueReason.ASSISTANCE_AFTER_PAYMENT : RefundDueReason.DUPLICATE_PAYMENT);
    }
}
