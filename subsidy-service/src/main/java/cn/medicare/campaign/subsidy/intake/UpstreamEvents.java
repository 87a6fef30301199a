package cn.medicare.campaign.subsidy.intake;

import cn.medicare.campaign.contracts.codes.AssessmentReason;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.Event;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonEvent;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.kit.inbox.IncomingEvent;
import cn.medicare.campaign.subsidy.assessment.Assessor;
import cn.medicare.campaign.subsidy.assessment.PersonLocks;
import cn.medicare.campaign.subsidy.campaign.Campaigns;
import cn.medicare.campaign.subsidy.roster.Roster;
import org.springframework.stereotype.Component;

/**
 * Applies one campaign or roster event inside the inbox's transaction and reassesses whoever it
 * concerns. Events of other types on these topics concern other services and are skipped.
 */
@Component
class UpstreamEvents {

    private final Campaigns campaigns;
    private final Roster roster;
    private final Assessor assessor;
    private final PersonLocks locks;

    UpstreamEvents(Campaigns campaigns, Roster roster, Assessor assessor, PersonLocks locks) {
        this.campaigns = campaigns;
        this.roster = roster;
        this.assessor = assessor;
        this.locks = locks;
    }

    void apply(IncomingEvent incoming) {
        Event event = incoming.event().orElseThrow();
        if (event instanceof PersonEvent) {
            locks.lock();
        }
        if (event instanceof CampaignDefined campaign) {
            define(campaign);
        } else if (event instanceof TargetsSet targets) {
            campaigns.setTargets(targets);
        } else if (event instanceof PersonEnrolled enrolled) {
            if (roster.enrol(enrolled, incoming.time())) {
                assessor.reassess(enrolled.personId(), enrolled.coverageYear(), AssessmentReason.ENROLLED);
            }
        } else if (event instanceof PersonUpdated updated && roster.update(updated, incoming.time())) {
            // a new person category changes the standard amount; what changed is the registration, hence ENROLLED
            assessor.reassess(updated.personId(), updated.coverageYear(), AssessmentReason.ENROLLED);
        } else if (event instanceof PersonWithdrawn withdrawn) {
            roster.withdraw(withdrawn, incoming.time());
        }
    }

    private void define(CampaignDefined campaign) {
        if (!campaigns.define(campaign)) {
            return;
        }
        locks.lock();
        roster.activePersons(campaign.region(), campaign.coverageYear())
                .forEach(personId -> assessor.reassessUnder(campaign, personId, AssessmentReason.CAMPAIGN_CHANGED));
    }
}
