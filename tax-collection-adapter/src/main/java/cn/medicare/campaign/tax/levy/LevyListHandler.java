package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.contracts.events.EventType;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonEvent;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.kit.inbox.EventHandlers;
import cn.medicare.campaign.kit.inbox.DispatchingHandler;
import cn.medicare.campaign.kit.inbox.IncomingEvent;
import cn.medicare.campaign.kit.locking.PersonLocks;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Applies one event to the levy list, inside the inbox's transaction. Each event touches only
 * its own facts of the item, so the item converges whatever order the topics deliver in; what
 * follows from the facts (settlement, money owed back, coverage start) is judged once per batch.
 */
@Component
class LevyListHandler implements DispatchingHandler {

    private final EventHandlers handlers;
    private final LevyListService levyList;
    private final PersonLocks locks;

    LevyListHandler(LevyListService levyList, CampaignStore campaigns, PersonLocks locks) {
        this.levyList = levyList;
        this.locks = locks;
        this.handlers = EventHandlers.forTopics(Topics.CAMPAIGN, Topics.ROSTER, Topics.ELIGIBILITY)
                .on(CampaignDefined.class, campaigns::define)
                .inRuns(PersonEnrolled.class, levyList::enrol)
                .onTimed(PersonUpdated.class, levyList::update)
                .onTimed(PersonWithdrawn.class, levyList::withdraw)
                .inRuns(ContributionAssessed.class, levyList::assess)
                // targets and eligibility adjustments do not change what the tax bureau collects
                .ignore(EventType.TARGETS_SET, EventType.ELIGIBILITY_ADJUSTED, EventType.E_VOUCHER_ACTIVATED)
                .build();
    }

    /** Everyone the batch changes, at once: the tax bureau's posts lock their payers in the same order. */
    @Override
    public void beforeApplying(List<IncomingEvent> events) {
        locks.lock(events.stream().flatMap(incoming -> incoming.event().stream())
                .filter(PersonEvent.class::isInstance).map(event -> ((PersonEvent) event).personId()).toList());
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }

    /** Every item an enrolment, withdrawal or assessment of the batch changed, judged once for the batch. */
    @Override
    public void afterApplying(List<IncomingEvent> applied) {
        levyList.review();
    }
}
