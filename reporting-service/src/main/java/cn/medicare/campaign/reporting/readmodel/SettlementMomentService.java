package cn.medicare.campaign.reporting.readmodel;

import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Judges again, from all their facts, the person-years settled before V17 kept the moment they settled
 * ({@code person_year.settled_at}), so that figures as of an earlier moment stop holding them to the payable
 * they settled at later. A page at a time, each in its own transaction beside the consumer; once none is
 * left, each run is one empty query.
 */
@Service
class SettlementMomentService {

    private static final int PAGE = 1_000;
    private static final Logger log = LoggerFactory.getLogger(SettlementMomentService.class);

    private final ReadModelStore store;
    private final TransactionTemplate transaction;

    SettlementMomentService(ReadModelStore store, TransactionTemplate transaction) {
        this.store = store;
        this.transaction = transaction;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    @SchedulerLock(name = "settlement-moments", lockAtMostFor = "PT30M")
    void judgeAgain() {
        int judged = 0;
        for (int page = judgePage(); page > 0; page = judgePage()) {
            judged += page;
        }
        if (judged > 0) {
            log.info("Judged again the settlement of {} person-year(s) settled before their moment was kept", judged);
        }
    }

    /** @return how many were judged: each leaves the page, its moment kept or its settlement found gone */
    private int judgePage() {
        return transaction.execute(status -> {
            Set<ReadModelStore.PersonYear> keys = store.settledWithoutMoment(PAGE);
            if (!keys.isEmpty()) {
                store.settle(keys);
            }
            return keys.size();
        });
    }
}
