package cn.medicare.campaign.reporting.readmodel;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.contracts.events.EVoucherActivated;
import cn.medicare.campaign.contracts.events.EligibilityAdjusted;
import cn.medicare.campaign.contracts.events.EventType;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import cn.medicare.campaign.contracts.events.PersonEvent;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.kit.inbox.EventHandlers;
import cn.medicare.campaign.kit.inbox.DispatchingHandler;
import cn.medicare.campaign.kit.inbox.IncomingEvent;
import java.util.ArrayList;
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
class ReadModelHandler implements DispatchingHandler {

    private final ReadModelStore store;
    private final EventHandlers handlers;

    ReadModelHandler(ReadModelStore store) {
        this.store = store;
        this.handlers = EventHandlers.forTopics(Topics.CAMPAIGN, Topics.ROSTER, Topics.ELIGIBILITY, Topics.PAYMENTS)
                .on(CampaignDefined.class, store::campaign)
                .on(TargetsSet.class, store::targets)
                .inRuns(PersonEnrolled.class, store::registered)
                .onTimed(PersonUpdated.class, store::updated)
                .onTimed(PersonWithdrawn.class, store::withdrawn)
                .on(EVoucherActivated.class, store::activated)
                // applied for the whole batch in afterApplying, the refunds after the payments they refund
                .inBatch(EventType.CONTRIBUTION_ASSESSED, EventType.PAYMENT_CONFIRMED, EventType.PAYMENT_REFUNDED)
                .on(EligibilityAdjusted.class, store::adjusted)
                // money owed back counts once the tax bureau refunds it (PaymentRefunded)
                .ignore(EventType.REFUND_DUE)
                // no figure counts coverage dates yet (docs/domain.md, "Not yet"): the roster keeps them
                .ignore(EventType.COVERAGE_STARTED)
                .build();
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }

    /**
     * The batch's assessments and payments in a few statements for all of them, then its refunds,
     * then the settlement of every person-year they came for, judged once: settlement moves only
     * with a payable or money.
     */
    @Override
    public void afterApplying(List<IncomingEvent> applied) {
        List<ReadModelStore.Assessed> assessed = new ArrayList<>();
        List<PaymentConfirmed> paid = new ArrayList<>();
        List<PaymentRefunded> refunded = new ArrayList<>();
        Set<ReadModelStore.PersonYear> moved = new LinkedHashSet<>();
        applied.forEach(incoming -> incoming.event().ifPresent(event -> {
            if (event instanceof ContributionAssessed assessment) {
                assessed.add(new ReadModelStore.Assessed(assessment, incoming.time()));
            } else if (event instanceof PaymentConfirmed payment) {
                paid.add(payment);
            } else if (event instanceof PaymentRefunded refund) {
                refunded.add(refund);
            } else {
                return;
            }
            PersonEvent person = (PersonEvent) event;
            moved.add(new ReadModelStore.PersonYear(person.personId(), person.coverageYear()));
        }));
        if (!assessed.isEmpty()) {
            store.assessed(assessed);
        }
        if (!paid.isEmpty()) {
            store.paid(paid);
        }
        refunded.forEach(store::refunded);
        if (!moved.isEmpty()) {
            store.settle(moved);
        }
    }
}
