package cn.medicare.campaign.subsidy.eligibility;

import static java.util.Objects.requireNonNull;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.AssistanceSubcategory;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 资助身份认定: one accepted row of an agency list about one person.
 *
 * @param subcategory the finer name the row gave (农村低保), null where it named the category alone (低保对象)
 */
public record Certification(AssistanceCategory category, AssistanceSubcategory subcategory, AdjustmentAction action,
        LocalDate effectiveDate, String region) {

    public Certification {
        requireNonNull(category, "category");
        requireNonNull(action, "action");
        requireNonNull(effectiveDate, "effectiveDate");
    }

    /** Whether it counts for an enrolment in the county: its own county's, or one certified before the county was kept. */
    boolean countsIn(String enrolmentRegion) {
        return region == null || region.equals(enrolmentRegion);
    }

    /**
     * Whether this EXIT ends {@code addition}: one of its category, of the same subcategory or where either names the category
     * alone. EXIT 农村低保 leaves ADD 城镇低保 (a 农转城 transfer) but ends ADD 低保对象; EXIT 低保对象 ends every 低保.
     */
    boolean ends(Certification addition) {
        return action == AdjustmentAction.EXIT && addition.category == category
                && (subcategory == null || addition.subcategory == null || Objects.equals(subcategory, addition.subcategory));
    }
}
