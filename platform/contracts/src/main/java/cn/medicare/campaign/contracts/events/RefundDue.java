package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import cn.medicare.campaign.contracts.codes.RefundDueReason;
import java.math.BigDecimal;

/**
 * 应退费: money the bureau owes a person back, for the tax bureau to refund.
 *
 * @param amount what is owed now, restated after every change of the person-year's money (0.00: nothing any more): it
 *     replaces the amount of the person's previous RefundDue, it does not add to it
 */
public record RefundDue(String personId, int coverageYear, String region, BigDecimal amount, RefundDueReason reason)
        implements PersonEvent {

    public RefundDue {
        requireNonNull(personId, "personId");
        requireNonNull(region, "region");
        amount = Amounts.yuan(requireNonNull(amount, "amount"));
        requireNonNull(reason, "reason");
    }

    @Override
    public EventType type() {
        return EventType.REFUND_DUE;
    }
}
