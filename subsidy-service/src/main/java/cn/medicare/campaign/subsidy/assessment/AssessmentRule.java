package cn.medicare.campaign.subsidy.assessment;

import cn.medicare.campaign.contracts.codes.AmountRule;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.AssistedPart;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.policy.EnrolmentPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/**
 * 资助参保: the standard amount of the person's category (plus the fiscal part where the enrolment
 * owes it, {@link EnrolmentPolicy#standardAmount}) less the largest subsidy among the assistance
 * categories held that the campaign assists (the most favourable one, never the sum). The subsidy
 * is of the standard, as EVENTS.md's modes are (FULL pays 0), unless the campaign's late enrolment
 * says it reduces the individual part only ({@link AssistedPart#INDIVIDUAL}). All figures come from
 * the campaign: a category the campaign gives no rule (稳定脱贫, usually) reduces nothing.
 */
final class AssessmentRule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private AssessmentRule() {
    }

    static Assessment assess(CampaignDefined campaign, PersonCategory personCategory, AmountRule amountRule,
            Set<AssistanceCategory> held) {
        BigDecimal standard = EnrolmentPolicy.standardAmount(campaign, personCategory, amountRule);
        boolean individualPartOnly = campaign.lateEnrolment() != null
                && campaign.lateEnrolment().assistanceReducesOrDefault() == AssistedPart.INDIVIDUAL;
        BigDecimal assisted = individualPartOnly ? campaign.contributions().amountFor(personCategory) : standard;
        BigDecimal best = BigDecimal.ZERO.setScale(2);
        AssistanceCategory bestCategory = null;
        for (CampaignDefined.Assistance rule : campaign.assistance()) {
            for (AssistanceCategory category : rule.categories()) {
                if (!held.contains(category)) {
                    continue;
                }
                BigDecimal subsidy = subsidy(rule, assisted);
                // strictly larger: on a tie the earlier rule of the campaign stays
                if (subsidy.compareTo(best) > 0) {
                    best = subsidy;
                    bestCategory = category;
                }
            }
        }
        return new Assessment(standard, best, standard.subtract(best), bestCategory);
    }

    private static BigDecimal subsidy(CampaignDefined.Assistance rule, BigDecimal assisted) {
        return switch (rule.mode()) {
            case FULL -> assisted;
            case FIXED -> rule.subsidy().min(assisted);
            case PERCENT -> assisted.multiply(rule.percent()).divide(HUNDRED, 2, RoundingMode.HALF_UP).min(assisted);
        };
    }
}
