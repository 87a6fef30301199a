package cn.medicare.campaign.reporting.readmodel;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.contracts.events.EligibilityAdjusted;
import cn.medicare.campaign.contracts.events.Event;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonEvent;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.kit.inbox.InboxHandler;
import cn.medicare.campaign.kit.inbox.IncomingEvent;
import org.springframework.stereotype.Component;

/**
 * Files each fact where it belongs. Every write is an upsert of that fact alone, so the model
 * ends the same whichever topic delivered first (DOMAIN.md, "The suite's definitions").
 */
@Component
class ReadModelHandler implements InboxHandler {

    private final ReadModelStore store;

    ReadModelHandler(ReadModelStore store) {
        this.store = store;
    }

    @Override
    public void apply(IncomingEvent incoming) {
        Event event = incoming.event().orElseThrow();
        if (event instanceof CampaignDefined campaign) {
            store.campaign(campaign);
        } else if (event instanceof TargetsSet targets) {
            store.targets(targets);
        } else if (event instanceof PersonEnrolled enrolled) {
            store.registered(enrolled, incoming.time());
        } else if (event instanceof PersonUpdated updated) {
            store.updated(updated, incoming.time());
        } else if (event instanceof PersonWithdrawn withdrawn) {
            store.withdrawn(withdrawn, incoming.time());
        } else if (event instanceof ContributionAssessed assessed) {
            store.assessed(assessed, incoming.time());
        } else if (event instanceof EligibilityAdjusted adjusted) {
            store.adjusted(adjusted);
        } else if (event instanceof PaymentConfirmed payment) {
            store.paid(payment);
        } else if (event instanceof PaymentRefunded refund) {
            store.refunded(refund);
        }
        // only a payable or money moves the moment of settlement; the roster's events do not
        if (event instanceof ContributionAssessed || event instanceof PaymentConfirmed || event instanceof PaymentRefunded) {
            PersonEvent person = (PersonEvent) event;
            store.settle(person.personId(), person.coverageYear());
        }
    }
}
