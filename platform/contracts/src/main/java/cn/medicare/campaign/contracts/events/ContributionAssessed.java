package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import cn.medicare.campaign.contracts.codes.AssessmentReason;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * 核定缴费: what the person owes for the year; {@code assistanceCategory} is the one category
 * applied (the most favourable), absent when the person is not assisted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContributionAssessed(
        String personId,
        int coverageYear,
        String region,
        BigDecimal standardAmount,
        BigDecimal subsidyAmount,
        BigDecimal payableAmount,
        AssistanceCategory assistanceCategory,
        AssessmentReason reason) implements PersonEvent {

    public ContributionAssessed {
        requireNonNull(personId, "personId");
        requireNonNull(region, "region");
        standardAmount = Amounts.yuan(requireNonNull(standardAmount, "standardAmount"));
        subsidyAmount = Amounts.yuan(requireNonNull(subsidyAmount, "subsidyAmount"));
        payableAmount = Amounts.yuan(requireNonNull(payableAmount, "payableAmount"));
        requireNonNull(reason, "reason");
    }

    @Override
    public EventType type() {
        return EventType.CONTRIBUTION_ASSESSED;
    }
}
