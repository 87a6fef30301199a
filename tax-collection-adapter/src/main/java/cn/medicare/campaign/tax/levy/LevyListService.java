package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 征缴名单: every change of a levy item, in the order the tax bureau pages through them, and the
 * refund due it may cause.
 *
 * <p>A change takes no cursor in its own transaction: were it to, a transaction holding cursor 10
 * could commit after one holding 11, and a reader who already went past 11 would never see 10.
 * It clears the item's cursor instead, and the reader, before each page, gives the committed
 * changes without one the next cursors in a short transaction of its own, one such at a time
 * ({@link LevyItemStore#sequencePending()}). Writers lock only the people they change
 * ({@code PersonLocks}), so the consumer and the tax bureau's posts about other people never wait
 * for each other.
 */
@Service
public class LevyListService {

    private final LevyItemStore items;
    private final RefundDueService refundsDue;
    private final CoverageService coverage;
    private final TransactionTemplate transaction;

    LevyListService(LevyItemStore items, RefundDueService refundsDue, CoverageService coverage, TransactionTemplate transaction) {
        this.items = items;
        this.refundsDue = refundsDue;
        this.coverage = coverage;
        this.transaction = transaction;
    }

    /** The region of the person's item for that year, if any fact about it has arrived. */
    public Optional<String> regionOf(String personId, int coverageYear) {
        return items.regionOf(personId, coverageYear);
    }

    /**
     * Counts a confirmed payment, whether or not the enrolment has arrived yet; {@code paidOn} is its
     * business day; the assistance fund's payments (代缴) are kept apart from the person's own.
     */
    public void addPayment(String personId, int coverageYear, String region, BigDecimal amount, LocalDate paidOn, boolean byTheFund) {
        items.addPayment(personId, coverageYear, region, amount, paidOn, byTheFund);
        settled(personId, coverageYear);
    }

    /** Takes a refund off the paid total (the fund's, for the fund's voucher); what is due may be the payable again. */
    public void subtractRefund(String personId, int coverageYear, BigDecimal amount, boolean toTheFund) {
        items.subtractRefund(personId, coverageYear, amount, toTheFund);
        settled(personId, coverageYear);
    }

    void enrol(PersonEnrolled enrolled, Instant at) {
        items.enrol(enrolled, at);
        refundsDue.review(enrolled.personId(), enrolled.coverageYear());
        coverage.review(enrolled.personId(), enrolled.coverageYear());
    }

    void update(PersonUpdated updated) {
        items.move(updated);
        if (updated.nameMasked() != null) {
            items.rename(updated);
        }
    }

    void withdraw(PersonWithdrawn withdrawn, Instant at) {
        items.withdraw(withdrawn, at);
        refundsDue.review(withdrawn.personId(), withdrawn.coverageYear());
    }

    void assess(ContributionAssessed assessed, Instant at) {
        items.assess(assessed, at);
        settled(assessed.personId(), assessed.coverageYear());
    }

    List<LevyItemStore.LevyItem> changesAfter(String region, int coverageYear, long after, int limit) {
        transaction.executeWithoutResult(status -> items.sequencePending());
        return items.changesAfter(region, coverageYear, after, limit);
    }

    private void settled(String personId, int coverageYear) {
        items.settleIfPaid(personId, coverageYear);
        refundsDue.review(personId, coverageYear);
        coverage.review(personId, coverageYear);
    }
}
