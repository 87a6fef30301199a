package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.AssistanceSubcategory;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * 动态调整: one accepted row of an agency's monthly list, adding a person to or removing them
 * from an assistance category the agency certifies.
 *
 * @param effectiveDate absent when the row takes effect on the person's birth date (a newborn of an
 *     assisted family), or within 21 days of the earliest birth the person's records show (221 beside a 6+1
 *     mask, whose check character divides the candidates by 11): next to the region that date would narrow the
 *     ID number to about a thousand candidates, and next to the newborn's enrolment to a few thousand (EVENTS.md,
 *     "Personal data on the bus"); then {@code effectiveFromBirth} is true
 * @param effectiveFromBirth true when the row takes effect from the birth: on its date, or within those first
 *     days (docs/deviations.md); absent otherwise. Nothing can take effect before a birth, so such a row is the
 *     earliest of the person's
 * @param subcategory the list's finer name within the category (农村低保, 城镇低保, 一级残疾), absent where the list named the
 *     category alone (低保对象, MINIMUM_LIVING): an EXIT names the subcategory it ends, or with none every certification of
 *     the category (docs/events.md)
 * @param contactSealed the phone the list gave (附件3's 联系电话), sealed for the reporting service alone, as PersonEnrolled's
 *     contact is: the Friday list of the certified not enrolled reaches by it someone never enrolled in the county; absent
 *     where the row gave none (additive, since session 43)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EligibilityAdjusted(
        String personId,
        int coverageYear,
        String region,
        Agency agency,
        AssistanceCategory category,
        AdjustmentAction action,
        LocalDate effectiveDate,
        Boolean effectiveFromBirth,
        String batchId,
        String township,
        String village,
        AssistanceSubcategory subcategory,
        String contactSealed) implements PersonEvent {

    /** A row without a contact to pass on. */
    public EligibilityAdjusted(String personId, int coverageYear, String region, Agency agency, AssistanceCategory category,
            AdjustmentAction action, LocalDate effectiveDate, Boolean effectiveFromBirth, String batchId, String township, String village,
            AssistanceSubcategory subcategory) {
        this(personId, coverageYear, region, agency, category, action, effectiveDate, effectiveFromBirth, batchId, township, village,
                subcategory, null);
    }

    /** A row effective on a day other than the birth date, naming its category alone. */
    public EligibilityAdjusted(String personId, int coverageYear, String region, Agency agency, AssistanceCategory category,
            AdjustmentAction action, LocalDate effectiveDate, String batchId, String township, String village) {
        this(personId, coverageYear, region, agency, category, action, requireNonNull(effectiveDate, "effectiveDate"), null, batchId,
                township, village, null, null);
    }

    public EligibilityAdjusted {
        requireNonNull(personId, "personId");
        requireNonNull(region, "region");
        requireNonNull(agency, "agency");
        requireNonNull(category, "category");
        requireNonNull(action, "action");
        if (Boolean.FALSE.equals(effectiveFromBirth)) {
            effectiveFromBirth = null;
        }
        if ((effectiveDate == null) == (effectiveFromBirth == null)) {
            throw new IllegalArgumentException("exactly one of effectiveDate and effectiveFromBirth: a birth date travels as the flag alone");
        }
        requireNonNull(batchId, "batchId");
        requireNonNull(township, "township");
        requireNonNull(village, "village");
        if (subcategory != null && subcategory.category() != category) {
            throw new IllegalArgumentException("subcategory " + subcategory + " is not one of " + category);
        }
    }

    @Override
    public EventType type() {
        return EventType.ELIGIBILITY_ADJUSTED;
    }
}
