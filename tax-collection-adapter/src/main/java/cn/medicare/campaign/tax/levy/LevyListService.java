package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.inbox.Timed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
    private final PendingReviews pendingReviews;
    private final TransactionTemplate transaction;

    LevyListService(LevyItemStore items, RefundDueService refundsDue, CoverageService coverage, PendingReviews pendingReviews,
            TransactionTemplate transaction) {
        this.items = items;
        this.refundsDue = refundsDue;
        this.coverage = coverage;
        this.pendingReviews = pendingReviews;
        this.transaction = transaction;
    }

    /** The region and the roster's mask of those of the person-years that have an item (any fact about them arrived). */
    public Map<PersonYear, Listed> listedAs(Collection<PersonYear> keys) {
        return items.listedAs(keys);
    }

    /**
     * Counts confirmed payments, whether or not the enrolments have arrived yet, in a few statements
     * for all of them; the assistance fund's payments (代缴) are kept apart from the person's own.
     */
    public void addPayments(List<PaymentConfirmed> payments) {
        List<PersonYear> orderMatters = items.addPayments(payments.stream().map(payment -> {
            PersonYear item = new PersonYear(payment.personId(), payment.coverageYear());
            boolean byTheFund = payment.channel() == PaymentChannel.ASSISTANCE_FUND;
            return new LevyItemStore.Payment(item, payment.region(), byTheFund ? BigDecimal.ZERO : payment.amount(),
                    byTheFund ? payment.amount() : BigDecimal.ZERO, payment.paidAt().atZone(BusinessTime.ZONE).toLocalDate());
        }).toList());
        List<PersonYear> paid = payments.stream().map(payment -> new PersonYear(payment.personId(), payment.coverageYear())).distinct().toList();
        items.settleByEventTime(orderMatters);
        judgeSettled(paid);
    }

    /** Takes a refund off the paid total (the fund's, for the fund's voucher); what is due may be the payable again. */
    public void subtractRefund(String personId, int coverageYear, BigDecimal amount, boolean toTheFund) {
        if (items.subtractRefund(personId, coverageYear, amount, toTheFund)) {
            items.settleByEventTime(List.of(new PersonYear(personId, coverageYear)));
        }
        coverage.takeBackUnpaid(List.of(new PersonYear(personId, coverageYear)));
        settled(personId, coverageYear);
    }

    /**
     * The roster's and the assessment's facts change the item only: {@link #review()} judges what follows, once per batch.
     * A registration after a withdrawal is settled anew, by event time where the order of the item's facts matters.
     */
    void enrol(List<Timed<PersonEnrolled>> run) {
        toReview(items.enrol(run));
    }

    /** A change is applied field by field, whatever order the changes and the enrolment came in. */
    void update(PersonUpdated updated, Instant at) {
        items.change(updated, at);
    }

    /** A withdrawal replayed after the registration that followed it settles that registration anew, as in order. */
    void withdraw(PersonWithdrawn withdrawn, Instant at) {
        toReview(items.withdraw(withdrawn, at));
    }

    private void toReview(LevyItemStore.Reviews reviews) {
        pendingReviews.add(reviews.reviewable());
        pendingReviews.add(items.settleByEventTime(reviews.settledAnew()));
    }

    /**
     * A payable is judged by event time where it was not the only one: an assessment that overtook a payment in flight, or
     * an older one replayed, holds the person to the payable in force when they paid.
     */
    void assess(List<Timed<ContributionAssessed>> run) {
        LevyItemStore.Assessed assessed = items.assess(run);
        pendingReviews.add(assessed.reviewable());
        pendingReviews.add(items.settleByEventTime(assessed.orderMatters()));
    }

    /**
     * Judges the items this transaction's enrolments, withdrawals and assessments changed, as they now stand: settlement,
     * what is owed back and an awaited coverage start; each judgement is made from the item alone (its settlement judged by
     * event time as the assessments were applied: {@link #assess}), so judging once after many changes ends as judging after
     * each. Only the items a judgement may change are judged, as their upserts told.
     */
    void review() {
        List<PersonYear> reviewable = pendingReviews.take();
        if (!reviewable.isEmpty()) {
            // a revoked withdrawal's enrolment after a refund made while it stood leaves a start announced and nothing paid
            coverage.takeBackUnpaid(reviewable);
            settled(reviewable);
        }
    }

    List<LevyItemStore.LevyItem> changesAfter(String region, int coverageYear, long after, int limit) {
        transaction.executeWithoutResult(status -> items.sequencePending());
        return items.changesAfter(region, coverageYear, after, limit);
    }

    private void settled(String personId, int coverageYear) {
        settled(List.of(new PersonYear(personId, coverageYear)));
    }

    private void settled(List<PersonYear> keys) {
        items.settleIfPaid(keys);
        judgeSettled(keys);
    }

    /** What follows a settlement, once the items that are paid in full are settled. */
    private void judgeSettled(List<PersonYear> keys) {
        // a payment too late to start coverage within the year is owed back: judged before what is owed
        coverage.review(keys);
        refundsDue.review(keys);
    }
}
