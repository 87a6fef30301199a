package cn.medicare.campaign.reporting.readmodel;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.contracts.events.CoverageRevoked;
import cn.medicare.campaign.contracts.events.CoverageStarted;
import cn.medicare.campaign.contracts.events.EVoucherActivated;
import cn.medicare.campaign.contracts.events.EligibilityAdjusted;
import cn.medicare.campaign.contracts.events.EventType;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.kit.inbox.EventHandlers;
import cn.medicare.campaign.kit.inbox.DispatchingHandler;
import cn.medicare.campaign.kit.inbox.IncomingEvent;
import cn.medicare.campaign.kit.inbox.Timed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Files each fact where it belongs. Every write is an upsert of that fact alone, so the model
 * ends the same whichever topic delivered first (DOMAIN.md, "The suite's definitions"); only a
 * payable, money or a registration after a withdrawal moves the moment of settlement, the roster's
 * other events do not.
 */
@Component
class ReadModelHandler implements DispatchingHandler {

    private final ReadModelStore store;
    private final EventHandlers handlers;

    ReadModelHandler(ReadModelStore store) {
        this.store = store;
        this.handlers = EventHandlers.forTopics(Topics.CAMPAIGN, Topics.ROSTER, Topics.ELIGIBILITY, Topics.PAYMENTS)
                .onTimed(CampaignDefined.class, store::campaign)
                .onTimed(TargetsSet.class, store::targets)
                .inRuns(PersonEnrolled.class, this::registered)
                .onTimed(PersonUpdated.class, store::updated)
                .onTimed(PersonWithdrawn.class, this::withdrawn)
                .inRuns(EVoucherActivated.class, store::activated)
                // applied for the whole batch in afterApplying, the refunds after the payments they refund
                .inBatch(EventType.CONTRIBUTION_ASSESSED, EventType.PAYMENT_CONFIRMED, EventType.PAYMENT_REFUNDED)
                .inRuns(EligibilityAdjusted.class, store::adjusted)
                // money owed back counts once the tax bureau refunds it (PaymentRefunded)
                .ignore(EventType.REFUND_DUE)
                // no figure counts coverage dates yet (docs/domain.md, "Not yet"): the roster keeps them; whether a start was
                // taken back tells the unpaid lists whose last day to pay still matters
                .onTimed(CoverageStarted.class, (started, at) -> store.startTakenBack(started, false, at))
                .onTimed(CoverageRevoked.class, (revoked, at) -> store.startTakenBack(revoked, true, at))
                .build();
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }

    /** A registration after a withdrawal is settled anew, from every fact of the person-year so far. */
    private void registered(List<Timed<PersonEnrolled>> run) {
        settleAnew(store.registered(run));
    }

    /** So is one a withdrawal replayed after it turns out to have followed. */
    private void withdrawn(PersonWithdrawn person, Instant at) {
        settleAnew(store.withdrawn(person, at));
    }

    private void settleAnew(Set<ReadModelStore.PersonYear> settledAnew) {
        if (!settledAnew.isEmpty()) {
            store.settle(settledAnew);
        }
    }

    /**
     * The batch's assessments and payments in a few statements for all of them, then its refunds,
     * then the settlement of every person-year they came for, judged once: settlement moves only
     * with a payable or money. A payable above zero for someone with no money of their own moves
     * nothing ({@link SettlementRule}: with nothing paid, only a payable of zero settles) unless they
     * settled at zero (its standard moves what they are held to), so those person-years, most of a
     * season's assessments, are not judged again.
     */
    @Override
    public void afterApplying(List<IncomingEvent> applied) {
        List<ReadModelStore.Assessed> assessed = new ArrayList<>();
        List<PaymentConfirmed> paid = new ArrayList<>();
        List<PaymentRefunded> refunded = new ArrayList<>();
        Set<ReadModelStore.PersonYear> moved = new LinkedHashSet<>();
        Set<ReadModelStore.PersonYear> payableAboveZero = new LinkedHashSet<>();
        applied.forEach(incoming -> incoming.event().ifPresent(event -> {
            if (event instanceof ContributionAssessed assessment) {
                assessed.add(new ReadModelStore.Assessed(assessment, incoming.time()));
                ReadModelStore.PersonYear key = new ReadModelStore.PersonYear(assessment.personId(), assessment.coverageYear());
                (assessment.payableAmount().signum() > 0 ? payableAboveZero : moved).add(key);
            } else if (event instanceof PaymentConfirmed payment) {
                paid.add(payment);
                moved.add(new ReadModelStore.PersonYear(payment.personId(), payment.coverageYear()));
            } else if (event instanceof PaymentRefunded refund) {
                refunded.add(refund);
                moved.add(new ReadModelStore.PersonYear(refund.personId(), refund.coverageYear()));
            }
        }));
        if (!assessed.isEmpty()) {
            store.assessed(assessed);
        }
        if (!paid.isEmpty()) {
            store.paid(paid);
        }
        refunded.forEach(store::refunded);
        payableAboveZero.removeAll(moved);
        if (!payableAboveZero.isEmpty()) {
            moved.addAll(store.withMoneyOfTheirOwnOrSettled(payableAboveZero));
        }
        if (!moved.isEmpty()) {
            store.settle(moved);
        }
    }
}
