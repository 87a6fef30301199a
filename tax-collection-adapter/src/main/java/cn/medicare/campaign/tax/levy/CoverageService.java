package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.codes.RefundDueReason;
import cn.medicare.campaign.contracts.events.CoverageStarted;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import org.springframework.stereotype.Service;

/**
 * 待遇享受起始: where a person's coverage starts at payment (缴费之日 / 缴费次日, plus any waiting
 * period), the adapter sees the settlement first, so it derives the start with the campaign
 * engine's rule and announces it once as CoverageStarted. Coverage never starts after 31 December
 * of its year (DOMAIN.md): a payment made after the last day that still covers within the year
 * (the levy list's {@code payBy}) starts nothing, and what the person paid is owed back to them.
 */
@Service
class CoverageService {

    private final LevyItemStore items;
    private final RefundDueService refundsDue;
    private final OutboxWriter outbox;
    private final Clock clock;

    CoverageService(LevyItemStore items, RefundDueService refundsDue, OutboxWriter outbox, Clock clock) {
        this.items = items;
        this.refundsDue = refundsDue;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Call inside the transaction that changed the items, after their settlement was judged. */
    void review(Collection<PersonYear> keys) {
        items.takeAwaitedCoverages(keys).forEach(awaited -> {
            // settled without a payment (fully assisted): settled at registration, so its day stands for the payment
            LocalDate paidOn = awaited.lastPaidOn() != null ? awaited.lastPaidOn()
                    : awaited.enrolledOn() != null ? awaited.enrolledOn() : BusinessTime.today(clock);
            LocalDate start = awaited.coverage().startOnPayment(paidOn, awaited.coverageYear());
            if (start.getYear() > awaited.coverageYear()) {
                items.applyRefund(awaited.personId(), awaited.coverageYear(), awaited.paidTotal(), RefundDueReason.WITHDRAWN_BEFORE_COVERAGE);
                refundsDue.review(awaited.personId(), awaited.coverageYear());
                return;
            }
            items.recordStart(awaited.personId(), awaited.coverageYear(), start);
            outbox.append(new CoverageStarted(awaited.personId(), awaited.coverageYear(), awaited.region(), start));
        });
    }
}
