package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.events.CoverageStarted;
import cn.medicare.campaign.contracts.policy.EnrolmentPolicy;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import org.springframework.stereotype.Service;

/**
 * 待遇享受起始: where a person's coverage starts at payment (缴费之日 / 缴费次日, plus any waiting
 * period), the adapter sees the settlement first, so it derives the start with the campaign
 * engine's rule and announces it once as CoverageStarted.
 */
@Service
class CoverageService {

    private final LevyItemStore items;
    private final OutboxWriter outbox;
    private final Clock clock;

    CoverageService(LevyItemStore items, OutboxWriter outbox, Clock clock) {
        this.items = items;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Call inside the transaction that changed the items, after their settlement was judged. */
    void review(Collection<PersonYear> keys) {
        items.takeAwaitedCoverages(keys).forEach(awaited -> {
            // settled without a payment (fully assisted): the day of the settlement stands for it
            LocalDate paidOn = awaited.lastPaidOn() != null ? awaited.lastPaidOn() : BusinessTime.today(clock);
            LocalDate start = new EnrolmentPolicy.Coverage(awaited.coverageFrom(), null, awaited.waitingDays(), awaited.waitingMonths())
                    .startOnPayment(paidOn, awaited.coverageYear());
            items.recordStart(awaited.personId(), awaited.coverageYear(), start);
            outbox.append(new CoverageStarted(awaited.personId(), awaited.coverageYear(), awaited.region(), start));
        });
    }
}
