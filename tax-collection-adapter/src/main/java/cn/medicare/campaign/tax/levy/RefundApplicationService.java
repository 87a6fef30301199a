package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.locking.PersonLocks;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.web.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Decides a refund application by the campaign's refund rule; an approved one is owed back (RefundDue). */
@Service
class RefundApplicationService {

    record Outcome(UUID applicationId, String decision, String amount, String explanation) {
    }

    private final PersonLocks locks;
    private final LevyItemStore items;
    private final RefundApplicationStore applications;
    private final RefundDueService refundsDue;
    private final CampaignStore campaigns;
    private final PersonIds personIds;
    private final Clock clock;

    RefundApplicationService(PersonLocks locks, LevyItemStore items, RefundApplicationStore applications,
            RefundDueService refundsDue, CampaignStore campaigns, PersonIds personIds, Clock clock) {
        this.campaigns = campaigns;
        this.locks = locks;
        this.items = items;
        this.applications = applications;
        this.refundsDue = refundsDue;
        this.personIds = personIds;
        this.clock = clock;
    }

    @Transactional
    Outcome apply(Caller caller, String idNumber, int coverageYear, RefundApplicationRule.Reason reason) {
        String personId = personIds.personId(idNumber);
        locks.lock(List.of(personId));
        // the township's right is checked before anything about the person is told
        caller.requireMayActIn(items.townshipOf(personId, coverageYear).orElse(null));
        LevyItemStore.Balance item = items.balance(personId, coverageYear)
                .orElseThrow(() -> ApiException.notFound("该人员该年度没有缴费记录 / nothing is known of this person's payments for " + coverageYear));
        RefundApplicationRule.Decision decision = RefundApplicationRule.decide(campaigns.refundRule(item.region(), coverageYear), reason,
                BusinessTime.today(clock), new RefundApplicationRule.Standing(item.withdrawalReason(), item.withdrawnOn(), item.coverageStart(),
                        item.paidNet(), item.heldTo(), !item.withdrawn()));
        UUID applicationId = UUID.randomUUID();
        applications.add(applicationId, personId, coverageYear, item.region(), reason, decision, caller.clientId(), clock.instant());
        if (decision.approved()) {
            items.applyRefund(personId, coverageYear, decision.amount(), reason.due());
            refundsDue.review(personId, coverageYear, true);
        }
        return new Outcome(applicationId, decision.approved() ? "APPROVED" : "REFUSED", decision.amount().toPlainString(),
                decision.explanation());
    }
}
