package cn.medicare.campaign.reporting.participation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The participation figures of one township, or of the whole county ({@code township} absent):
 * 应参保 target, registered, 参保 enrolled (registered and settled), rate, self-paid and assisted.
 *
 * @param goal the rate the campaign asks of the unit (absent where the answer does not judge it)
 * @param goalMet whether the exact rate reached it (never the rounded one)
 * @param eVoucherTarget where the unit has one: how many must activate the e-voucher (医保电子凭证激活)
 * @param eVoucherActivated registered residents of the unit who activated it
 * @param eVoucherRate activated / e-voucher target, 4 decimals, half-up
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Figures(String township, String townshipName, int target, int registered, int enrolled, BigDecimal rate,
        int selfPaid, int assisted, Map<String, Integer> assistedByCategory, Split localHukou, Split nonLocal, BigDecimal goal,
        Boolean goalMet, Integer eVoucherTarget, Integer eVoucherActivated, BigDecimal eVoucherRate) {

    public Figures(String township, String townshipName, int target, int registered, int enrolled, BigDecimal rate,
            int selfPaid, int assisted, Map<String, Integer> assistedByCategory, Split localHukou, Split nonLocal) {
        this(township, townshipName, target, registered, enrolled, rate, selfPaid, assisted, assistedByCategory, localHukou, nonLocal,
                null, null, null, null, null);
    }

    /** The same figures judged against {@code goal}: met when enrolled ≥ goal × target. */
    public Figures withGoal(BigDecimal goal) {
        boolean met = target > 0 && BigDecimal.valueOf(enrolled).compareTo(goal.multiply(BigDecimal.valueOf(target))) >= 0;
        return new Figures(township, townshipName, target, registered, enrolled, rate, selfPaid, assisted, assistedByCategory,
                localHukou, nonLocal, goal, met, eVoucherTarget, eVoucherActivated, eVoucherRate);
    }

    /** The same figures with the unit's e-voucher activations against its target (none when it has no target). */
    public Figures withEVouchers(Integer target, int activated) {
        if (target == null) {
            return this;
        }
        return new Figures(township, townshipName, this.target, registered, enrolled, rate, selfPaid, assisted, assistedByCategory,
                localHukou, nonLocal, goal, goalMet, target, activated, rate(activated, target));
    }

    /** Registered and enrolled among one part of the residents (local household register or not). */
    public record Split(int registered, int enrolled) {

        Split plus(Split other) {
            return new Split(registered + other.registered, enrolled + other.enrolled);
        }
    }

    /** enrolled / target, 4 decimals, half-up (DOMAIN.md); no target, no rate to speak of. */
    static BigDecimal rate(int enrolled, int target) {
        if (target == 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        return BigDecimal.valueOf(enrolled).divide(BigDecimal.valueOf(target), 4, RoundingMode.HALF_UP);
    }

    public static Figures total(Iterable<Figures> townships) {
        int target = 0;
        int registered = 0;
        int enrolled = 0;
        int selfPaid = 0;
        int assisted = 0;
        Map<String, Integer> byCategory = new TreeMap<>();
        Split local = new Split(0, 0);
        Split nonLocal = new Split(0, 0);
        for (Figures township : townships) {
            target += township.target;
            registered += township.registered;
            enrolled += township.enrolled;
            selfPaid += township.selfPaid;
            assisted += township.assisted;
            township.assistedByCategory.forEach((category, count) -> byCategory.merge(category, count, Integer::sum));
            local = local.plus(township.localHukou);
            nonLocal = nonLocal.plus(township.nonLocal);
        }
        return new Figures(null, null, target, registered, enrolled, rate(enrolled, target), selfPaid, assisted, byCategory,
                local, nonLocal);
    }
}
