package cn.medicare.campaign.reporting.readmodel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When a person-year was settled (缴清), by event time: the first moment the money paid, net of
 * refunds, covered the payable in force then (since the registration after a withdrawal, where
 * there was one). From that moment a rise of the payable (assistance ended) creates no new debt,
 * and a fall only a refund due (DOMAIN.md); a change of the standard (a category corrected, a campaign
 * version) is no change of assistance: it moves what the person is held to by as much (the standard
 * now less the largest subsidy since settling), read as nothing below nothing, as the tax adapter's SettlementRule does. Computed from all the facts at once, so the answer is
 * the same whatever order they arrived in.
 */
final class SettlementRule {

    /**
     * A change of the payable, of the money paid (a refund is negative), or a registration after a withdrawal (neither:
     * the settlement starts anew), at the time it happened.
     *
     * @param standard the standard the payable was assessed from; null for one kept before V45 of a person-year that held
     *     none (no change of the standard is known across it)
     */
    record Fact(Instant at, BigDecimal payable, BigDecimal standard, BigDecimal money) {

        static Fact assessed(Instant at, BigDecimal payable, BigDecimal standard) {
            return new Fact(at, payable, standard, null);
        }

        static Fact paid(Instant at, BigDecimal amount) {
            return new Fact(at, null, null, amount);
        }

        static Fact registeredAgain(Instant at) {
            return new Fact(at, null, null, null);
        }
    }

    private SettlementRule() {
    }

    /**
     * The person-year's settlement.
     *
     * @param payable the payable the person is held to once settled (lowered by a later fall of the payable, moved by a
     *     change of the standard)
     * @param at when the person first settled: before it, figures as of a moment do not hold them to {@code payable}
     */
    record Settlement(BigDecimal payable, Instant at) {
    }

    /** @return the settlement, or null when never settled */
    static Settlement of(List<Fact> facts) {
        List<Fact> timeline = new ArrayList<>(facts);
        // at the same instant the assessment comes first, so that money meets the payable it was paid against, then the money,
        // then a registration, which money paid then counts towards and an earlier registration's money refunded after it no
        // longer does (ReadModelStore.settle)
        timeline.sort(Comparator.comparing(Fact::at).thenComparing(fact -> fact.payable() == null)
                .thenComparing(fact -> fact.money() == null));
        BigDecimal payable = null;
        BigDecimal standard = null;
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal settled = null;
        Instant settledAt = null;
        for (Fact fact : timeline) {
            if (fact.payable() != null) {
                if (settled != null && standard != null && fact.standard() != null) {
                    // below nothing it is kept as it is (read as nothing), so that a correction and its reversal cancel
                    settled = settled.add(fact.standard().subtract(standard));
                }
                payable = fact.payable();
                standard = fact.standard();
                if (settled != null && payable.compareTo(settled) < 0) {
                    settled = payable;
                }
            } else if (fact.money() == null) {
                // the earlier registration's settlement caps nothing the new one owes; the money held still counts
                settled = null;
                settledAt = null;
            } else {
                net = net.add(fact.money());
            }
            if (settled == null && payable != null && net.compareTo(payable) >= 0) {
                settled = payable;
                settledAt = fact.at();
            }
        }
        return settled == null ? null : new Settlement(settled.max(BigDecimal.ZERO), settledAt);
    }
}
