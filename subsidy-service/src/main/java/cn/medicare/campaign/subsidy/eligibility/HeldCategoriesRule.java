package cn.medicare.campaign.subsidy.eligibility;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which assistance categories a person holds for a coverage year. Same contribution, same subsidy
 * (同缴同补): a change effective by the end of the year's collection period counts for that year,
 * a later one only from the next year on. The latest effective row decides; an ADD and an EXIT
 * effective the same day end in EXIT, whichever came first, as reporting counts them (the order in
 * which facts arrive never changes the result, DOMAIN.md).
 */
public final class HeldCategoriesRule {

    private HeldCategoriesRule() {
    }

    /**
     * @param region the county of the enrolment: another county's agency certifies for its own (免申即享 where registered)
     * @param collectionEnd the last day of the coverage year's collection period
     */
    public static Set<AssistanceCategory> heldFor(List<Certification> certifications, String region, LocalDate collectionEnd) {
        Map<AssistanceCategory, Certification> latest = new EnumMap<>(AssistanceCategory.class);
        certifications.stream()
                .filter(certification -> certification.countsIn(region) && !certification.effectiveDate().isAfter(collectionEnd))
                .sorted(Comparator.comparing(Certification::effectiveDate).thenComparing(Certification::action)
                        .thenComparingLong(Certification::sequence))
                .forEach(certification -> latest.put(certification.category(), certification));
        Set<AssistanceCategory> held = EnumSet.noneOf(AssistanceCategory.class);
        latest.forEach((category, certification) -> {
            if (certification.action() == AdjustmentAction.ADD) {
                held.add(category);
            }
        });
        return held;
    }
}
