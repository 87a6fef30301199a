package cn.medicare.campaign.subsidy.intake;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.codes.AssessmentReason;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.EventType;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonEvent;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.kit.inbox.EventHandlers;
import cn.medicare.campaign.kit.inbox.DispatchingHandler;
import cn.medicare.campaign.kit.inbox.IncomingEvent;
import cn.medicare.campaign.kit.locking.PersonLocks;
import cn.medicare.campaign.subsidy.assessment.AssessmentService;
import cn.medicare.campaign.subsidy.assessment.ReassessmentService;
import cn.medicare.campaign.subsidy.campaign.CampaignStore;
import cn.medicare.campaign.subsidy.roster.RosterStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Applies one campaign or roster event inside the inbox's transaction; whoever the roster's events
 * concern is reassessed once for the whole batch. Every type of these topics is one this service needs.
 */
@Component
class UpstreamHandler implements DispatchingHandler {

    private final CampaignStore campaigns;
    private final RosterStore roster;
    private final AssessmentService assessor;
    private final ReassessmentService reassessments;
    private final PersonLocks locks;
    private final EventHandlers handlers;

    UpstreamHandler(CampaignStore campaigns, RosterStore roster, AssessmentService assessor, ReassessmentService reassessments,
            PersonLocks locks) {
        this.campaigns = campaigns;
        this.roster = roster;
        this.assessor = assessor;
        this.reassessments = reassessments;
        this.locks = locks;
        this.handlers = EventHandlers.forTopics(Topics.CAMPAIGN, Topics.ROSTER)
                .on(CampaignDefined.class, this::define)
                .onTimed(TargetsSet.class, campaigns::setTargets)
                .inRuns(PersonEnrolled.class, roster::enrol)
                .onTimed(PersonUpdated.class, roster::update)
                .onTimed(PersonWithdrawn.class, this::withdraw)
                // an e-voucher changes nobody's amount
                .ignore(EventType.E_VOUCHER_ACTIVATED)
                .build();
    }

    /**
     * Everyone the batch may reassess, at once: an agency's batch locks its people in the same order. Then the campaigns it
     * defines, in the order readers take theirs ({@link CampaignStore#takeTurnsToDefine}).
     */
    @Override
    public void beforeApplying(List<IncomingEvent> events) {
        List<String> people = new ArrayList<>();
        List<CampaignDefined> defined = new ArrayList<>();
        for (IncomingEvent incoming : events) {
            incoming.event().ifPresent(event -> {
                if (event instanceof PersonEvent person) {
                    people.add(person.personId());
                } else if (event instanceof CampaignDefined campaign) {
                    defined.add(campaign);
                }
            });
        }
        locks.lock(people);
        campaigns.takeTurnsToDefine(defined);
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }

    /** Everyone under a newer version is reassessed after this transaction, a chunk at a time ({@link ReassessmentService}). */
    private void define(CampaignDefined campaign) {
        if (campaigns.define(campaign)) {
            reassessments.request(campaign.region(), campaign.coverageYear());
        }
    }

    /**
     * The people the batch enrolled or changed, reassessed once for the batch, every year in one pass. A new
     * person category changes the standard amount; what changed is the registration, hence ENROLLED.
     * Reassessing someone whose registration did not change (an older event) publishes nothing.
     */
    @Override
    public void afterApplying(List<IncomingEvent> applied) {
        Map<Integer, Set<String>> registered = new TreeMap<>();
        IncomingEvent.about(applied, PersonEnrolled.class, PersonUpdated.class).forEach(person ->
                registered.computeIfAbsent(person.coverageYear(), year -> new LinkedHashSet<>()).add(person.personId()));
        if (!registered.isEmpty()) {
            assessor.reassessAll(registered, AssessmentReason.ENROLLED);
        }
    }

    private void withdraw(PersonWithdrawn withdrawn, Instant at) {
        roster.withdraw(withdrawn, at);
    }
}
