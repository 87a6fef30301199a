package cn.medicare.campaign.subsidy.assessment;

import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/**
 * 资助参保: the standard amount of the person's category less the largest subsidy among the
 * assistance categories held (the most favourable one, never the sum). All figures come from the
 * campaign.
 */
final class AssessmentRule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private AssessmentRule() {
    }

    static Assessment assess(CampaignDefined campaign, PersonCategory personCategory, Set<AssistanceCategory> held) {
        BigDecimal standard = campaign.contributions().amountFor(personCategory);
        BigDecimal best = BigDecimal.ZERO.setScale(2);
        AssistanceCategory bestCategory = null;
        for (CampaignDefined.Assistance rule : campaign.assistance()) {
            for (AssistanceCategory category : rule.categories()) {
                if (!held.contains(category) || !category.grantsAssistance()) {
                    continue;
                }
                BigDecimal subsidy = subsidy(rule, standard);
                // strictly larger: on a tie the earlier rule of the campaign stays
                if (subsidy.compareTo(best) > 0) {
                    best = subsidy;
                    bestCategory = category;
                }
            }
        }
        return new Assessment(standard, best, standard.subtract(best), bestCategory);
    }

    private static BigDecimal subsidy(CampaignDefined.Assistance rule, BigDecimal standard) {
        return switch (rule.mode()) {
            case FULL -> standard;
            case FIXED -> rule.subsidy().min(standard);
            case PERCENT -> standard.multiply(rule.percent()).divide(HUNDRED, 2, RoundingMode.HALF_UP).min(standard);
        };
    }
}
