package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.events.CoverageStarted;
import cn.medicare.campaign.contracts.events.EventType;
import cn.medicare.campaign.kit.inbox.EventHandlers;
import cn.medicare.campaign.kit.inbox.IncomingEvent;
import cn.medicare.campaign.kit.inbox.InboxHandler;
import org.springframework.stereotype.Component;

/**
 * Puts on the roster the coverage start of a person whose coverage waited for their payment
 * (CoverageStarted, from the tax adapter, which sees the settlement). Money itself is not the
 * roster's business.
 */
@Component
class CoverageHandler implements InboxHandler {

    private final EnrolmentStore roster;
    private final EventHandlers handlers;

    CoverageHandler(EnrolmentStore roster) {
        this.roster = roster;
        this.handlers = EventHandlers.forTopics(Topics.PAYMENTS)
                .on(CoverageStarted.class, this::started)
                .ignore(EventType.PAYMENT_CONFIRMED, EventType.PAYMENT_REFUNDED, EventType.REFUND_DUE)
                .build();
    }

    @Override
    public void apply(IncomingEvent incoming) {
        handlers.apply(incoming);
    }

    private void started(CoverageStarted started) {
        roster.startCoverage(started.personId(), started.coverageYear(), started.coverageStart());
    }
}
