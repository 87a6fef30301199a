package cn.medicare.campaign.enrollment.campaign;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code PUT /api/v1/campaigns/{region}/{coverageYear}}: the fields of
 * CampaignDefined that the bureau decides (API.md). Everything is nullable here so that a missing
 * field is reported by name, not as an unreadable body.
 */
record CampaignRequest(
        String regionName,
        CampaignDefined.Period collectionPeriod,
        List<CampaignDefined.Extension> extensions,
        CampaignDefined.Contributions contributions,
        BigDecimal fiscalSubsidy,
        List<CampaignDefined.Assistance> assistance,
        BigDecimal participationGoal,
        List<CampaignDefined.Stage> stages,
        Integer lateEnrolmentWaitingDays,
        LocalDate minorBornOnOrAfter,
        List<CampaignDefined.CategoryPeriod> categoryPeriods,
        List<CampaignDefined.SpecialCaseRule> specialCases,
        CampaignDefined.LateEnrolment lateEnrolment,
        LocalDate assistanceCutoff,
        Integer agencyListDueDay,
        CampaignDefined.Renewal renewal,
        CampaignDefined.RefundRule refundRule,
        CampaignDefined.Goals goals,
        CampaignDefined.StageRules stageRules,
        CampaignDefined.Ranking ranking,
        CampaignDefined.Shortfall shortfall) {
}
