package cn.medicare.campaign.subsidy.assessment;

import cn.medicare.campaign.contracts.codes.AssessmentReason;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.subsidy.campaign.CampaignStore;
import cn.medicare.campaign.subsidy.eligibility.CertificationStore;
import cn.medicare.campaign.subsidy.eligibility.HeldCategoriesRule;
import cn.medicare.campaign.subsidy.roster.Enrolment;
import cn.medicare.campaign.subsidy.roster.RosterStore;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Keeps each enrolled person-year's assessment current and publishes ContributionAssessed only when
 * it is first known or differs from the stored one: whatever order campaign, enrolment and
 * certifications arrive in, the last assessment published is the same. Callers hold the locks of the
 * people they reassess ({@code PersonLocks}) inside their transaction.
 */
@Service
public class AssessmentService {

    private final RosterStore roster;
    private final CampaignStore campaigns;
    private final CertificationStore certifications;
    private final AssessmentStore assessments;
    private final OutboxWriter outbox;
    private final Clock clock;

    AssessmentService(RosterStore roster, CampaignStore campaigns, CertificationStore certifications, AssessmentStore assessments,
            OutboxWriter outbox, Clock clock) {
        this.roster = roster;
        this.campaigns = campaigns;
        this.certifications = certifications;
        this.assessments = assessments;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Every year the person is enrolled for. */
    public void reassessAll(String personId, AssessmentReason reason) {
        roster.activeYears(personId).forEach(year -> reassess(personId, year, reason));
    }

    /** @param reason why, unless this is the person-year's first assessment (then ENROLLED) */
    public void reassess(String personId, int coverageYear, AssessmentReason reason) {
        Optional<Enrolment> enrolment = roster.find(personId, coverageYear).filter(e -> !e.withdrawn());
        if (enrolment.isEmpty()) {
            return;
        }
        // without a campaign yet, the person is assessed when it arrives
        campaigns.find(enrolment.get().region(), coverageYear)
                .ifPresent(campaign -> assess(enrolment.get(), campaign, reason));
    }

    /** A new campaign version reassesses everybody under it: the campaign in hand is not read back for each. */
    public void reassessUnder(CampaignDefined campaign, String personId, AssessmentReason reason) {
        roster.find(personId, campaign.coverageYear()).filter(e -> !e.withdrawn())
                .ifPresent(enrolment -> assess(enrolment, campaign, reason));
    }

    private void assess(Enrolment enrolment, CampaignDefined campaign, AssessmentReason reason) {
        String personId = enrolment.personId();
        int coverageYear = campaign.coverageYear();
        Set<AssistanceCategory> held = HeldCategoriesRule.heldFor(certifications.of(personId), campaign.assistanceCutoffOrPeriodEnd());
        Assessment assessment = AssessmentRule.assess(campaign, enrolment.personCategory(), enrolment.amountRule(), held);
        Optional<Assessment> previous = assessments.find(personId, coverageYear);
        if (previous.filter(assessment::equals).isPresent()) {
            return;
        }
        String region = enrolment.region();
        assessments.save(personId, coverageYear, region, assessment, clock.instant());
        outbox.append(new ContributionAssessed(personId, coverageYear, region, assessment.standardAmount(),
                assessment.subsidyAmount(), assessment.payableAmount(), assessment.assistanceCategory(),
                previous.isEmpty() ? AssessmentReason.ENROLLED : reason));
    }
}
