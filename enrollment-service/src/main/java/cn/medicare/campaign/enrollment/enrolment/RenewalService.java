package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.EnrolmentChannel;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.SpecialCase;
import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.policy.EnrolmentPolicy;
import cn.medicare.campaign.enrollment.campaign.CampaignStore;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.identity.ContactSealer;
import cn.medicare.campaign.kit.inbox.Timed;
import cn.medicare.campaign.kit.locking.PersonLocks;
import cn.medicare.campaign.kit.outbox.OutboxMessage;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.kit.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 续保 on payment: where the campaign says {@code renewal: ON_PAYMENT}, a payment for the new year
 * from a resident enrolled last year (and not registered this year) registers them, channel
 * ROLLOVER, in last year's township and village, without a clerk. Runs in the inbox's transaction.
 */
@Service
class RenewalService {

    /** Who registered the person: no clerk did. */
    static final String RENEWAL = "renewal-on-payment";
    private static final int PAGE = 5_000;
    private static final Map<UnitRule.Unlisted, String> TO_CHECK = Map.of(
            UnitRule.Unlisted.VILLAGE, "；上年度村（社区）不在本年度方案该乡镇的村（社区）中，请核对更正",
            UnitRule.Unlisted.TOWNSHIP, "；上年度乡镇不在本年度方案的乡镇中（撤乡并镇？），请核对更正");

    private final EnrolmentStore roster;
    private final CampaignStore campaigns;
    private final ExclusionStore exclusions;
    private final AuditStore audit;
    private final OutboxWriter outbox;
    private final WithdrawalService withdrawals;
    private final TransactionTemplate transaction;
    private final Clock clock;

    private final ContactSealer contacts;
    private final PersonLocks locks;

    RenewalService(EnrolmentStore roster, CampaignStore campaigns, ExclusionStore exclusions, AuditStore audit, OutboxWriter outbox,
            WithdrawalService withdrawals, TransactionTemplate transaction, Clock clock, ObjectProvider<ContactSealer> contacts, PersonLocks locks) {
        this.locks = locks;
        this.contacts = contacts.getIfAvailable();
        this.transaction = transaction;
        this.clock = clock;
        this.roster = roster;
        this.campaigns = campaigns;
        this.exclusions = exclusions;
        this.audit = audit;
        this.outbox = outbox;
        this.withdrawals = withdrawals;
    }

    /**
     * @param villagesToCheck the renewals registered in a village the township's villages in this year's campaign do not
     *     name (renamed or merged since last year): they count for the township but for no village until a clerk corrects
     *     them (PATCH), and their audit line says so
     * @param townshipsToCheck the renewals registered in a township this year's targets do not name (撤乡并镇): they count
     *     for no township until a clerk moves them, and their audit line says so
     */
    record RolledOver(int registered, int refused, List<RenewalToCheck> villagesToCheck, List<RenewalToCheck> townshipsToCheck) {
    }

    /** A renewal whose village, or township, this year's campaign does not list: where it says the person lives. */
    record RenewalToCheck(String personId, String township, String village) {
    }

    /**
     * 续保 roll-over, the bureau's call before the period opens: every resident enrolled last year and
     * not registered for this one is registered (ROLLOVER, same township and village), so that the
     * levy and unpaid lists hold every returning resident; they count as enrolled only once they pay.
     * Those a death or another agency's list rules out stay out. Idempotent: a second call finds
     * nobody left. One transaction per page of 5,000.
     */
    RolledOver rollOver(String clientId, String region, int coverageYear) {
        CampaignDefined campaign = campaigns.find(region, coverageYear).orElseThrow(() -> ApiException.ruleViolated(
                "本年度尚无参保方案，不能续保 / there is no campaign for region " + region + " and coverage year " + coverageYear + " yet"));
        LocalDate today = BusinessTime.today(clock);
        LocalDate firstCollectionDay = campaigns.firstCollectionDay().orElseThrow();
        UnitRule.Listed listed = UnitRule.listed(campaigns.targets(region, coverageYear), campaigns.units(region, coverageYear));
        int registered = 0;
        int refused = 0;
        List<RenewalToCheck> villagesToCheck = new ArrayList<>();
        List<RenewalToCheck> townshipsToCheck = new ArrayList<>();
        String after = "";
        Page page;
        do {
            String from = after;
            // a page's outcome counts once its transaction committed
            page = transaction.execute(status -> rollOverPage(clientId, campaign, today, firstCollectionDay, listed, from));
            registered += page.registered();
            refused += page.refused();
            villagesToCheck.addAll(page.villagesToCheck());
            townshipsToCheck.addAll(page.townshipsToCheck());
            after = page.last();
        } while (page.full());
        return new RolledOver(registered, refused, villagesToCheck, townshipsToCheck);
    }

    /** What one page of the roll-over did; {@code full}: a whole page was read, there may be more after {@code last}. */
    private record Page(int registered, int refused, List<RenewalToCheck> villagesToCheck, List<RenewalToCheck> townshipsToCheck,
            String last, boolean full) {
    }

    private Page rollOverPage(String clientId, CampaignDefined campaign, LocalDate today, LocalDate firstCollectionDay,
            UnitRule.Listed listed, String after) {
        List<Enrolment> page = roster.notYetRenewed(campaign.region(), campaign.coverageYear(), after, PAGE);
        if (page.isEmpty()) {
            return new Page(0, 0, List.of(), List.of(), after, false);
        }
        int refused = 0;
        List<RenewalToCheck> villagesToCheck = new ArrayList<>();
        List<RenewalToCheck> townshipsToCheck = new ArrayList<>();
        List<String> people = page.stream().map(Enrolment::personId).toList();
        // a death list applied meanwhile would find none of the renewals to withdraw, and the page read no death; last year's
        // enrolment is read again under the locks, a withdrawal since the page was read being one of those facts
        locks.lock(people);
        Set<String> standing = roster.activeAmong(people, campaign.coverageYear() - 1).stream().map(EnrolmentStore.Active::personId)
                .collect(Collectors.toSet());
        Map<String, LocalDate> deaths = roster.deceasedOn(people);
        Map<String, List<ExclusionStore.Exclusion>> excluded = exclusions.of(people);
        List<Enrolment> renewals = new ArrayList<>();
        for (Enrolment previous : page.stream().filter(previous -> standing.contains(previous.personId())).toList()) {
            Enrolment renewed = renewal(previous, campaign, today);
            // a roll-over run too late for any start within the year would ask people to pay for a year that covers nobody
            if (EnrolmentBlockRule.why(campaign.coverageYear(), today, deaths.get(previous.personId()),
                    excluded.getOrDefault(previous.personId(), List.of()), null).isPresent()
                    || !coverableWithin(renewed, renewed.enrolledOn())) {
                refused++;
            } else {
                renewals.add(renewed);
            }
        }
        Instant at = clock.instant();
        Set<String> added = roster.addAll(renewals, at);
        List<OutboxMessage> announcements = new ArrayList<>();
        List<AuditStore.Change> changes = new ArrayList<>();
        for (Enrolment renewed : renewals) {
            if (added.contains(renewed.personYear())) {
                announcements.add(OutboxMessage.of(EnrolmentService.announcement(renewed, contacts, firstCollectionDay), at));
                Optional<UnitRule.Unlisted> unlisted = listed.unlisted(renewed.township(), renewed.village(), renewed.school());
                unlisted.ifPresent(which -> (which == UnitRule.Unlisted.TOWNSHIP ? townshipsToCheck : villagesToCheck)
                        .add(new RenewalToCheck(renewed.personId(), renewed.township(), renewed.village())));
                changes.add(new AuditStore.Change(renewed.personId(), renewed.coverageYear(), at, clientId, "ENROLLED", "续保",
                        "续保名单：按上年度参保登记" + unlisted.map(TO_CHECK::get).orElse("")));
            }
        }
        audit.recordAll(changes);
        outbox.appendAll(announcements);
        return new Page(announcements.size(), refused, villagesToCheck, townshipsToCheck, page.get(page.size() - 1).personId(),
                page.size() == PAGE);
    }

    /**
     * The payments of a run that may renew someone: those under a campaign renewing on payment, of
     * people without a row for the year; one read of each campaign and of the roster for the run.
     */
    void renewOnPayment(List<Timed<PaymentConfirmed>> run) {
        Map<List<Object>, Optional<CampaignDefined>> renewing = new HashMap<>();
        Map<Integer, List<Timed<PaymentConfirmed>>> candidates = new TreeMap<>();
        for (Timed<PaymentConfirmed> paid : run) {
            PaymentConfirmed payment = paid.event();
            if (renewing(payment, renewing).isPresent()) {
                candidates.computeIfAbsent(payment.coverageYear(), year -> new ArrayList<>()).add(paid);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        LocalDate firstCollectionDay = campaigns.firstCollectionDay().orElseThrow();
        // read once per campaign of the run, and only for a payment that renews someone
        Map<List<Object>, UnitRule.Listed> listed = new HashMap<>();
        candidates.forEach((year, payments) -> {
            Set<String> registered = roster.registeredAmong(payments.stream().map(paid -> paid.event().personId()).toList(), year);
            payments.stream().filter(paid -> !registered.contains(paid.event().personId()))
                    .forEach(paid -> renewOnPayment(paid.event(), paid.time(),
                            renewing.get(List.of(paid.event().region(), year)).orElseThrow(), firstCollectionDay, listed));
        });
    }

    /**
     * Locks those of a batch's payers whom a payment may renew, before the batch changes anything (the inbox's
     * {@code beforeApplying}): a renewal reads the death list's facts as an enrolment does ({@link PersonLocks}).
     */
    void lockWhoMayRenew(List<PaymentConfirmed> payments) {
        Map<List<Object>, Optional<CampaignDefined>> renewing = new HashMap<>();
        locks.lock(payments.stream().filter(payment -> renewing(payment, renewing).isPresent()).map(PaymentConfirmed::personId).toList());
    }

    /** The payment's campaign if it renews on payment, read once per region and year of a batch. */
    private Optional<CampaignDefined> renewing(PaymentConfirmed payment, Map<List<Object>, Optional<CampaignDefined>> read) {
        return read.computeIfAbsent(List.of(payment.region(), payment.coverageYear()), key -> campaigns.find(payment.region(),
                payment.coverageYear()).filter(c -> c.renewal() == CampaignDefined.Renewal.ON_PAYMENT));
    }

    /** Two payments of one person in a run: the first renews, the second finds the row. */
    private void renewOnPayment(PaymentConfirmed payment, Instant at, CampaignDefined campaign, LocalDate firstCollectionDay,
            Map<List<Object>, UnitRule.Listed> listed) {
        int year = payment.coverageYear();
        if (roster.find(payment.personId(), year).isPresent()) {
            return;
        }
        Optional<Enrolment> last = roster.find(payment.personId(), year - 1).filter(e -> e.withdrawnOn() == null);
        if (last.isEmpty()) {
            return;
        }
        LocalDate paidOn = payment.paidAt().atZone(BusinessTime.ZONE).toLocalDate();
        Enrolment previous = last.get();
        List<ExclusionStore.Exclusion> facts = exclusions.of(List.of(previous.personId())).getOrDefault(previous.personId(), List.of());
        if (EnrolmentBlockRule.besidesDeath(year, facts, null).isPresent()) {
            return;
        }
        // a death the roster knows is applied after the renewal, as the death list arriving after the payment would have
        LocalDate death = EnrolmentBlockRule.deathOf(roster.deceasedOn(List.of(previous.personId())).get(previous.personId()), facts);
        Enrolment renewed = renewal(previous, campaign, paidOn);
        if (!coverableWithin(renewed, paidOn)) {
            // a payment too late to start coverage within the year registers nobody (DOMAIN.md): it stays unattributed, as anyone's would
            return;
        }
        if (roster.add(renewed, at)) {
            Optional<UnitRule.Unlisted> unlisted = listed.computeIfAbsent(List.of(renewed.region(), year),
                    key -> UnitRule.listed(campaigns.targets(renewed.region(), year), campaigns.units(renewed.region(), year)))
                    .unlisted(renewed.township(), renewed.village(), renewed.school());
            audit.record(renewed.personId(), year, at, RENEWAL, "ENROLLED", "续保",
                    "上年度参保居民缴费，自动登记本年度参保（" + renewed.terms().coverageExplanation() + "）" + unlisted.map(TO_CHECK::get).orElse(""));
            outbox.append(EnrolmentService.announcement(renewed, contacts, firstCollectionDay));
            if (death != null && death.getYear() <= year) {
                withdrawDead(renewed, death);
            }
        }
    }

    /**
     * The renewal of someone the roster knows dead ends on the death's day, as the death list ends the enrolments of its
     * year and after: the same enrolment, withdrawal and money whichever of the payment and the death list came first
     * (a death before the year: withdrawn before coverage, the money owed back; in it: covered until the death).
     */
    private void withdrawDead(Enrolment renewed, LocalDate death) {
        withdrawals.withdrawAll(roster.activeAmong(List.of(renewed.personId()), renewed.coverageYear()), WithdrawalReason.DECEASED,
                Map.of(renewed.personId(), death), RENEWAL, clock.instant(), day -> "死亡名单：自" + day + "起终止参保（续保时已登记死亡）");
    }

    /** Whether a payment on {@code paidOn} would start the renewal's coverage within its year (DOMAIN.md: else 422 for anyone). */
    private static boolean coverableWithin(Enrolment renewed, LocalDate paidOn) {
        return new EnrolmentPolicy.Coverage(renewed.terms().coverageFrom(), renewed.coverageStart(), renewed.waitingPeriodDays(),
                renewed.terms().waitingPeriodMonths()).startsWithin(paidOn, renewed.coverageYear());
    }

    /** Last year's resident for this year: a newborn has grown into a minor; a pupil stays a pupil. */
    private static Enrolment renewal(Enrolment previous, CampaignDefined campaign, LocalDate paidOn) {
        PersonCategory category = previous.personCategory() == PersonCategory.STUDENT
                || previous.personCategory() == PersonCategory.COLLEGE_STUDENT
                ? previous.personCategory() : EnrolmentPolicy.defaultCategory(previous.birthDate(), campaign);
        LocalDate opens = EnrolmentPolicy.opensFor(campaign, category);
        LocalDate enrolledOn = paidOn.isBefore(opens) ? opens : paidOn;
        // a baby is the campaign's newborn case, as in a clerk's enrolment of it: within the case's window or its otherwise, not late
        SpecialCase specialCase = EnrolmentPolicy.caseOf(campaign, category, null);
        EnrolmentPolicy.Decision decision = EnrolmentPolicy.decide(campaign,
                new EnrolmentPolicy.Applicant(previous.birthDate(), category, specialCase, null, null, enrolledOn));
        EnrolmentPolicy.Coverage coverage = decision.coverage();
        Enrolment.Terms terms = new Enrolment.Terms(previous.terms().schoolClass(), null, specialCase, null, null, coverage.from(),
                coverage.waitingMonths(), decision.rule(), decision.explanation(), decision.amountRule());
        return new Enrolment(previous.personId(), campaign.coverageYear(), previous.region(), previous.idNumberSealed(),
                previous.idNumberMasked(), previous.name(), previous.phone(), previous.birthDate(), previous.sex(), category,
                previous.township(), previous.village(), previous.school(), previous.hukouLocal(), previous.residencePermit(),
                EnrolmentChannel.ROLLOVER, enrolledOn, coverage.start(), coverage.waitingDays(), RENEWAL, null, null, false, terms);
    }
}
