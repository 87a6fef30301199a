package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.contracts.identity.NearBirthRule;
import cn.medicare.campaign.enrollment.campaign.CampaignStore;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.identity.ContactSealer;
import cn.medicare.campaign.kit.locking.PersonLocks;
import cn.medicare.campaign.kit.outbox.OutboxMessage;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.kit.privacy.FreeText;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.security.Role;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import cn.medicare.campaign.kit.web.RequestValues;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a resident off the roster for a year (death, employee insurance, moving away, a duplicate
 * registration) and announces it, so that every figure drops the person from the effective date.
 */
@Service
class WithdrawalService {

    private static final int MAX_REASON = 200;

    private final EnrolmentStore roster;
    private final CampaignStore campaigns;
    private final ExclusionStore exclusions;
    private final AuditStore audit;
    private final EVoucherService eVouchers;
    private final OutboxWriter outbox;
    private final Clock clock;

    private final ContactSealer contacts;
    private final PersonLocks locks;
    private final NearBirthService nearBirth;

    WithdrawalService(EnrolmentStore roster, CampaignStore campaigns, ExclusionStore exclusions, AuditStore audit, EVoucherService eVouchers,
            OutboxWriter outbox, Clock clock, ObjectProvider<ContactSealer> contacts, PersonLocks locks, NearBirthService nearBirth) {
        this.campaigns = campaigns;
        this.nearBirth = nearBirth;
        this.locks = locks;
        this.contacts = contacts.getIfAvailable();
        this.eVouchers = eVouchers;
        this.roster = roster;
        this.exclusions = exclusions;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Enrolment withdraw(Caller caller, String personId, WithdrawalRequest request) {
        List<InputError> errors = new ArrayList<>();
        if (request.coverageYear() == null) {
            errors.add(InputError.field("coverageYear", "必填，如 2018 / is required, e.g. 2018"));
        }
        if (request.reason() == null) {
            errors.add(InputError.field("reason", "退出参保原因应为 DECEASED、EMPLOYEE_INSURANCE、MOVED_AWAY 或 DUPLICATE / is one of "
                    + "DECEASED, EMPLOYEE_INSURANCE, MOVED_AWAY, DUPLICATE"));
        }
        if (request.effectiveDate() == null) {
            errors.add(InputError.field("effectiveDate", "必填：退出参保的生效日期，自该日起不再计入统计 / is required: the day the person "
                    + "leaves the figures"));
        }
        // a year mistyped (2205 for 2025) would keep the person in the figures, and alive, for centuries; a withdrawal may
        // still be dated ahead within its year (employee insurance from Jan 1), a death never
        if (request.effectiveDate() != null && request.coverageYear() != null
                && (request.effectiveDate().getYear() > request.coverageYear()
                        || request.reason() == WithdrawalReason.DECEASED && request.effectiveDate().isAfter(BusinessTime.today(clock)))) {
            errors.add(InputError.field("effectiveDate", "不能晚于该参保年度的12月31日，死亡日期不能晚于今天 / is within the coverage year, "
                    + "and a death is not in the future"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        // a death withdraws the person's other years too, and a revocation reads the facts still standing: an enrolment or a
        // list in another transaction meanwhile would miss what this one does
        locks.lock(List.of(personId));
        Enrolment enrolment = roster.findForUpdate(personId, request.coverageYear())
                .orElseThrow(() -> ApiException.notFound("该人员该年度没有参保登记 / no enrolment of this person for " + request.coverageYear()));
        caller.requireMayActIn(enrolment.township());
        if (enrolment.withdrawnOn() != null) {
            throw ApiException.conflict("居民 " + enrolment.idNumberMasked() + " 已于 " + enrolment.withdrawnOnShown().chinese()
                    + " 退出参保 / resident " + enrolment.idNumberMasked() + " was already withdrawn on " + enrolment.withdrawnOnShown().english());
        }
        if (request.effectiveDate().isBefore(enrolment.birthDate())) {
            // a death dated 0218 for 2018 would withdraw every year of the person, finished ones too
            throw ApiException.invalid("effectiveDate", RequestValues.BEFORE_BIRTH);
        }
        boolean fromBirth = nearBirth.dates().near(request.effectiveDate(), NearBirthService.Person.of(enrolment));
        roster.withdraw(personId, request.coverageYear(), request.reason(), request.effectiveDate(), fromBirth);
        audit.record(personId, request.coverageYear(), clock.instant(), caller.clientId(), "WITHDRAWN", request.reason().name(),
                "终止参保，自" + (fromBirth ? NearBirthRule.SHOWN : request.effectiveDate()) + "起");
        outbox.append(announcement(personId, request.coverageYear(), enrolment.region(), request.reason(), request.effectiveDate(), fromBirth));
        if (request.reason() == WithdrawalReason.DECEASED) {
            withdrawLaterYears(caller, personId, request.coverageYear(), request.effectiveDate());
        }
        return roster.find(personId, request.coverageYear()).orElseThrow();
    }

    /** Whether the withdrawal came with an agency's list: a fact of its kind, of its date and year, still stands. */
    private boolean byAnAgencysList(Enrolment enrolment) {
        return FeedService.Feed.behind(enrolment.withdrawalReason()).filter(feed -> exclusions.of(List.of(enrolment.personId()))
                .getOrDefault(enrolment.personId(), List.of()).stream()
                .anyMatch(fact -> fact.kind() == feed.kind && fact.effectiveDate().equals(enrolment.withdrawnOn())
                        && (fact.coverageYear() == null || fact.coverageYear() == enrolment.coverageYear())))
                .isPresent();
    }

    /**
     * A death ends the person's other enrolments of its year and after too, as the death list does (a roll-over would
     * otherwise chase the family); an earlier year stood until it ended.
     */
    private void withdrawLaterYears(Caller caller, String personId, int coverageYear, LocalDate diedOn) {
        List<EnrolmentStore.Active> later = roster.activeAmong(List.of(personId), null).stream()
                .filter(active -> active.coverageYear() != coverageYear && active.coverageYear() >= diedOn.getYear()).toList();
        if (later.isEmpty()) {
            return;
        }
        withdrawAll(later, WithdrawalReason.DECEASED, Map.of(personId, diedOn), caller.clientId(), clock.instant(),
                day -> "终止参保，自" + day + "起（" + coverageYear + "年度登记死亡）");
    }

    /**
     * Ends these enrolments, each from its person's date, with an audit line and a PersonWithdrawn for each: a withdrawal
     * is written this one way whoever makes it (a clerk's death, an agency's list, the renewal of someone known dead).
     *
     * @param detail the audit line's words for the day shown: its date, or the birth's words for one near it
     */
    void withdrawAll(List<EnrolmentStore.Active> enrolments, WithdrawalReason reason, Map<String, LocalDate> dates, String actor,
            Instant at, Function<String, String> detail) {
        NearBirthService.Dates judge = nearBirth.dates();
        // one date about one person (a death ends each year from its own on): near in one year, it travels as the flag in all
        Set<String> nearTheirBirth = enrolments.stream()
                .filter(active -> judge.near(dates.get(active.personId()), NearBirthService.Person.of(active)))
                .map(EnrolmentStore.Active::personId).collect(Collectors.toSet());
        Set<EnrolmentStore.Active> fromBirth = enrolments.stream().filter(active -> nearTheirBirth.contains(active.personId()))
                .collect(Collectors.toSet());
        roster.withdrawAll(enrolments, reason, dates, fromBirth);
        audit.recordAll(enrolments.stream().map(active -> new AuditStore.Change(active.personId(), active.coverageYear(), at, actor,
                "WITHDRAWN", reason.name(), detail.apply(fromBirth.contains(active) ? NearBirthRule.SHOWN
                        : dates.get(active.personId()).toString()))).toList());
        outbox.appendAll(enrolments.stream().map(active -> OutboxMessage.of(announcement(active.personId(), active.coverageYear(),
                active.region(), reason, dates.get(active.personId()), fromBirth.contains(active)), at)).toList());
    }

    /** A withdrawal near the birth travels as the flag alone (EVENTS.md: a birth date never in clear). */
    private static PersonWithdrawn announcement(String personId, int coverageYear, String region, WithdrawalReason reason,
            LocalDate effectiveDate, boolean fromBirth) {
        return new PersonWithdrawn(personId, coverageYear, region, reason, fromBirth ? null : effectiveDate, fromBirth ? true : null);
    }

    /**
     * 撤销终止参保: a withdrawal made by mistake is revoked with a reason and the enrolment stands
     * again. It is announced as the enrolment again (PersonEnrolled, {@code withdrawalRevoked}), which
     * every consumer applies as the registration going on, settlement and all, whatever day the
     * withdrawal took effect. A death is the bureau's to revoke. The
     * list's fact behind the withdrawal, if any, is revoked with it, so that it refuses no later enrolment.
     */
    @Transactional
    Enrolment revoke(Caller caller, String personId, RevocationRequest request) {
        List<InputError> errors = new ArrayList<>();
        if (request.coverageYear() == null) {
            errors.add(InputError.field("coverageYear", "必填，如 2018 / is required, e.g. 2018"));
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().strip().length() > MAX_REASON) {
            errors.add(InputError.field("reason", "撤销原因必须填写，最多" + MAX_REASON + "字 / is required, at most " + MAX_REASON + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        locks.lock(List.of(personId));
        Enrolment enrolment = roster.findForUpdate(personId, request.coverageYear())
                .orElseThrow(() -> ApiException.notFound("该人员该年度没有参保登记 / no enrolment of this person for " + request.coverageYear()));
        caller.requireMayActIn(enrolment.township());
        if (enrolment.withdrawnOn() == null) {
            throw ApiException.conflict("该参保登记未终止，无需撤销 / the enrolment is not withdrawn");
        }
        if (enrolment.withdrawalReason() == WithdrawalReason.DECEASED && !caller.is(Role.BUREAU)) {
            throw new AccessDeniedException("only the bureau revokes a withdrawal for death");
        }
        if (!caller.is(Role.BUREAU) && byAnAgencysList(enrolment)) {
            // 人社's or another region's list is the agency's word: a township undoing it would count the person in two insurances
            throw new AccessDeniedException("只有医保局可以撤销部门名单所致的终止参保 / only the bureau revokes a withdrawal an agency's list made");
        }
        // a death found wrong is wrong for every year it ended; any other withdrawal is of its own year
        List<Integer> years = enrolment.withdrawalReason() == WithdrawalReason.DECEASED
                ? roster.yearsWithdrawn(personId, WithdrawalReason.DECEASED, enrolment.withdrawnOn()) : List.of(request.coverageYear());
        FeedService.Feed.behind(enrolment.withdrawalReason()).ifPresent(feed -> exclusions.revoke(personId, feed.kind,
                feed.perYear ? request.coverageYear() : null, enrolment.withdrawnOn(), caller.clientId(), clock.instant()));
        List<Enrolment> standing = new ArrayList<>();
        LocalDate firstCollectionDay = campaigns.firstCollectionDay().orElse(null);
        for (int year : years) {
            roster.revokeWithdrawal(personId, year);
            audit.record(personId, year, clock.instant(), caller.clientId(), "WITHDRAWAL_REVOKED",
                    FreeText.redact(request.reason().strip()), "撤销" + enrolment.withdrawnOnShown().chinese() + "的终止参保（" + enrolment.withdrawalReason() + "）");
            standing.add(roster.find(personId, year).orElseThrow());
            outbox.append(EnrolmentService.announcement(standing.get(standing.size() - 1), contacts, firstCollectionDay)
                    .revokingAWithdrawal());
        }
        refuseWhereAnotherFactStillStands(personId, standing);
        // an activation kept while every enrolment of the person stood withdrawn counts from now, for the latest year
        eVouchers.announceKept(standing.stream().sorted(Comparator.comparingInt(Enrolment::coverageYear).reversed()).toList());
        return roster.find(personId, request.coverageYear()).orElseThrow();
    }

    /**
     * The withdrawal lifted, another fact may still keep the person off the roster: a death on a later list, employee
     * insurance or another region's enrolment (EnrolmentBlockRule, as for a new enrolment). The revocation is then
     * refused whole: it would put a dead person back on the levy and unpaid lists. A death ends the years from its own
     * on, as a death withdrawal and the death list do: a year the person lived through stands.
     */
    private void refuseWhereAnotherFactStillStands(String personId, List<Enrolment> standing) {
        LocalDate death = roster.deceasedOn(List.of(personId)).get(personId);
        List<ExclusionStore.Exclusion> facts = exclusions.of(List.of(personId)).getOrDefault(personId, List.of());
        NearBirthService.Dates judge = nearBirth.dates();
        for (Enrolment enrolment : standing) {
            int year = enrolment.coverageYear();
            LocalDate deathByThen = death != null && death.getYear() <= year ? death : null;
            List<ExclusionStore.Exclusion> factsByThen = facts.stream()
                    .filter(fact -> fact.kind() != ExclusionStore.Kind.DECEASED || fact.effectiveDate().getYear() <= year).toList();
            EnrolmentBlockRule.why(year, BusinessTime.today(clock), deathByThen, factsByThen, enrolment.employeeInsuranceEnded(),
                            day -> judge.near(day, NearBirthService.Person.of(enrolment)) ? NearBirthRule.Shown.NEAR_BIRTH
                                    : NearBirthRule.Shown.of(day))
                    .ifPresent(why -> {
                        throw ApiException.ruleViolated("撤销终止参保后仍不能参保，未撤销：" + why + " / the withdrawal stays: " + why);
                    });
        }
    }
}
