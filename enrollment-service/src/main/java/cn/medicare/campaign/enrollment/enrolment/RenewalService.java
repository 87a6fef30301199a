package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.EnrolmentChannel;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.policy.EnrolmentPolicy;
import cn.medicare.campaign.enrollment.campaign.CampaignStore;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * 续保 on payment: where the campaign says {@code renewal: ON_PAYMENT}, a payment for the new year
 * from a resident enrolled last year (and not registered this year) registers them, channel
 * ROLLOVER, in last year's township and village, without a clerk. Runs in the inbox's transaction.
 */
@Service
class RenewalService {

    /** Who registered the person: no clerk did. */
    static final String RENEWAL = "renewal-on-payment";

    private final EnrolmentStore roster;
    private final CampaignStore campaigns;
    private final ExclusionStore exclusions;
    private final AuditStore audit;
    private final OutboxWriter outbox;

    RenewalService(EnrolmentStore roster, CampaignStore campaigns, ExclusionStore exclusions, AuditStore audit, OutboxWriter outbox) {
        this.roster = roster;
        this.campaigns = campaigns;
        this.exclusions = exclusions;
        this.audit = audit;
        this.outbox = outbox;
    }

    void renewOnPayment(PaymentConfirmed payment, Instant at) {
        int year = payment.coverageYear();
        Optional<CampaignDefined> campaign = campaigns.find(payment.region(), year)
                .filter(c -> c.renewal() == CampaignDefined.Renewal.ON_PAYMENT);
        if (campaign.isEmpty() || roster.find(payment.personId(), year).isPresent()) {
            return;
        }
        Optional<Enrolment> last = roster.find(payment.personId(), year - 1).filter(e -> e.withdrawnOn() == null);
        if (last.isEmpty()) {
            return;
        }
        LocalDate paidOn = payment.paidAt().atZone(BusinessTime.ZONE).toLocalDate();
        Enrolment previous = last.get();
        boolean blocked = EnrolmentBlockRule.why(year, paidOn, roster.deceasedOn(List.of(previous.personId())).get(previous.personId()),
                exclusions.of(List.of(previous.personId())).getOrDefault(previous.personId(), List.of())).isPresent();
        if (blocked) {
            return;
        }
        Enrolment renewed = renewal(previous, campaign.get(), paidOn);
        if (roster.add(renewed, at)) {
            audit.record(renewed.personId(), year, at, RENEWAL, "ENROLLED", "续保",
                    "上年度参保居民缴费，自动登记本年度参保（" + renewed.terms().coverageExplanation() + "）");
            outbox.append(EnrolmentService.announcement(renewed));
        }
    }

    /** Last year's resident for this year: a newborn has grown into a minor; a pupil stays a pupil. */
    private static Enrolment renewal(Enrolment previous, CampaignDefined campaign, LocalDate paidOn) {
        PersonCategory category = previous.personCategory() == PersonCategory.STUDENT
                || previous.personCategory() == PersonCategory.COLLEGE_STUDENT
                ? previous.personCategory() : EnrolmentPolicy.defaultCategory(previous.birthDate(), campaign);
        LocalDate enrolledOn = paidOn.isBefore(EnrolmentPolicy.opens(campaign)) ? EnrolmentPolicy.opens(campaign) : paidOn;
        EnrolmentPolicy.Decision decision = EnrolmentPolicy.decide(campaign,
                new EnrolmentPolicy.Applicant(previous.birthDate(), category, null, null, null, enrolledOn));
        EnrolmentPolicy.Coverage coverage = decision.coverage();
        Enrolment.Terms terms = new Enrolment.Terms(previous.terms().schoolClass(), null, null, null, null, coverage.from(),
                coverage.waitingMonths(), decision.rule(), decision.explanation(), decision.amountRule());
        return new Enrolment(previous.personId(), campaign.coverageYear(), previous.region(), previous.idNumberSealed(),
                previous.idNumberMasked(), previous.name(), previous.phone(), previous.birthDate(), previous.sex(), category,
                previous.township(), previous.village(), previous.school(), previous.hukouLocal(), previous.residencePermit(),
                EnrolmentChannel.ROLLOVER, enrolledOn, coverage.start(), coverage.waitingDays(), RENEWAL, null, null, terms);
    }
}
