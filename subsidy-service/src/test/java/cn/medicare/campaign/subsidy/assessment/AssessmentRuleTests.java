package cn.medicare.campaign.subsidy.assessment;

import static cn.medicare.campaign.contracts.codes.AssistanceCategory.DISABILITY_MODERATE;
import static cn.medicare.campaign.contracts.codes.AssistanceCategory.EXTREME_POVERTY;
import static cn.medicare.campaign.contracts.codes.AssistanceCategory.LOW_INCOME_MARGINAL;
import static cn.medicare.campaign.contracts.codes.AssistanceCategory.MINIMUM_LIVING;
import static cn.medicare.campaign.contracts.codes.AssistanceCategory.MONITORED;
import static cn.medicare.campaign.contracts.codes.AssistanceCategory.STABLE_EX_POOR;
import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.codes.AmountRule;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.AssistanceMode;
import cn.medicare.campaign.contracts.codes.AssistedPart;
import cn.medicare.campaign.contracts.codes.CoverageFrom;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.fixtures.Yueyang;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssessmentRuleTests {

    private final CampaignDefined liancheng = Liancheng.apiExample(2018);

    @Test
    void withoutAssistanceThePersonPaysTheStandardOfTheirCategory() {
        assertThat(AssessmentRule.assess(liancheng, PersonCategory.GENERAL, AmountRule.INDIVIDUAL, Set.of()))
                .isEqualTo(assessment("180.00", "0.00", "180.00", null));
    }

    @Test
    void fullAssistancePaysEverything() {
        assertThat(AssessmentRule.assess(liancheng, PersonCategory.GENERAL, AmountRule.INDIVIDUAL, Set.of(EXTREME_POVERTY)))
                .isEqualTo(assessment("180.00", "180.00", "0.00", EXTREME_POVERTY));
    }

    @Test
    void fixedAssistanceTakesItsAmountOff() {
        assertThat(AssessmentRule.assess(liancheng, PersonCategory.GENERAL, AmountRule.INDIVIDUAL, Set.of(MINIMUM_LIVING)))
                .isEqualTo(assessment("180.00", "140.00", "40.00", MINIMUM_LIVING));
    }

    @Test
    void aFixedSubsidyAboveTheStandardNeverMakesTheAmountNegative() {
        CampaignDefined generous = Liancheng.apiExample(2018, 1, "180.00", "250.00");
        assertThat(AssessmentRule.assess(generous, PersonCategory.GENERAL, AmountRule.INDIVIDUAL, Set.of(MINIMUM_LIVING)))
                .isEqualTo(assessment("180.00", "180.00", "0.00", MINIMUM_LIVING));
    }

    @Test
    void percentAssistanceIsRoundedHalfUpToFen() {
        CampaignDefined odd = Liancheng.apiExample(2018, 1, "350.01", "140.00");
        // 350.01 x 50 % = 175.005 -> 175.01
        assertThat(AssessmentRule.assess(odd, PersonCategory.GENERAL, AmountRule.INDIVIDUAL, Set.of(LOW_INCOME_MARGINAL)))
                .isEqualTo(assessment("350.01", "175.01", "175.00", LOW_INCOME_MARGINAL));
    }

    @Test
    void thePersonGetsTheLargestSubsidyNotTheSum() {
        assertThat(AssessmentRule.assess(liancheng, PersonCategory.GENERAL, AmountRule.INDIVIDUAL, Set.of(LOW_INCOME_MARGINAL, MINIMUM_LIVING)))
                .isEqualTo(assessment("180.00", "140.00", "40.00", MINIMUM_LIVING));
        assertThat(AssessmentRule.assess(liancheng, PersonCategory.GENERAL, AmountRule.INDIVIDUAL,
                Set.of(LOW_INCOME_MARGINAL, MINIMUM_LIVING, EXTREME_POVERTY)))
                .isEqualTo(assessment("180.00", "180.00", "0.00", EXTREME_POVERTY));
    }

    @Test
    void onATieTheEarlierRuleOfTheCampaignNamesTheCategory() {
        CampaignDefined tie = withAssistance(
                new CampaignDefined.Assistance(List.of(MONITORED), AssistanceMode.FIXED, new BigDecimal("90.00"), null),
                new CampaignDefined.Assistance(List.of(DISABILITY_MODERATE), AssistanceMode.PERCENT, null, new BigDecimal("50")));
        assertThat(AssessmentRule.assess(tie, PersonCategory.GENERAL, AmountRule.INDIVIDUAL, Set.of(DISABILITY_MODERATE, MONITORED)))
                .isEqualTo(assessment("180.00", "90.00", "90.00", MONITORED));
    }

    /** DOMAIN.md: "稳定脱贫 gets no assistance only because the campaign gives it none: tracked, like any category". */
    @Test
    void stableExPoorGetNothingUnderACampaignThatAssistsThemNotAndWhatACampaignGivesWhenOneDoes() {
        assertThat(AssessmentRule.assess(liancheng, PersonCategory.GENERAL, AmountRule.INDIVIDUAL, Set.of(STABLE_EX_POOR)))
                .isEqualTo(assessment("180.00", "0.00", "180.00", null));
        CampaignDefined listing = withAssistance(
                new CampaignDefined.Assistance(List.of(STABLE_EX_POOR), AssistanceMode.FULL, null, null));
        assertThat(AssessmentRule.assess(listing, PersonCategory.GENERAL, AmountRule.INDIVIDUAL, Set.of(STABLE_EX_POOR)))
                .isEqualTo(assessment("180.00", "180.00", "0.00", STABLE_EX_POOR));
    }

    /**
     * Outside the period under individual + fiscal (Yueyang's 400 + 670): assistance is of that standard, as EVENTS.md's
     * modes are (FULL pays 0, PERCENT of the standard); a fixed subsidy takes its amount off as ever.
     */
    @Test
    void aLateEnrolmentOwesTheFiscalPartTooAndAssistanceIsOfTheWholeStandard() {
        CampaignDefined yueyang = Yueyang.campaign2025();
        assertThat(AssessmentRule.assess(yueyang, PersonCategory.GENERAL, AmountRule.INDIVIDUAL_PLUS_FISCAL, Set.of()))
                .isEqualTo(assessment("1070.00", "0.00", "1070.00", null));
        assertThat(AssessmentRule.assess(yueyang, PersonCategory.GENERAL, AmountRule.INDIVIDUAL_PLUS_FISCAL, Set.of(EXTREME_POVERTY)))
                .isEqualTo(assessment("1070.00", "1070.00", "0.00", EXTREME_POVERTY));
        assertThat(AssessmentRule.assess(yueyang, PersonCategory.GENERAL, AmountRule.INDIVIDUAL_PLUS_FISCAL, Set.of(MINIMUM_LIVING)))
                .isEqualTo(assessment("1070.00", "535.00", "535.00", MINIMUM_LIVING));
        assertThat(AssessmentRule.assess(liancheng, PersonCategory.GENERAL, AmountRule.INDIVIDUAL_PLUS_FISCAL, Set.of(MINIMUM_LIVING)))
                .isEqualTo(assessment("630.00", "140.00", "490.00", MINIMUM_LIVING));
    }

    /** A campaign whose late enrolment says so leaves the fiscal part the late enrollee's to pay, assisted or not. */
    @Test
    void aCampaignMayHaveAssistanceReduceOnlyTheIndividualPartOfALateEnrolment() {
        CampaignDefined yueyang = Yueyang.campaign2025();
        CampaignDefined sanctioning = yueyang.withAdditions(yueyang.minorBornOnOrAfter(), yueyang.categoryPeriods(), yueyang.specialCases(),
                new CampaignDefined.LateEnrolment(AmountRule.INDIVIDUAL_PLUS_FISCAL, 90, CoverageFrom.PAYMENT_DATE, AssistedPart.INDIVIDUAL),
                yueyang.assistanceCutoff(), yueyang.agencyListDueDay(), yueyang.renewal(), yueyang.refundRule());

        assertThat(AssessmentRule.assess(sanctioning, PersonCategory.GENERAL, AmountRule.INDIVIDUAL_PLUS_FISCAL, Set.of(EXTREME_POVERTY)))
                .isEqualTo(assessment("1070.00", "400.00", "670.00", EXTREME_POVERTY));
        assertThat(AssessmentRule.assess(sanctioning, PersonCategory.GENERAL, AmountRule.INDIVIDUAL_PLUS_FISCAL, Set.of(MINIMUM_LIVING)))
                .isEqualTo(assessment("1070.00", "200.00", "870.00", MINIMUM_LIVING));
        assertThat(AssessmentRule.assess(sanctioning, PersonCategory.GENERAL, AmountRule.INDIVIDUAL, Set.of(EXTREME_POVERTY)))
                .isEqualTo(assessment("400.00", "400.00", "0.00", EXTREME_POVERTY));
    }

    @Test
    void aCategoryTheCampaignDoesNotAssistGivesNothing() {
        assertThat(AssessmentRule.assess(liancheng, PersonCategory.GENERAL, AmountRule.INDIVIDUAL, Set.of(MONITORED)))
                .isEqualTo(assessment("180.00", "0.00", "180.00", null));
    }

    private CampaignDefined withAssistance(CampaignDefined.Assistance... rules) {
        List<CampaignDefined.Assistance> assistance = new ArrayList<>(List.of(rules));
        return new CampaignDefined(liancheng.region(), liancheng.regionName(), liancheng.coverageYear(), liancheng.version(),
                liancheng.collectionPeriod(), liancheng.extensions(), liancheng.contributions(), liancheng.fiscalSubsidy(),
                assistance, liancheng.participationGoal(), liancheng.stages(), liancheng.lateEnrolmentWaitingDays());
    }

    private static Assessment assessment(String standard, String subsidy, String payable, AssistanceCategory category) {
        return new Assessment(new BigDecimal(standard), new BigDecimal(subsidy), new BigDecimal(payable), category);
    }
}
