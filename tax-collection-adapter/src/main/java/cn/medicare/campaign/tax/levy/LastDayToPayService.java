package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.locking.PersonLocks;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 缴费截止日: where coverage starts at payment, a payment after the last day that still starts it within the year starts
 * nothing. Someone who paid part in time and nothing since is owed it back once every payment made by that day has been
 * received, judged by the calendar: a payment or a refund coming later owes it back too ({@link CoverageService#review}),
 * but none may come, and the money would sit on the levy item with no application that fits it (docs/domain.md, "The last
 * day to pay"). A payment made in time that arrives later still settles the person, and what was owed back is owed no more.
 */
@Service
public class LastDayToPayService {

    private static final Logger log = LoggerFactory.getLogger(LastDayToPayService.class);
    /** People judged in one transaction: their locks and the statements' arrays stay small, one failing leaves the rest. */
    private static final int PER_TRANSACTION = 500;

    private final LevyItemStore items;
    private final CoverageService coverage;
    private final RefundDueService refundsDue;
    private final PersonLocks locks;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int reconciliationLagDays;

    /**
     * @param reconciliationLagDays the days after a payment's day by which the tax bureau's reconciliation file brings a
     *     confirmation the webhook lost ({@code insurance.tax.reconciliation-lag-days}: its file of a day comes the next day)
     */
    LastDayToPayService(LevyItemStore items, CoverageService coverage, RefundDueService refundsDue, PersonLocks locks,
            TransactionTemplate transaction, Clock clock, @Value("${insurance.tax.reconciliation-lag-days:1}") int reconciliationLagDays) {
        this.items = items;
        this.coverage = coverage;
        this.refundsDue = refundsDue;
        this.locks = locks;
        this.transaction = transaction;
        this.clock = clock;
        this.reconciliationLagDays = reconciliationLagDays;
    }

    /**
     * Each night a few minutes after midnight, Beijing time ({@code insurance.tax.last-day-passed-cron}; {@code -} turns it
     * off, as a season simulated with past dates does), with the payments known through yesterday less the reconciliation's
     * lag: a last day of 2 October is judged on the night of 4 October. A night missed is made up the next: every day after
     * the last one counts alike.
     */
    @Scheduled(cron = "${insurance.tax.last-day-passed-cron:0 7 0 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "last-day-to-pay-passed", lockAtMostFor = "PT30M")
    public void oweBackWhatCanNoLongerStartCoverage() {
        oweBackWithPaymentsKnownThrough(paymentsKnownThrough(BusinessTime.today(clock), reconciliationLagDays));
    }

    /** The last business day every payment made by has been received on {@code today}: yesterday's file still to come. */
    static LocalDate paymentsKnownThrough(LocalDate today, int reconciliationLagDays) {
        return today.minusDays(1L + reconciliationLagDays);
    }

    /**
     * Owes back what those partly paid paid where completing it after {@code day} would start nothing within the year.
     *
     * @param day a business day every payment made by has been received
     */
    public void oweBackWithPaymentsKnownThrough(LocalDate day) {
        List<PersonYear> pastTheirLastDay = items.partlyPaidAwaitingCoverageNotOwedBack().stream()
                .filter(partly -> coverage.tooLateToComplete(partly, day))
                .map(partly -> new PersonYear(partly.personId(), partly.coverageYear()))
                .toList();
        int owedBack = 0;
        for (int from = 0; from < pastTheirLastDay.size(); from += PER_TRANSACTION) {
            List<PersonYear> keys = pastTheirLastDay.subList(from, Math.min(pastTheirLastDay.size(), from + PER_TRANSACTION));
            try {
                owedBack += transaction.execute(status -> {
                    locks.lock(keys.stream().map(PersonYear::personId).distinct().toList());
                    // judged again under the locks: a payment or a refund may have come since the read
                    int owed = coverage.oweBackPartlyPaid(keys, day);
                    refundsDue.review(keys);
                    return owed;
                });
            } catch (RuntimeException e) {
                // the class alone: a database's message may quote a person's key
                log.warn("{} people partly paid were not judged against the last day to pay, judged again next night: {}", keys.size(),
                        e.getClass().getSimpleName());
            }
        }
        if (owedBack > 0) {
            log.info("{} people partly paid, with every payment made by {} received, are owed back what they paid: completing it "
                    + "would start nothing within the year", owedBack, day);
        }
    }
}
