package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.codes.RefundDueReason;
import cn.medicare.campaign.contracts.events.RefundDue;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Announces RefundDue whenever the excess a person-year paid changes, and only then: the amount
 * last announced is kept on the levy item, so the same state is never announced twice whatever
 * order the facts arrive in. An excess that falls back to nothing is announced as 0.00.
 */
@Service
class RefundDueService {

    private final LevyItemStore items;
    private final OutboxWriter outbox;

    RefundDueService(LevyItemStore items, OutboxWriter outbox) {
        this.items = items;
        this.outbox = outbox;
    }

    /** Call inside the transaction that changed the item, after the change. */
    void review(String personId, int coverageYear) {
        review(List.of(new PersonYear(personId, coverageYear)));
    }

    /** {@link #review(String, int)} for many person-years, their balances read in one statement. */
    void review(Collection<PersonYear> keys) {
        items.balances(keys).forEach(balance -> review(balance, false));
    }

    /**
     * @param announceEvenIfUnchanged true for an approved application: its applicant is told by a
     *     RefundDue of its own, even where the same amount was already owed automatically
     */
    void review(String personId, int coverageYear, boolean announceEvenIfUnchanged) {
        items.balance(personId, coverageYear).ifPresent(balance -> review(balance, announceEvenIfUnchanged));
    }

    private void review(LevyItemStore.Balance item, boolean announceEvenIfUnchanged) {
        RefundDueRule.Owed owed = RefundDueRule.orTooLate(RefundDueRule.owed(item.payable(), item.settledPayable(), item.paidNet(),
                item.appliedRefund(), item.appliedRefundReason(),
                RefundDueRule.endedBeforeCoverage(item.withdrawn(), item.withdrawnOn(), item.coverageStart())),
                item.tooLateRefund(), item.paidNet());
        boolean unchanged = owed.isNothing()
                ? item.announced().signum() == 0
                : owed.amount().compareTo(item.announced()) == 0 && owed.reason().name().equals(item.announcedReason());
        if (unchanged && !(announceEvenIfUnchanged && !owed.isNothing())) {
            return;
        }
        // "nothing more owed" keeps the reason of what was owed, for readers of the topic
        RefundDueReason reason = owed.isNothing() ? RefundDueReason.valueOf(item.announcedReason()) : owed.reason();
        items.announceRefundDue(item.personId(), item.coverageYear(), owed.amount(), reason);
        outbox.append(new RefundDue(item.personId(), item.coverageYear(), item.region(), owed.amount(), reason));
    }

    /** The person-years of a region currently owed money back. */
    List<LevyItemStore.Owing> owing(String region, int coverageYear) {
        return items.owing(region, coverageYear);
    }
}
