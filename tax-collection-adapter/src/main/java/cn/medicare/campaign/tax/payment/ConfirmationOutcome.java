package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.kit.web.InputError;
import java.util.List;

/**
 * The answer to a posted list of confirmations: what was taken, what was known already, what was refused, and which of
 * the duplicates said otherwise than what was received (additive to API.md's answer).
 */
record ConfirmationOutcome(int accepted, int duplicates, List<Rejection> rejected, List<Rejection> conflicts) {

    ConfirmationOutcome(int accepted, int duplicates, List<Rejection> rejected) {
        this(accepted, duplicates, rejected, List.of());
    }

    /** @param index 0-based position in the posted list */
    record Rejection(int index, List<InputError> errors) {
    }
}
