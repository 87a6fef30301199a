package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.AssistanceSubcategory;
import cn.medicare.campaign.contracts.identity.PersonIds;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A row that passed every check, with its values read.
 *
 * @param subcategory the finer name the row gave within its category (农村低保), null where it named the category alone
 * @param effectiveFromBirth whether the row takes effect on the birth date of the ID number (a newborn of an assisted
 *     family) or within {@link #DAYS_NEAR_BIRTH} days of the earliest birth its records show: such a date travels only as
 *     the flag, the birth's (EVENTS.md, "Personal data on the bus")
 */
record ValidRow(String idNumber, String township, String village, String region, AdjustmentAction action,
        AssistanceCategory category, AssistanceSubcategory subcategory, LocalDate effectiveDate, boolean effectiveFromBirth) {

    /**
     * Days from the earliest birth a reader of the person's records can tell within which a row's date travels as the
     * birth's: a date d days after it leaves d x 500 candidate numbers (with the sex of the enrolment on the same person id),
     * and EVENTS.md asks for 10,000. Counted from what is public, never from the birth itself: the flag would tell it.
     */
    static final int DAYS_NEAR_BIRTH = 21;

    /**
     * @param openings the days the region's known campaigns opened their collection periods: a NEWBORN is one born after
     *     the opening (public), and a coverage from birth says born in the year (after 1 January)
     */
    static boolean nearBirth(LocalDate effectiveDate, LocalDate birthDate, List<LocalDate> openings) {
        LocalDate earliestShown = openings.stream().filter(opening -> opening.isBefore(birthDate)).map(opening -> opening.plusDays(1))
                .filter(day -> day.isAfter(birthDate.withDayOfYear(1))).max(Comparator.naturalOrder())
                .orElse(birthDate.withDayOfYear(1));
        return effectiveDate.equals(birthDate)
                || !effectiveDate.isBefore(birthDate) && effectiveDate.isBefore(earliestShown.plusDays(DAYS_NEAR_BIRTH));
    }

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
