package cn.medicare.campaign.subsidy.roster;

import cn.medicare.campaign.contracts.codes.AmountRule;
import cn.medicare.campaign.contracts.codes.PersonCategory;

/**
 * 参保登记 of one person for one coverage year, as far as the assessment needs it.
 *
 * @param amountRule what the campaign charges this enrolment (individual, or individual + fiscal outside the period)
 */
public record Enrolment(String personId, int coverageYear, String region, PersonCategory personCategory,
        String township, String village, boolean withdrawn, AmountRule amountRule) {
}
