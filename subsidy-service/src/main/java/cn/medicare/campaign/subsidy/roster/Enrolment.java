package cn.medicare.campaign.subsidy.roster;

import cn.medicare.campaign.contracts.codes.AmountRule;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.SpecialCase;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import java.time.LocalDate;

/**
 * 参保登记 of one person for one coverage year, as far as the assessment needs it.
 *
 * @param amountRule what the campaign charges this enrolment (individual, or individual + fiscal outside the period)
 * @param coverageRule the rule that decided the enrolment (PersonEnrolled.coverageRule), where it said
 * @param enrolledOn the enrolment's business day; null for one kept before subsidy V10
 */
public record Enrolment(String personId, int coverageYear, String region, PersonCategory personCategory,
        String township, String village, boolean withdrawn, AmountRule amountRule, String coverageRule, LocalDate enrolledOn) {

    /**
     * The last day an ADD counts for this enrolment's year: the campaign's cut-off, or the year's end for a case that is
     * about assistance (the case is the certification). An EXIT counts up to the campaign's cut-off for everyone.
     */
    public LocalDate additionsCountUntil(LocalDate campaignCutoff) {
        SpecialCase specialCase = SpecialCase.named(coverageRule);
        return specialCase != null && specialCase.assistedWithinTheYear() ? LocalDate.of(coverageYear, 12, 31) : campaignCutoff;
    }

    /** The campaign's rule for this enrolment's case; only a case about assistance uses it ({@link #additionsCountUntil}). */
    public int certificationWithinMonths(CampaignDefined campaign) {
        return campaign.certificationWithinMonths(SpecialCase.named(coverageRule));
    }
}
