package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.identity.PersonIds;
import java.time.LocalDate;

/**
 * A row that passed every check, with its values read.
 *
 * @param effectiveFromBirth whether the row takes effect on the birth date of the ID number (a newborn of an assisted
 *     family) or within {@link #DAYS_NEAR_BIRTH} days of it: such a date travels only as the flag, the birth's (EVENTS.md,
 *     "Personal data on the bus")
 */
record ValidRow(String idNumber, String township, String village, String region, AdjustmentAction action,
        AssistanceCategory category, LocalDate effectiveDate, boolean effectiveFromBirth) {

    /**
     * A newborn's enrolment says it was born after 1 January (coverage from birth) and its sex: a date d days after the
     * earliest such birth on a record of the same person leaves d x 500 numbers, and EVENTS.md asks for 10,000.
     */
    static final int DAYS_NEAR_BIRTH = 20;

    static boolean nearBirth(LocalDate effectiveDate, LocalDate birthDate) {
        return !effectiveDate.isBefore(birthDate) && effectiveDate.isBefore(birthDate.plusDays(DAYS_NEAR_BIRTH));
    }

    @Override
    public String toString() {
        return "ValidRow[idNumber=" + PersonIds.maskIdNumber(idNumber) + ", township=" + township + ", village=" + village
                + ", action=" + action + ", category=" + category + ", effectiveDate=" + effectiveDate + "]";
    }
}
