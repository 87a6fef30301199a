package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.locking.PersonLocks;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 缴费截止日: where coverage starts at payment, a payment after the last day that still starts it within the year starts
 * nothing. Someone who paid part in time and nothing since is owed it back the night that day passes, judged by the
 * calendar: a payment or a refund coming later owes it back too ({@link CoverageService#review}), but none may come, and
 * the money would sit on the levy item with no application that fits it (DOMAIN.md, "The last day to pay").
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

    LastDayToPayService(LevyItemStore items, CoverageService coverage, RefundDueService refundsDue, PersonLocks locks,
            TransactionTemplate transaction, Clock clock) {
        this.items = items;
        this.coverage = coverage;
        this.refundsDue = refundsDue;
        this.locks = locks;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Each night a few minutes after midnight, Beijing time ({@code insurance.tax.last-day-passed-cron}; {@code -} turns it
     * off, as a season simulated with past dates does). A night missed is made up the next: every day after the last one
     * counts alike.
     */
    @Scheduled(cron = "${insurance.tax.last-day-passed-cron:0 7 0 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "last-day-to-pay-passed", lockAtMostFor = "PT30M")
    public void oweBackWhatCanNoLongerStartCoverage() {
        oweBackAsOf(BusinessTime.today(clock));
    }

    /** The judgement as of {@code today}, the business day: owes back what completing today or later could not start. */
    public void oweBackAsOf(LocalDate today) {
        List<PersonYear> partlyPaid = items.partlyPaidAwaitingCoverageNotOwedBack();
        int owedBack = 0;
        for (int from = 0; from < partlyPaid.size(); from += PER_TRANSACTION) {
            List<PersonYear> keys = partlyPaid.subList(from, Math.min(partlyPaid.size(), from + PER_TRANSACTION));
            try {
                owedBack += transaction.execute(status -> {
                    locks.lock(keys.stream().map(PersonYear::personId).distinct().toList());
                    int owed = coverage.oweBackPartlyPaid(keys, today);
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
            log.info("{} of {} people partly paid, whose last day to pay had passed by {}, are owed back what they paid", owedBack,
                    partlyPaid.size(), today);
        }
    }
}
