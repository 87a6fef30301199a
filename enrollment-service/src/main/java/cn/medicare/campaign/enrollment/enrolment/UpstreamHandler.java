package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.events.CoverageStarted;
import cn.medicare.campaign.contracts.events.EligibilityAdjusted;
import cn.medicare.campaign.contracts.events.EventType;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import cn.medicare.campaign.contracts.events.RefundDue;
import cn.medicare.campaign.kit.inbox.EventHandlers;
import cn.medicare.campaign.kit.inbox.IncomingEvent;
import cn.medicare.campaign.kit.inbox.InboxHandler;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * What the payments topic tells the roster: the coverage start of a person whose coverage waited for
 * their payment (CoverageStarted, from the tax adapter, which sees the settlement), and a payment
 * that renews last year's resident where the campaign says so (续保, {@link RenewalService}).
 */
@Component
class UpstreamHandler implements InboxHandler {

    private final EnrolmentStore roster;
    private final AuditStore audit;
    private final EventHandlers handlers;

    private final RenewalService renewals;

    UpstreamHandler(EnrolmentStore roster, AuditStore audit, RenewalService renewals) {
        this.roster = roster;
        this.audit = audit;
        this.renewals = renewals;
        this.handlers = EventHandlers.forTopics(Topics.ELIGIBILITY, Topics.PAYMENTS)
                .onTimed(EligibilityAdjusted.class, this::certified)
                // the amount is subsidy-service's and the tax adapter's business; the payments tell the roster enough
                .ignore(EventType.CONTRIBUTION_ASSESSED)
                .onTimed(CoverageStarted.class, this::started)
                .onTimed(PaymentConfirmed.class, this::paid)
                .onTimed(PaymentRefunded.class, this::refunded)
                .onTimed(RefundDue.class, this::owed)
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

    private void certified(EligibilityAdjusted adjustment, Instant at) {
        audit.record(adjustment.personId(), adjustment.coverageYear(), at, adjustment.agency().name(),
                adjustment.action() == AdjustmentAction.ADD ? "CERTIFIED" : "CERTIFICATION_ENDED", adjustment.category().name(),
                "动态调整，自" + adjustment.effectiveDate() + "起（名单 " + adjustment.batchId() + "）");
    }

    /** A payment joins the person-year's audit (the voucher, not the payer's number), then may renew last year's resident. */
    private void paid(PaymentConfirmed payment, Instant at) {
        audit.record(payment.personId(), payment.coverageYear(), at, "tax-collection-adapter", "PAID", payment.channel().name(),
                payment.amount().toPlainString() + "元，凭证 " + payment.voucherNo());
        renewals.renewOnPayment(payment, at);
    }

    private void refunded(PaymentRefunded refund, Instant at) {
        audit.record(refund.personId(), refund.coverageYear(), at, "tax-collection-adapter", "REFUNDED", refund.reason(),
                refund.amount().toPlainString() + "元，凭证 " + refund.voucherNo());
    }

    private void owed(RefundDue due, Instant at) {
        audit.record(due.personId(), due.coverageYear(), at, "tax-collection-adapter", "REFUND_DUE", due.reason().name(),
                "应退 " + due.amount().toPlainString() + "元");
    }

    private void started(CoverageStarted started, Instant at) {
        if (roster.startCoverage(started.personId(), started.coverageYear(), started.coverageStart())) {
            audit.record(started.personId(), started.coverageYear(), at, "tax-collection-adapter", "COVERAGE_STARTED", null,
                    "缴费后确定待遇享受起始日 " + started.coverageStart());
        }
    }
}
