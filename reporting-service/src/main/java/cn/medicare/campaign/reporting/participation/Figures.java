package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.contracts.events.TargetsSet;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The participation figures of one unit, or of the whole county ({@code township} and {@code unit}
 * absent): 应参保 target, registered, 参保 enrolled (registered and settled), rate, self-paid and assisted.
 * A township-level row names its township; a village or school row names itself in {@code unit},
 * with its township in {@code township} where it has one.
 *
 * @param goal the rate the campaign asks of the unit (absent where the answer does not judge it)
 * @param goalMet whether the exact rate reached it (never the rounded one)
 * @param eVoucherTarget where the unit has one: how many must activate the e-voucher (医保电子凭证激活)
 * @param eVoucherActivated registered residents of the unit who activated it
 * @param eVoucherRate activated / e-voucher target, 4 decimals, half-up
 * @param type VILLAGE or SCHOOL for those rows, EDUCATION_SYSTEM for that row; absent for a township
 * @param assistedPeople per township: the people the agencies certified (must all be enrolled)
 * @param newborns per township: newborns enrolled, and those enrolled within the days that cover them from birth
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Figures(String township, String townshipName, int target, int registered, int enrolled, BigDecimal rate,
        int selfPaid, int assisted, Map<String, Integer> assistedByCategory, Split localHukou, Split nonLocal, BigDecimal goal,
        Boolean goalMet, Integer eVoucherTarget, Integer eVoucherActivated, BigDecimal eVoucherRate, String unit, String unitName,
        TargetsSet.UnitType type, Judged assistedPeople, Judged newborns) {

    public Figures(String township, String townshipName, int target, int registered, int enrolled, BigDecimal rate,
            int selfPaid, int assisted, Map<String, Integer> assistedByCategory, Split localHukou, Split nonLocal) {
        this(township, townshipName, target, registered, enrolled, rate, selfPaid, assisted, assistedByCategory, localHukou, nonLocal,
                null, null, null, null, null, null, null, null, null, null);
    }

    /** The code the unit is known by at its level: the village's or school's, else the township's. */
    public String key() {
        return unit != null ? unit : township;
    }

    public String name() {
        return unitName != null ? unitName : townshipName;
    }

    /** The same figures as those of a village or school, inside {@code township} (null for a school of the education system). */
    Figures asUnit(String unit, String unitName, TargetsSet.UnitType type, String township, String townshipName) {
        return new Figures(township, townshipName, target, registered, enrolled, rate, selfPaid, assisted, assistedByCategory,
                localHukou, nonLocal, goal, goalMet, eVoucherTarget, eVoucherActivated, eVoucherRate, unit, unitName, type,
                assistedPeople, newborns);
    }

    /** The same figures judged against {@code goal}: met when enrolled ≥ goal × target. */
    public Figures withGoal(BigDecimal goal) {
        return new Figures(township, townshipName, target, registered, enrolled, rate, selfPaid, assisted, assistedByCategory,
                // a unit with nobody to enrol is not judged, as its stages are not: "not met" would rank it short for nothing
                localHukou, nonLocal, goal, target == 0 ? null : Judged.met(enrolled, target, goal), eVoucherTarget, eVoucherActivated, eVoucherRate, unit,
                unitName, type, assistedPeople, newborns);
    }

    /** The same figures with the unit's e-voucher activations against its target (none when it has no target). */
    public Figures withEVouchers(Integer target, int activated) {
        if (target == null) {
            return this;
        }
        return new Figures(township, townshipName, this.target, registered, enrolled, rate, selfPaid, assisted, assistedByCategory,
                localHukou, nonLocal, goal, goalMet, target, activated, rate(activated, target), unit, unitName, type, assistedPeople,
                newborns);
    }

    /** The same figures with the township's assisted people and newborns judged against their goals. */
    public Figures withGroups(Judged assistedPeople, Judged newborns) {
        return new Figures(township, townshipName, target, registered, enrolled, rate, selfPaid, assisted, assistedByCategory,
                localHukou, nonLocal, goal, goalMet, eVoucherTarget, eVoucherActivated, eVoucherRate, unit, unitName, type,
                assistedPeople, newborns);
    }

    /**
     * Registered and enrolled among one part of the residents (local household register or not), the
     * part of the target set for them where the unit has one, and how many of the enrolled paid
     * everything themselves (附件5's 居民自费参保人数, 本地居民 / 外籍户口).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Split(int registered, int enrolled, Integer target, int selfPaid) {

        public Split(int registered, int enrolled) {
            this(registered, enrolled, null, 0);
        }

        Split plus(Split other) {
            Integer targets = target;
            if (other.target != null) {
                targets = target == null ? other.target : Integer.valueOf(target + other.target);
            }
            return new Split(registered + other.registered, enrolled + other.enrolled, targets, selfPaid + other.selfPaid);
        }

        Split withoutTarget() {
            return new Split(registered, enrolled, null, selfPaid);
        }
    }

    /**
     * A group that must all be enrolled (DOMAIN.md: assisted groups 100 %, newborns 100 % within 90
     * days): {@code done} of {@code of}, judged against the campaign's goal on the exact share.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Judged(int of, int done, BigDecimal rate, BigDecimal goal, Boolean goalMet) {

        public static Judged of(int of, int done, BigDecimal goal) {
            return new Judged(of, done, Figures.rate(done, of), goal, goal == null ? null : of == 0 || met(done, of, goal));
        }

        Judged plus(Judged other) {
            return of(of + other.of, done + other.done, goal);
        }

        static boolean met(int done, int of, BigDecimal goal) {
            return of > 0 && BigDecimal.valueOf(done).compareTo(goal.multiply(BigDecimal.valueOf(of))) >= 0;
        }
    }

    /** enrolled / target, 4 decimals, half-up (DOMAIN.md); no target, no rate to speak of. */
    static BigDecimal rate(int enrolled, int target) {
        if (target == 0) {
            return BigDecimal.ZERO.setScale(4);
        }
        return BigDecimal.valueOf(enrolled).divide(BigDecimal.valueOf(target), 4, RoundingMode.HALF_UP);
    }

    public static Figures total(Iterable<Figures> units) {
        int target = 0;
        int registered = 0;
        int enrolled = 0;
        int selfPaid = 0;
        int assisted = 0;
        Map<String, Integer> byCategory = new TreeMap<>();
        Split local = new Split(0, 0);
        Split nonLocal = new Split(0, 0);
        Judged assistedPeople = null;
        Judged newborns = null;
        boolean everyUnitSplit = true;
        for (Figures unit : units) {
            target += unit.target;
            registered += unit.registered;
            enrolled += unit.enrolled;
            selfPaid += unit.selfPaid;
            assisted += unit.assisted;
            unit.assistedByCategory.forEach((category, count) -> byCategory.merge(category, count, Integer::sum));
            local = local.plus(unit.localHukou);
            nonLocal = nonLocal.plus(unit.nonLocal);
            everyUnitSplit &= unit.target == 0 || unit.localHukou.target != null && unit.nonLocal.target != null;
            assistedPeople = sum(assistedPeople, unit.assistedPeople);
            newborns = sum(newborns, unit.newborns);
        }
        // the split's targets of some units only would not add up to the total's (Lishi's 教育系统 has none)
        return new Figures(null, null, target, registered, enrolled, rate(enrolled, target), selfPaid, assisted, byCategory,
                everyUnitSplit ? local : local.withoutTarget(), everyUnitSplit ? nonLocal : nonLocal.withoutTarget())
                .withGroups(assistedPeople, newborns);
    }

    private static Judged sum(Judged sum, Judged one) {
        return one == null ? sum : sum == null ? one : sum.plus(one);
    }
}
