package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import java.time.LocalDate;

/**
 * 动态调整: one accepted row of an agency's monthly list, adding a person to or removing them
 * from an assistance category the agency certifies.
 */
public record EligibilityAdjusted(
        String personId,
        int coverageYear,
        String region,
        Agency agency,
        AssistanceCategory category,
        AdjustmentAction action,
        LocalDate effectiveDate,
        String batchId,
        String township,
        String village) implements PersonEvent {

    public EligibilityAdjusted {
        requireNonNull(personId, "personId");
        requireNonNull(region, "region");
        requireNonNull(agency, "agency");
        requireNonNull(category, "category");
        requireNonNull(action, "action");
        requireNonNull(effectiveDate, "effectiveDate");
        requireNonNull(batchId, "batchId");
        requireNonNull(township, "township");
        requireNonNull(village, "village");
    }

    @Override
    public EventType type() {
        return EventType.ELIGIBILITY_ADJUSTED;
    }
}
