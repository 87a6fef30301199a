package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.kit.web.InputError;
import java.util.List;

/**
 * The answer to a posted list of confirmations or refunds: what was taken, what was known already, what was refused, which
 * of the duplicates said otherwise than what was received (a voucher's amount, payer, channel or day; a refund number used
 * for another voucher's refund), and, for refunds, how many were kept for a voucher not received
 * yet, to be applied when it comes (the last two additive to API.md's answer; absent, as null, from a confirmations'
 * answer: the service writes no nulls).
 */
record ConfirmationOutcome(int accepted, int duplicates, List<Rejection> rejected, List<Rejection> conflicts,
        Integer awaitingVoucher) {

    ConfirmationOutcome(int accepted, int duplicates, List<Rejection> rejected, List<Rejection> conflicts) {
        this(accepted, duplicates, rejected, conflicts, null);
    }

    /** @param index 0-based position in the posted list */
    record Rejection(int index, List<InputError> errors) {
    }
}
