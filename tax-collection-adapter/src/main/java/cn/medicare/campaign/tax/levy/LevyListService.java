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

/**
 * 征缴名单: every change of a levy item, in the order the tax bureau pages through them, and the
 * refund due it may cause.
 *
 * <p>Cursor values are handed out under one transaction-scoped advisory lock: otherwise a
 * transaction holding cursor 10 could commit after one holding 11, and a reader who already went
 * past 11 would never see 10. Writers of the levy list are few (one consumer, the tax bureau's
 * posts), so serialising them costs little.
 */
@Service
public class LevyListService {

    private final LevyItemStore items;
    private final RefundDueService refundsDue;
    private final CoverageService coverage;

    LevyListService(LevyItemStore items, RefundDueService refundsDue, CoverageService coverage) {
        this.items = items;
        this.refundsDue = refundsDue;
        this.coverage = coverage;
    }

    /**
     * Call before touching any levy item row in a transaction (re-entrant): writers then never
     * hold a row while waiting for the lock, so they cannot deadlock each other.
     */
    public void lockForCursorOrder() {
        items.lockCursor();
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
        lockForCursorOrder();
        items.addPayment(personId, coverageYear, region, amount, paidOn, byTheFund);
        settled(personId, coverageYear);
    }

    /** Takes a refund off the paid total (the fund's, for the fund's voucher); what is due may be the payable again. */
    public void subtractRefund(String personId, int coverageYear, BigDecimal amount, boolean toTheFund) {
        lockForCursorOrder();
        items.subtractRefund(personId, coverageYear, amount, toTheFund);
        settled(personId, coverageYear);
    }

    void enrol(PersonEnrolled enrolled, Instant at) {
        lockForCursorOrder();
        items.enrol(enrolled, at);
        refundsDue.review(enrolled.personId(), enrolled.coverageYear());
        coverage.review(enrolled.personId(), enrolled.coverageYear());
    }

    void update(PersonUpdated updated) {
        // before the first row is touched: a payment holding the lock may be waiting for that row
        lockForCursorOrder();
        items.move(updated);
        if (updated.nameMasked() != null) {
            items.rename(updated);
        }
    }

    void withdraw(PersonWithdrawn withdrawn, Instant at) {
        lockForCursorOrder();
        items.withdraw(withdrawn, at);
        refundsDue.review(withdrawn.personId(), withdrawn.coverageYear());
    }

    void assess(ContributionAssessed assessed, Instant at) {
        lockForCursorOrder();
        items.assess(assessed, at);
        settled(assessed.personId(), assessed.coverageYear());
    }

    List<LevyItemStore.LevyItem> changesAfter(String region, int coverageYear, long after, int limit) {
        return items.changesAfter(region, coverageYear, after, limit);
    }

    private void settled(String personId, int coverageYear) {
        items.settleIfPaid(personId, coverageYear);
        refundsDue.review(personId, coverageYear);
        coverage.review(personId, coverageYear);
    }
}
