package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.events.CoverageRevoked;
import cn.medicare.campaign.contracts.events.CoverageStarted;
import cn.medicare.campaign.contracts.events.EligibilityAdjusted;
import cn.medicare.campaign.contracts.events.EventType;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import cn.medicare.campaign.contracts.events.RefundDue;
import cn.medicare.campaign.contracts.identity.NearBirthRule;
import cn.medicare.campaign.kit.inbox.DispatchingHandler;
import cn.medicare.campaign.kit.inbox.EventHandlers;
import cn.medicare.campaign.kit.inbox.IncomingEvent;
import cn.medicare.campaign.kit.inbox.Timed;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the payments topic tells the roster: the coverage start of a person whose coverage waited for
 * their payment (CoverageStarted, from the tax adapter, which sees the settlement) or its taking back
 * after a refund before it (CoverageRevoked), and a payment
 * that renews last year's resident where the campaign says so (续保, {@link RenewalService}).
 */
@Component
class UpstreamHandler implements DispatchingHandler {

    private final EnrolmentStore roster;
    private final AuditStore audit;
    private final EventHandlers handlers;

    private final RenewalService renewals;

    UpstreamHandler(EnrolmentStore roster, AuditStore audit, RenewalService renewals) {
        this.roster = roster;
        this.audit = audit;
        this.renewals = renewals;
        this.handlers = EventHandlers.forTopics(Topics.ELIGIBILITY, Topics.PAYMENTS)
                .inRuns(EligibilityAdjusted.class, this::certified)
                // the amount is subsidy-service's and the tax adapter's business; the payments tell the roster enough
                .ignore(EventType.CONTRIBUTION_ASSESSED)
                .onTimed(CoverageStarted.class, this::started)
                .onTimed(CoverageRevoked.class, this::revoked)
                .inRuns(PaymentConfirmed.class, this::paid)
                .onTimed(PaymentRefunded.class, this::refunded)
                .onTimed(RefundDue.class, this::owed)
                .build();
    }

    @Override
    public void beforeApplying(List<IncomingEvent> events) {
        renewals.lockWhoMayRenew(events.stream().flatMap(incoming -> incoming.event().stream())
                .filter(PaymentConfirmed.class::isInstance).map(PaymentConfirmed.class::cast).toList());
    }

    @Override
    public EventHandlers handlers() {
        return handlers;
    }

    private void certified(List<Timed<EligibilityAdjusted>> run) {
        audit.recordAll(run.stream().map(certified -> {
            EligibilityAdjusted adjustment = certified.event();
            return new AuditStore.Change(adjustment.personId(), adjustment.coverageYear(), certified.time(), adjustment.agency().name(),
                    adjustment.action() == AdjustmentAction.ADD ? "CERTIFIED" : "CERTIFICATION_ENDED", adjustment.category().name(),
                    "动态调整" + (adjustment.subcategory() == null ? "" : "（" + adjustment.subcategory().chineseName() + "）") + "，自"
                            + (adjustment.effectiveDate() == null ? NearBirthRule.SHOWN : adjustment.effectiveDate()) + "起（名单 "
                            + adjustment.batchId() + "）");
        }).toList());
    }

    /** Payments join their person-years' audit (the voucher, not the payer's number), then may renew last year's residents. */
    private void paid(List<Timed<PaymentConfirmed>> run) {
        audit.recordAll(run.stream().map(paid -> new AuditStore.Change(paid.event().personId(), paid.event().coverageYear(),
                paid.time(), "tax-collection-adapter", "PAID", paid.event().channel().name(),
                paid.event().amount().toPlainString() + "元，凭证 " + paid.event().voucherNo())).toList());
        renewals.renewOnPayment(run);
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
        if (roster.startCoverage(started.personId(), started.coverageYear(), started.coverageStart(), at)) {
            audit.record(started.personId(), started.coverageYear(), at, "tax-collection-adapter", "COVERAGE_STARTED", null,
                    "缴费后确定待遇享受起始日 " + started.coverageStart());
        }
    }

    private void revoked(CoverageRevoked revoked, Instant at) {
        if (roster.revokeCoverage(revoked.personId(), revoked.coverageYear(), revoked.coverageStart(), at)) {
            audit.record(revoked.personId(), revoked.coverageYear(), at, "tax-collection-adapter", "COVERAGE_REVOKED", null,
                    "退费后不再足额缴费，撤销待遇享受起始日 " + revoked.coverageStart() + "，待重新缴费后确定");
        }
    }
}
