package cn.medicare.campaign.subsidy.eligibility;

import java.time.LocalDate;
import java.util.Map;

/**
 * The coverage year an adjustment first counts for: the earliest known campaign whose assistance
 * cut-off (同缴同补: the end of the collection period unless the campaign sets another day) has not
 * passed by the effective date, else the year after the effective date, the year whose campaign
 * will collect next.
 */
public final class AdjustmentYearRule {

    private AdjustmentYearRule() {
    }

    /** @param cutoffs the assistance cut-off, by coverage year, of the region's known campaigns */
    public static int of(LocalDate effectiveDate, Map<Integer, LocalDate> cutoffs) {
        return cutoffs.entrySet().stream()
                .filter(campaign -> !effectiveDate.isAfter(campaign.getValue()))
                .mapToInt(Map.Entry::getKey)
                .min()
                .orElse(effectiveDate.getYear() + 1);
    }
}
