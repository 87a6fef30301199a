package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.AssistanceSubcategory;
import cn.medicare.campaign.contracts.identity.NearBirthRule;
import cn.medicare.campaign.contracts.identity.PersonIds;
import java.time.LocalDate;

/**
 * A row that passed every check, with its values read.
 *
 * @param subcategory the finer name the row gave within its category (农村低保), null where it named the category alone
 * @param effectiveFromBirth whether the row takes effect on the birth date of the ID number (a newborn of an assisted
 *     family) or near it ({@link NearBirthRule}): such a date travels only as the flag, the birth's (EVENTS.md, "Personal
 *     data on the bus")
 */
record ValidRow(String idNumber, String township, String village, String region, AdjustmentAction action,
        AssistanceCategory category, AssistanceSubcategory subcategory, LocalDate effectiveDate, boolean effectiveFromBirth) {

    /**
     * For logs and exception messages: the county alone and a date near the birth as the flag, since such a date beside the
     * check character leaves about a hundred numbers, and a log line's reader is not the agency that sent them.
     */
    @Override
    public String toString() {
        return "ValidRow[idNumber=" + PersonIds.maskIdNumberToCounty(idNumber) + ", township=" + township + ", village=" + village
                + ", action=" + action + ", category=" + category + ", subcategory=" + subcategory + ", effectiveDate=" + (effectiveFromBirth ? "near the birth" : effectiveDate)
                + "]";
    }
}
