package cn.medicare.campaign.subsidy.assessment;

import static java.util.Objects.requireNonNull;

import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 核定缴费: what a person owes for a year.
 *
 * @param assistanceCategory the category that gave the subsidy; null when the person is not assisted
 */
public record Assessment(BigDecimal standardAmount, BigDecimal subsidyAmount, BigDecimal payableAmount,
        AssistanceCategory assistanceCategory) {

    public Assessment {
        // amounts compare by value and scale, so every assessment holds fen exactly
        standardAmount = requireNonNull(standardAmount, "standardAmount").setScale(2, RoundingMode.UNNECESSARY);
        subsidyAmount = requireNonNull(subsidyAmount, "subsidyAmount").setScale(2, RoundingMode.UNNECESSARY);
        payableAmount = requireNonNull(payableAmount, "payableAmount").setScale(2, RoundingMode.UNNECESSARY);
    }
}
