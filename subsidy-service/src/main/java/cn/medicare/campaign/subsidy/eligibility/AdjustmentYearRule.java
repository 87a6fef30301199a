package cn.medicare.campaign.subsidy.eligibility;

import java.time.LocalDate;
import java.util.Map;

/**
 * The coverage year an adjustment first counts for: the earliest known campaign whose collection
 * period has not ended by the effective date (同缴同补), else the year after the effective date,
 * the year whose campaign will collect next.
 */
public final class AdjustmentYearRule {

    private AdjustmentYearRule() {
    }

    /** @param collectionEnds last day of the collection period, by coverage year, of the region's known campaigns */
    public static int of(LocalDate effectiveDate, Map<Integer, LocalDate> collectionEnds) {
        return collectionEnds.entrySet().stream()
                .filter(campaign -> !effectiveDate.isAfter(campaign.getValue()))
                .mapToInt(Map.Entry::getKey)
                .min()
                .orElse(effectiveDate.getYear() + 1);
    }
}
