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
 *     family) or within {@link #DAYS_NEAR_BIRTH} days of the earliest birth its records show (beside a 6+1 mask
 *     {@link #DAYS_NEAR_BIRTH_BESIDE_THE_CHECK_CHARACTER}): such a date travels only as
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
     * The same beside a 6+1 mask, whose check character divides the candidates by 11: d x 500 / 11 leaves 10,000 from 220
     * days (a date in the birth year of someone certified long ago, 一级残疾 in June of a boy born in March 2012, next to his
     * enrolment's birth year). Such a date lies a year or more before any campaign the person is assessed by, so taking
     * effect from the birth changes no year's assistance.
     */
    static final int DAYS_NEAR_BIRTH_BESIDE_THE_CHECK_CHARACTER = 221;

    /**
     * @param openings the days the region's known campaigns opened their collection periods: a NEWBORN is one born after
     *     the opening (public), and a coverage from birth says born in the year (after 1 January)
     * @param checkCharacterShown whether the person's records show the number 6+1 (not the county alone)
     */
    static boolean nearBirth(LocalDate effectiveDate, LocalDate birthDate, List<LocalDate> openings, boolean checkCharacterShown) {
        LocalDate earliestShown = openings.stream().filter(opening -> opening.isBefore(birthDate)).map(opening -> opening.plusDays(1))
                .filter(day -> day.isAfter(birthDate.withDayOfYear(1))).max(Comparator.naturalOrder())
                .orElse(birthDate.withDayOfYear(1));
        return effectiveDate.equals(birthDate)
                || !effectiveDate.isBefore(birthDate) && effectiveDate.isBefore(earliestShown.plusDays(checkCharacterShown
                        ? DAYS_NEAR_BIRTH_BESIDE_THE_CHECK_CHARACTER : DAYS_NEAR_BIRTH));
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
