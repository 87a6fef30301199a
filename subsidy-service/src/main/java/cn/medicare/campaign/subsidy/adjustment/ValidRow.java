package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.identity.PersonIds;
import java.time.LocalDate;

/**
 * A row that passed every check, with its values read.
 *
 * @param effectiveFromBirth whether the row takes effect on the birth date of the ID number (a newborn of an assisted
 *     family): that date travels only as a flag (EVENTS.md, "Personal data on the bus")
 */
record ValidRow(String idNumber, String township, String village, String region, AdjustmentAction action,
        AssistanceCategory category, LocalDate effectiveDate, boolean effectiveFromBirth) {

    @Override
    public String toString() {
        return "ValidRow[idNumber=" + PersonIds.maskIdNumber(idNumber) + ", township=" + township + ", village=" + village
                + ", action=" + action + ", category=" + category + ", effectiveDate=" + effectiveDate + "]";
    }
}
