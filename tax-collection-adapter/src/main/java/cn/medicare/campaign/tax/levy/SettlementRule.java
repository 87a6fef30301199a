package cn.medicare.campaign.tax.levy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * 缴清: the payable a levy item is held to once the person first paid it in full, judged from its facts in the order they
 * happened (event time), whatever order they arrived in, as reporting's SettlementRule does (docs/domain.md says where the
 * two still differ). Between two
 * facts the item stands as {@link LevyItemStore}'s statements leave it: those statements judge each fact as it arrives,
 * which is the same where the facts arrive in the order they happened, or where only one payable, none of the
 * assistance fund's money and no registration after a withdrawal is known: then the settled payable can only be that
 * payable, and the order moves at most whether someone paid in full and refunded below it counts as having settled, which
 * holds them to the same payable either way. Otherwise this rule judges again ({@code LevyItemStore.settleByEventTime}).
 */
final class SettlementRule {

    /**
     * Facts at the same instant: the payables first, so that money meets the payable it was paid against, in the order they
     * arrived (the later stands, as on the item); then the money by its number; then a registration, which money paid then
     * counts towards and an earlier registration's money refunded after it no longer does ({@code LevyItemStore.MONEY}).
     */
    private static final Comparator<Fact> HAPPENED = Comparator.comparing(Fact::at)
            .thenComparing(fact -> fact.payable() == null)
            .thenComparing(Fact::registeredAgain)
            .thenComparingLong(Fact::arrived)
            .thenComparing(Fact::ref);

    /**
     * A payable announced, money paid or refunded (negative), or a registration after a withdrawal (neither: the settlement
     * starts anew), at the time it happened.
     *
     * @param arrived a payable's place in the order the payables arrived; 0 for money
     * @param ref the voucher or refund number; empty for a payable and a registration
     * @param standard the standard amount the payable was assessed from; null for an assessment kept before V24
     * @param own the person's own money; {@code fund} the assistance fund's (代缴), which settles the subsidy part first
     */
    record Fact(Instant at, long arrived, String ref, BigDecimal payable, BigDecimal subsidy, BigDecimal standard, BigDecimal own,
            BigDecimal fund) {

        static Fact assessed(Instant at, long arrived, BigDecimal payable, BigDecimal subsidy, BigDecimal standard) {
            return new Fact(at, arrived, "", payable, subsidy, standard, null, null);
        }

        static Fact money(Instant at, String ref, BigDecimal own, BigDecimal fund) {
            return new Fact(at, 0, ref, null, null, null, own, fund);
        }

        static Fact registeredAgain(Instant at) {
            return new Fact(at, 0, "", null, null, null, null, null);
        }

        boolean registeredAgain() {
            return payable == null && own == null;
        }
    }

    private SettlementRule() {
    }

    /** @return the settled payable, or null when the facts never paid the payable in force in full */
    static BigDecimal settledPayable(List<Fact> facts) {
        List<Fact> timeline = new ArrayList<>(facts);
        timeline.sort(HAPPENED);
        Item item = new Item();
        for (int index = 0; index < timeline.size(); index++) {
            Fact fact = timeline.get(index);
            item.apply(fact);
            // a payable replaced at the same instant by a later arrival was never in force: it settles nobody
            boolean replaced = fact.payable() != null && index + 1 < timeline.size() && timeline.get(index + 1).payable() != null
                    && timeline.get(index + 1).at().equals(fact.at());
            if (!replaced) {
                item.inForce(fact);
            }
        }
        return item.settled == null ? null : item.settled.max(BigDecimal.ZERO);
    }

    /** A levy item's columns the settlement reads, moved by one fact at a time as the store's statements move them. */
    private static final class Item {

        private BigDecimal payable;
        private BigDecimal subsidy = BigDecimal.ZERO;
        private BigDecimal standard;
        /** The payable, subsidy and standard of the last assessment in force (one replaced at its instant never was). */
        private BigDecimal payableInForce;
        private BigDecimal subsidyInForce;
        private BigDecimal standardInForce;
        private BigDecimal paid = BigDecimal.ZERO;
        private BigDecimal fund = BigDecimal.ZERO;
        private BigDecimal settled;
        /** The least the person owed since they settled: assistance certified after it is owed back even once it ended. */
        private BigDecimal leastSinceSettled;

        void apply(Fact fact) {
            if (fact.payable() != null) {
                payable = fact.payable();
                subsidy = fact.subsidy();
                standard = fact.standard();
            } else if (fact.registeredAgain()) {
                // the earlier registration's settlement caps nothing the new one owes; the money held still counts
                settled = null;
                leastSinceSettled = null;
            } else {
                if (fact.own().signum() < 0) {
                    refund(fact.own().negate());
                } else {
                    paid = paid.add(fact.own());
                }
                fund = fund.add(fact.fund());
            }
        }

        /**
         * The fact stood (not a payable replaced at its instant): a payable in force since the settlement moves it with the
         * standard and lowers its least.
         */
        void inForce(Fact fact) {
            if (fact.payable() != null) {
                if (settled != null) {
                    moveWithTheStandard();
                    leastSinceSettled = leastSinceSettled.min(owed());
                }
                payableInForce = payable;
                subsidyInForce = subsidy;
                standardInForce = standard;
            }
            settleIfPaid();
        }

        private void settleIfPaid() {
            BigDecimal owed = owed();
            if (settled == null && owed != null && paid.compareTo(owed) >= 0) {
                settled = owed;
                leastSinceSettled = owed;
            }
        }

        /**
         * A change of the standard (a category corrected, a campaign version) moves what a settled person is held to, and the
         * least they owed since, by as much: only a change of assistance is held off once settled (DOMAIN.md: never a new
         * debt), so a pupil who paid 100 and is corrected to the general standard owes the difference. Never above what they
         * owe now, nor above what they owed just before, moved: a rise the assistance in force takes (特困 pays nothing
         * whatever the standard) is no debt once it ends, and the assistance in force when the standard changes counts as
         * reporting counts it. Below nothing it is kept as it is ({@link #settledPayable} reads nothing), so that a
         * correction and its reversal cancel.
         */
        private void moveWithTheStandard() {
            if (standardInForce == null || standard == null || standard.compareTo(standardInForce) == 0) {
                return;
            }
            BigDecimal change = standard.subtract(standardInForce);
            settled = settled.add(change).min(owed()).min(owedOf(payableInForce, subsidyInForce).add(change));
            leastSinceSettled = leastSinceSettled.add(change).min(settled);
        }

        /**
         * A refund below the settled payable un-counts the person without raising what they are held to; where the
         * payable fell below it since, it pays the assistance back (先缴后返): held to the net paid, never below the least
         * payable since ({@code LevyItemStore.subtractRefund}, where the item's one payable is that least). So a refund the
         * tax bureau makes of the assistance after it ended, on the refund due it was told of while it lasted, leaves no debt.
         */
        private void refund(BigDecimal amount) {
            BigDecimal owed = owed();
            BigDecimal floor = leastSinceSettled == null || owed == null ? owed : leastSinceSettled.min(owed);
            if (settled != null && floor != null && settled.compareTo(floor) > 0) {
                settled = floor.max(settled.min(paid.subtract(amount)));
            }
            paid = paid.subtract(amount);
        }

        /** What the person owes of their own money: the payable less the fund's money beyond the subsidy. */
        private BigDecimal owed() {
            return payable == null ? null : owedOf(payable, subsidy);
        }

        private BigDecimal owedOf(BigDecimal payable, BigDecimal subsidy) {
            return BigDecimal.ZERO.max(payable.subtract(BigDecimal.ZERO.max(fund.subtract(subsidy))));
        }
    }
}
