package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.contracts.events.Event;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.kit.inbox.InboxHandler;
import cn.medicare.campaign.kit.inbox.IncomingEvent;
import org.springframework.stereotype.Component;

/**
 * Applies one event to the levy list, inside the inbox's transaction. Each event touches only
 * its own facts of the item, so the item converges whatever order the topics deliver in.
 */
@Component
class LevyListUpdates implements InboxHandler {

    private final LevyList levyList;
    private final Campaigns campaigns;

    LevyListUpdates(LevyList levyList, Campaigns campaigns) {
        this.levyList = levyList;
        this.campaigns = campaigns;
    }

    @Override
    public void apply(IncomingEvent incoming) {
        Event event = incoming.event().orElseThrow();
        switch (event.type()) {
            case CAMPAIGN_DEFINED -> campaigns.define((CampaignDefined) event);
            case PERSON_ENROLLED -> levyList.enrol((PersonEnrolled) event, incoming.time());
            case PERSON_UPDATED -> levyList.update((PersonUpdated) event);
            case PERSON_WITHDRAWN -> levyList.withdraw((PersonWithdrawn) event, incoming.time());
            case CONTRIBUTION_ASSESSED -> levyList.assess((ContributionAssessed) event, incoming.time());
            default -> {
                // targets and eligibility adjustments do not change what the tax bureau collects
            }
        }
    }
}
