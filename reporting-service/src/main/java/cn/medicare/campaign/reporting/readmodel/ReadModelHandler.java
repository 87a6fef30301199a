package cn.medicare.campaign.reporting.readmodel;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.contracts.events.EVoucherActivated;
import cn.medicare.campaign.contracts.events.EligibilityAdjusted;
import cn.medicare.campaign.contracts.events.EventType;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonEvent;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.kit.inbox.EventHandlers;
import cn.medicare.campaign.kit.inbox.InboxHandler;
import cn.medicare.campaign.kit.inbox.IncomingEvent;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Files each fact where it belongs. Every write is an upsert of that fact alone, so the model
 * ends the same whichever topic delivered first (DOMAIN.md, "The suite's definitions"); only a
 * payable or money moves the moment of settlement, the roster's events do not.
 */
@Component
class ReadModelHandler implements InboxHandler {

    private final ReadModelStore store;
    private final EventHandlers handlers;

    ReadModelHandler(ReadModelStore store) {
        this.store = store;
        this.handlers = EventHandlers.forTopics(Topics.CAMPAIGN, Topics.ROSTER, Topics.ELIGIBILITY, Topics.PAYMENTS)
                .on(CampaignDefined.class, store::campaign)
                .on(TargetsSet.class, store::targets)
                .onTimed(PersonEnrolled.class, store::registered)
                .onTimed(PersonUpdated.class, store::updated)
                .onTimed(PersonWithdrawn.class, store::withdrawn)
                .on(EVoucherActivated.class, store::activated)
                .onTimed(ContributionAssessed.class, store::assessed)
                .on(EligibilityAdjusted.class, store::adjusted)
                .on(PaymentConfirmed.class, store::paid)
                .on(PaymentRefunded.class, store::refunded)
                // money owed back counts once the tax bureau refunds it (PaymentRefunded)
                .ignore(EventType.REFUND_DUE)
                // no figure counts coverage dates yet (docs/domain.md, "Not yet"): the roster keeps them
                .ignore(EventType.COVERAGE_STARTED)
                .build();
    }

    @Override
    public boolean applies(EventType type) {
        return handlers.applies(type);
    }

    @Override
    public void apply(IncomingEvent incoming) {
        handlers.apply(incoming);
    }

    /** Settlement moves only with a payable or money: judged once for the batch, for every person-year they came for. */
    @Override
    public void afterApplying(List<IncomingEvent> applied) {
        Set<ReadModelStore.PersonYear> moved = new LinkedHashSet<>();
        applied.forEach(incoming -> incoming.event().ifPresent(event -> {
            if (event instanceof ContributionAssessed || event instanceof PaymentConfirmed || event instanceof PaymentRefunded) {
                PersonEvent person = (PersonEvent) event;
                moved.add(new ReadModelStore.PersonYear(person.personId(), person.coverageYear()));
            }
        }));
        if (!moved.isEmpty()) {
            store.settle(moved);
        }
    }
}
