package cn.medicare.campaign.subsidy.eligibility;

import java.time.LocalDate;
import java.util.Map;

/**
 * The coverage year an adjustment first counts for: the earliest known campaign whose assistance
 * cut-off (同缴同补: the end of the collection period unless the campaign sets another day) has not
 * passed by the effective date. Else a campaign not known yet: the year after the latest known one
 * whose cut-off has passed (Lishi's period ends on 25 December, so a certification of the 28th
 * counts for the year after the one collecting in those days), and never before the year after the
 * effective date, whose campaign collects in the effective date's year.
 */
public final class AdjustmentYearRule {

    private AdjustmentYearRule() {
    }

    /** @param cutoffs the assistance cut-off, by coverage year, of the region's known campaigns */
    public static int of(LocalDate effectiveDate, Map<Integer, LocalDate> cutoffs) {
        int latestPassed = cutoffs.entrySet().stream()
                .filter(campaign -> effectiveDate.isAfter(campaign.getValue()))
                .mapToInt(Map.Entry::getKey)
                .max()
                .orElse(0);
        return cutoffs.entrySet().stream()
                .filter(campaign -> !effectiveDate.isAfter(campaign.getValue()))
                .mapToInt(Map.Entry::getKey)
                .min()
                .orElse(Math.max(effectiveDate.getYear() + 1, latestPassed + 1));
    }
}
