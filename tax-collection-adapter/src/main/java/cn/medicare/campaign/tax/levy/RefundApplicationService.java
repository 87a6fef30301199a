package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.contracts.identity.ResidentIdCheck;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.kafka.ConsumerProgress;
import cn.medicare.campaign.kit.locking.PersonLocks;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides a refund application by the campaign's refund rule; an approved one is owed back (RefundDue). A refusal is
 * made only on every fact that reached the topics before the application: a clerk who withdrew a resident a moment
 * ago and applies at once is answered 503, not refused for a withdrawal this service has not read yet.
 */
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
    private final ConsumerProgress progress;
    private final Clock clock;

    RefundApplicationService(PersonLocks locks, LevyItemStore items, RefundApplicationStore applications,
            RefundDueService refundsDue, CampaignStore campaigns, PersonIds personIds, ConsumerProgress progress, Clock clock) {
        this.campaigns = campaigns;
        this.progress = progress;
        this.locks = locks;
        this.items = items;
        this.applications = applications;
        this.refundsDue = refundsDue;
        this.personIds = personIds;
        this.clock = clock;
    }

    @Transactional
    Outcome apply(Caller caller, ResidentIdCheck.Valid id, int coverageYear, RefundApplicationRule.Reason reason) {
        Instant applied = clock.instant();
        String personId = personIds.personId(id.number());
        locks.lock(List.of(personId));
        // the township's right is checked before anything about the person is told
        caller.requireMayActIn(items.townshipOf(personId, coverageYear).orElse(null));
        LevyItemStore.Balance item = items.balance(personId, coverageYear)
                .orElseThrow(() -> ApiException.notFound("idNumber",
                        "该人员该年度没有缴费记录 / nothing is known of this person's payments for " + coverageYear));
        // a withdrawal from the birth is kept as the earliest day there is: the applicant's number tells the birth it came on or after
        boolean fromBirth = LocalDate.MIN.equals(item.withdrawnOn());
        LocalDate withdrawnOn = fromBirth ? id.birthDate() : item.withdrawnOn();
        RefundApplicationRule.Decision decision = RefundApplicationRule.decide(campaigns.refundRule(item.region(), coverageYear), reason,
                BusinessTime.today(clock), new RefundApplicationRule.Standing(coverageYear, item.withdrawalReason(), withdrawnOn, fromBirth,
                        item.coverageStart(),
                        item.paidNet(), item.heldTo(), item.registered(), item.registered() && !item.withdrawn()));
        // an approval as much as a refusal: a move dated after coverage started, still on the topic, would have refused it
        if (!factsConsumed(personId, item.region(), coverageYear)) {
            throw ApiException.notYetKnown("本服务尚未收到申请前已发生的参保、认定或方案变更，申请未处理，请稍后重新提交 (facts made before the application,"
                    + " such as a withdrawal, have not reached this service yet; nothing was decided: apply again shortly)", List.of());
        }
        UUID applicationId = UUID.randomUUID();
        applications.add(applicationId, personId, coverageYear, item.region(), reason, decision, caller.clientId(), clock.instant());
        if (decision.approved()) {
            items.applyRefund(personId, coverageYear, decision.amount(), reason.due());
            refundsDue.review(personId, coverageYear, true);
        }
        return new Outcome(applicationId, decision.approved() ? "APPROVED" : "REFUSED", decision.amount().toPlainString(),
                decision.explanation());
    }

    /** The person's own partitions and the campaign's: a busy topic's other partitions hold records in flight all day. */
    private boolean factsConsumed(String personId, String region, int coverageYear) {
        return progress.caughtUpNow(Topics.ROSTER, personId) && progress.caughtUpNow(Topics.ELIGIBILITY, personId)
                && progress.caughtUpNow(Topics.CAMPAIGN, CampaignDefined.key(region, coverageYear));
    }
}
