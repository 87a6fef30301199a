package cn.medicare.campaign.subsidy.eligibility;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which assistance categories a person holds for a coverage year. Same contribution, same subsidy
 * (同缴同补): a change effective by the end of the year's collection period counts for that year,
 * a later one only from the next year on. A person holds a category while an ADD of it stands that no
 * EXIT effective the same day or later ends ({@link Certification#ends}): an ADD and an EXIT effective
 * the same day end in EXIT, whichever came first, as reporting counts them (the order in which facts
 * arrive never changes the result, DOMAIN.md), while an EXIT of one subcategory leaves an ADD of another
 * (a 农转城 transfer, EXIT 农村低保 and ADD 城镇低保, keeps the person's 低保).
 */
public final class HeldCategoriesRule {

    private HeldCategoriesRule() {
    }

    /**
     * @param region the county of the enrolment: another county's agency certifies for its own (免申即享 where registered)
     * @param collectionEnd the campaign's assistance cut-off (default the last day of the year's collection period)
     * @param additionsUntil the cut-off itself, or for an enrolment whose case is the certification (新认定困难人员,
     *     福利机构收留儿童) the year's end: an ADD after the cut-off up to then makes its category held too, while an EXIT
     *     after the cut-off counts from the next year, as for everyone (同缴同补: assisted when enrolled, the person is not
     *     asked for the rest when the assistance ends in June); an EXIT of the same day that ends the ADD still wins
     * @param enrolledOn the enrolment's day (null where unknown): the additions after the cut-off that count are those that
     *     led to the enrolment, up to its day, or the first one after it (民政's 低保 takes effect the month after the
     *     approval the person enrolled on); a later one counts from the next year, as for everyone. A person who enrolled in
     *     March as newly 返贫致贫 and became 特困 in October owed nothing since October, and 先缴后返 paid them back
     * @param certificationWithinMonths that first one counts if it takes effect by the end of the N-th month after the
     *     enrolment's month (0: its own month; the campaign's rule for the case, {@code CampaignDefined.certificationWithinMonths})
     * @param assisted whether the campaign assists a category: only an addition of one it assists can have led to the enrolment
     *     (a 低保边缘 the county does not assist, listed in February, leaves the 低保 of April the person enrolled on in March)
     */
    public static Set<AssistanceCategory> heldFor(List<Certification> certifications, String region, LocalDate collectionEnd,
            LocalDate additionsUntil, LocalDate enrolledOn, int certificationWithinMonths, Predicate<AssistanceCategory> assisted) {
        Set<AssistanceCategory> held = heldBy(certifications, region, collectionEnd);
        List<Certification> afterCutoff = certifications.stream().filter(certification -> certification.countsIn(region)
                && certification.effectiveDate().isAfter(collectionEnd) && !certification.effectiveDate().isAfter(additionsUntil)).toList();
        LocalDate until = enrolledOn == null || !additionsUntil.isAfter(collectionEnd) ? additionsUntil
                : ledTo(afterCutoff.stream().filter(certification -> assisted.test(certification.category())).toList(), enrolledOn,
                        certificationWithinMonths);
        List<Certification> later = afterCutoff.stream().filter(certification -> !certification.effectiveDate().isAfter(until)).toList();
        later.stream().filter(addition -> addition.action() == AdjustmentAction.ADD && later.stream()
                        .noneMatch(exit -> exit.effectiveDate().equals(addition.effectiveDate()) && exit.ends(addition)))
                .forEach(addition -> held.add(addition.category()));
        return held;
    }

    /**
     * The enrolment's day where an addition after the cut-off had taken effect by then; else the day of the first one after
     * it, if it takes effect by the end of the campaign's months after the enrolment's month (by default the next month's:
     * 低保 approved in March takes effect in April, the month after); else the enrolment's day: an addition months later is
     * not what the person enrolled on (a person already assisted at the cut-off who became 特困 in October).
     */
    private static LocalDate ledTo(List<Certification> afterCutoff, LocalDate enrolledOn, int withinMonths) {
        List<LocalDate> additions = afterCutoff.stream().filter(certification -> certification.action() == AdjustmentAction.ADD)
                .map(Certification::effectiveDate).sorted().toList();
        if (additions.isEmpty() || !additions.get(0).isAfter(enrolledOn)) {
            return enrolledOn;
        }
        LocalDate windowEnd = YearMonth.from(enrolledOn).plusMonths(withinMonths).atEndOfMonth();
        return additions.get(0).isAfter(windowEnd) ? enrolledOn : additions.get(0);
    }

    private static Set<AssistanceCategory> heldBy(List<Certification> certifications, String region, LocalDate collectionEnd) {
        List<Certification> byThen = certifications.stream()
                .filter(certification -> certification.countsIn(region) && !certification.effectiveDate().isAfter(collectionEnd))
                .toList();
        Set<AssistanceCategory> held = EnumSet.noneOf(AssistanceCategory.class);
        byThen.stream().filter(addition -> addition.action() == AdjustmentAction.ADD && byThen.stream()
                        .noneMatch(exit -> !exit.effectiveDate().isBefore(addition.effectiveDate()) && exit.ends(addition)))
                .forEach(addition -> held.add(addition.category()));
        return held;
    }
}
