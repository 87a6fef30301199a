package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.CoverageYears;
import cn.medicare.campaign.contracts.codes.EnrolmentChannel;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.SpecialCase;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.contracts.identity.IdNumberSealer;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.contracts.identity.ResidentIdCheck;
import cn.medicare.campaign.contracts.identity.ResidentIdNumber;
import cn.medicare.campaign.contracts.policy.EnrolmentPolicy;
import cn.medicare.campaign.enrollment.campaign.CampaignStore;
import cn.medicare.campaign.kit.identity.ContactSealer;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.locking.PersonLocks;
import cn.medicare.campaign.kit.outbox.OutboxMessage;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.kit.privacy.FreeText;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts residents on the roster and announces each one on {@code insurance.roster.v1}. */
@Service
class EnrolmentService {

    /**
     * A coverage from birth shows as the flag, without the date: that date is the birth date. A start
     * that waits for the payment is null, and the rule says so.
     */
    record Enrolled(String personId, @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate coverageStart, Boolean coverageFromBirth,
            int waitingPeriodDays, String amountRule, CoverageRuleView coverageRule, String explanation) {
    }

    private final EnrolmentStore roster;
    private final CampaignStore campaigns;
    private final PersonIds personIds;
    private final IdNumberSealer sealer;
    private final ExclusionStore exclusions;
    private final AuditStore audit;
    private final EVoucherService eVouchers;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final ContactSealer contacts;
    private final PersonLocks locks;

    EnrolmentService(EnrolmentStore roster, CampaignStore campaigns, PersonIds personIds, IdNumberSealer sealer,
            ExclusionStore exclusions, AuditStore audit, EVoucherService eVouchers, OutboxWriter outbox, Clock clock,
            ObjectProvider<ContactSealer> contacts, PersonLocks locks) {
        this.locks = locks;
        this.contacts = contacts.getIfAvailable();
        this.eVouchers = eVouchers;
        this.exclusions = exclusions;
        this.audit = audit;
        this.roster = roster;
        this.campaigns = campaigns;
        this.personIds = personIds;
        this.sealer = sealer;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Enrolled enrol(Caller caller, EnrolmentRequest request) {
        KnownCampaigns known = new KnownCampaigns();
        Enrolment prepared = prepare(caller, request, BusinessTime.today(clock), known);
        locks.lock(List.of(prepared.personId()));
        Enrolment enrolment = withTheirMasks(List.of(prepared)).get(0);
        Map<String, String> blocked = blocking(List.of(enrolment));
        if (blocked.containsKey(enrolment.personYear())) {
            throw ApiException.ruleViolated(blocked.get(enrolment.personYear()));
        }
        if (!roster.add(enrolment, clock.instant())) {
            throw ApiException.conflict("居民 " + enrolment.idNumberMasked() + " 已登记 " + request.coverageYear() + " 年度参保 / resident "
                    + enrolment.idNumberMasked() + " is already enrolled for " + request.coverageYear());
        }
        audit.record(enrolment.personId(), enrolment.coverageYear(), clock.instant(), caller.clientId(), "ENROLLED", null,
                enrolment.terms().coverageExplanation());
        outbox.append(announcement(enrolment, contacts, known.firstCollectionDay()));
        eVouchers.announceKept(List.of(enrolment));
        return new Enrolled(enrolment.personId(), enrolment.coverageStartShown(), enrolment.coverageFromBirth(),
                enrolment.waitingPeriodDays(), enrolment.terms().amountRule().name(), CoverageRuleView.of(enrolment.terms()),
                enrolment.terms().coverageExplanation());
    }

    /**
     * A township's or school's list at once (API.md batch): every valid row is enrolled, every other
     * row is reported with its reasons, and a resident already on the roster (also twice in the
     * same list) is reported, never enrolled twice. Someone withdrawn as moved away or in employee
     * insurance is enrolled again by a list only where the row dates the enrolment after the
     * withdrawal: a list sent again would otherwise put back everyone withdrawn since it was first
     * sent ({@link #sentAgain}).
     */
    @Transactional
    BatchOutcome enrolAll(Caller caller, List<BatchRow> rows) {
        LocalDate today = BusinessTime.today(clock);
        KnownCampaigns campaigns = new KnownCampaigns();
        List<Enrolment> prepared = new ArrayList<>();
        List<Integer> preparedRows = new ArrayList<>();
        List<LocalDate> statedDates = new ArrayList<>();
        List<BatchOutcome.Rejection> rejected = new ArrayList<>();
        for (BatchRow row : rows) {
            if (!row.unreadable().isEmpty()) {
                rejected.add(new BatchOutcome.Rejection(row.row(), row.unreadable()));
                continue;
            }
            try {
                prepared.add(prepare(caller, campaigns.byCode(row.request()), today, campaigns));
                preparedRows.add(row.row());
                statedDates.add(row.request().enrolledOn());
            } catch (ApiException refusal) {
                rejected.add(BatchOutcome.Rejection.of(row.row(), refusal));
            } catch (AccessDeniedException denied) {
                rejected.add(new BatchOutcome.Rejection(row.row(), List.of(InputError.row(row.row(), "township",
                        caller.clientId() + " 无权为乡镇 " + row.request().township() + " 的居民办理参保 / "
                        + caller.clientId() + " may not enrol residents of township " + row.request().township()))));
            }
        }
        List<Enrolment> distinct = new ArrayList<>();
        boolean[] repeated = new boolean[prepared.size()];
        Set<String> keys = new HashSet<>();
        locks.lock(prepared.stream().map(Enrolment::personId).toList());
        prepared = withTheirMasks(prepared);
        Map<String, String> blocked = blocking(prepared);
        Map<String, EnrolmentStore.Returnable> returnable = roster.returnableAmong(prepared);
        Map<Integer, EnrolmentStore.Returnable> resent = new HashMap<>();
        for (int i = 0; i < prepared.size(); i++) {
            // a person may be on one list for two coverage years; twice for one year is the list's mistake
            repeated[i] = !keys.add(prepared.get(i).personYear());
            EnrolmentStore.Returnable withdrawn = returnable.get(prepared.get(i).personYear());
            if (withdrawn != null && sentAgain(withdrawn, statedDates.get(i))) {
                resent.put(i, withdrawn);
            } else if (!repeated[i] && !blocked.containsKey(prepared.get(i).personYear())) {
                distinct.add(prepared.get(i));
            }
        }
        Set<String> added = roster.addAll(distinct, clock.instant());
        List<OutboxMessage> announcements = new ArrayList<>();
        List<AuditStore.Change> audited = new ArrayList<>();
        List<Enrolment> enrolled = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            Enrolment enrolment = prepared.get(i);
            int row = preparedRows.get(i);
            if (blocked.containsKey(enrolment.personYear())) {
                rejected.add(BatchOutcome.Rejection.of(row, ApiException.ruleViolated(blocked.get(enrolment.personYear()))));
            } else if (resent.containsKey(i)) {
                EnrolmentStore.Returnable withdrawn = resent.get(i);
                rejected.add(new BatchOutcome.Rejection(row, List.of(InputError.row(row, "enrolledOn",
                        "居民 " + enrolment.idNumberMasked() + " 已于 " + withdrawn.withdrawnOn() + " 退出 " + enrolment.coverageYear()
                        + " 年度参保（" + withdrawn.reason() + "），名单再次报送不重新登记；已迁回或已停保职工医保的，请填写退出之后的登记日期"
                        + " / resident " + enrolment.idNumberMasked() + " was withdrawn from " + enrolment.coverageYear() + " on "
                        + withdrawn.withdrawnOn() + " (" + withdrawn.reason() + "): a list sent again does not enrol them again;"
                        + " for one who came back, give an enrolledOn after the withdrawal"))));
            } else if (repeated[i]) {
                rejected.add(new BatchOutcome.Rejection(row, List.of(InputError.row(row, "idNumber",
                        "居民 " + enrolment.idNumberMasked() + " 在本名单中重复出现 / resident " + enrolment.idNumberMasked()
                        + " appears more than once in this list"))));
            } else if (added.contains(enrolment.personYear())) {
                announcements.add(OutboxMessage.of(announcement(enrolment, contacts, campaigns.firstCollectionDay()), clock.instant()));
                enrolled.add(enrolment);
                audited.add(new AuditStore.Change(enrolment.personId(), enrolment.coverageYear(), clock.instant(), caller.clientId(),
                        "ENROLLED", null, enrolment.terms().coverageExplanation()));
            } else {
                rejected.add(new BatchOutcome.Rejection(row, List.of(InputError.row(row, "idNumber",
                        "居民 " + enrolment.idNumberMasked() + " 已登记 " + enrolment.coverageYear() + " 年度参保 / resident "
                        + enrolment.idNumberMasked() + " is already enrolled for " + enrolment.coverageYear()))));
            }
        }
        outbox.appendAll(announcements);
        eVouchers.announceKept(enrolled);
        if (!audited.isEmpty()) {
            audit.recordAll(audited);
        }
        rejected.sort(Comparator.comparingInt(BatchOutcome.Rejection::row));
        return new BatchOutcome(announcements.size(), rejected);
    }

    /**
     * The enrolments, each of a child the rule masks to the county under the mask its earlier enrolments show: one made
     * under an older rule showed 6+1 (with the birth year), and a second mask of one person would tell which side of the
     * threshold the birth lies. Anyone the rule masks 6+1 was never masked to the county by any rule before it.
     */
    private List<Enrolment> withTheirMasks(List<Enrolment> enrolments) {
        List<String> children = enrolments.stream().filter(enrolment -> enrolment.idNumberMasked().endsWith("*"))
                .map(Enrolment::personId).distinct().toList();
        if (children.isEmpty()) {
            return enrolments;
        }
        Map<String, String> masks = roster.masksOf(children);
        return enrolments.stream().map(enrolment -> masks.containsKey(enrolment.personId())
                ? enrolment.maskedAs(masks.get(enrolment.personId())) : enrolment).toList();
    }

    /**
     * Whether a list's row for someone withdrawn as moved away or in employee insurance is the list's earlier row sent
     * again rather than the person's return: only a row dated after the withdrawal says they came back. One at a time
     * ({@link #enrol}) the clerk is enrolling that person, not sending a list again.
     */
    private static boolean sentAgain(EnrolmentStore.Returnable withdrawn, LocalDate statedEnrolledOn) {
        return statedEnrolledOn == null || !statedEnrolledOn.isAfter(withdrawn.withdrawnOn());
    }

    /**
     * Why some of these people may not be enrolled, by person-year ({@link Enrolment#personYear()}): a
     * death (a DECEASED withdrawal or a death list) on or before the enrolment, employee insurance or
     * another region's enrolment for the year (the lists of 人社/医保 and other regions). One read of
     * each for a whole list. The caller holds the people's locks ({@link PersonLocks}) from before this
     * read until it commits: a list applied meanwhile in another transaction would see no enrolment to
     * withdraw, and this read no fact to refuse.
     */
    private Map<String, String> blocking(List<Enrolment> enrolments) {
        List<String> personIds = enrolments.stream().map(Enrolment::personId).distinct().toList();
        Map<String, LocalDate> deaths = roster.deceasedOn(personIds);
        Map<String, List<ExclusionStore.Exclusion>> excluded = exclusions.of(personIds);
        Map<String, String> blocked = new HashMap<>();
        for (Enrolment enrolment : enrolments) {
            EnrolmentBlockRule.why(enrolment.coverageYear(), BusinessTime.today(clock), deaths.get(enrolment.personId()),
                    excluded.getOrDefault(enrolment.personId(), List.of()),
                    enrolment.employeeInsuranceEnded())
                    .ifPresent(why -> blocked.put(enrolment.personYear(), why));
        }
        return blocked;
    }

    private Enrolment prepare(Caller caller, EnrolmentRequest request, LocalDate today, KnownCampaigns known) {
        ResidentIdCheck.Valid id = EnrolmentRequests.check(request, today);
        caller.requireMayActIn(request.township().trim());
        CampaignDefined campaign = known.campaign(request.region(), request.coverageYear());
        if (!known.townships(request.region(), request.coverageYear()).contains(request.township().trim())) {
            throw ApiException.invalid(List.of(InputError.field("township", "乡镇 " + request.township().trim() + " 在县（区） "
                    + request.region() + " " + request.coverageYear() + " 年度的方案中没有目标任务 / township " + request.township().trim()
                    + " has no target in the " + request.coverageYear() + " campaign of " + request.region())));
        }
        List<InputError> unitProblems = new ArrayList<>();
        if (request.school() == null || request.school().isBlank()) {
            // a pupil's 村/社区/班级 cell is the class (附件4): the pupil counts for the school, not a village
            UnitRule.villageProblem(request.township().trim(), request.village(), known.villages(request.region(), request.coverageYear()))
                    .ifPresent(unitProblems::add);
        }
        UnitRule.schoolProblem(request.school(), known.schools(request.region(), request.coverageYear())).ifPresent(unitProblems::add);
        if (!unitProblems.isEmpty()) {
            throw ApiException.invalid(unitProblems);
        }
        LocalDate birthDate = id.birthDate();
        PersonCategory category = EnrolmentPolicy.categoryOf(request.personCategory(), birthDate, campaign);
        String contradiction = EnrolmentPolicy.categoryContradiction(category, birthDate, campaign);
        if (contradiction != null) {
            throw ApiException.invalid("personCategory", contradiction);
        }
        LocalDate enrolledOn = request.enrolledOn() != null ? request.enrolledOn() : today;
        LocalDate opens = EnrolmentPolicy.opensFor(campaign, category);
        if (enrolledOn.isBefore(opens)) {
            throw ApiException.invalid("enrolledOn", "不能早于该类人员（" + category + "）参保缴费期开始日 " + opens
                    + " / is on or after the start of the collection period for " + category + ", " + opens);
        }
        LocalDate earliest = campaign.earliestEnrolledOn(today);
        if (earliest != null && enrolledOn.isBefore(earliest)) {
            throw ApiException.invalid("enrolledOn", "登记日期最早为受理日前" + campaign.stageRules().enrolledOnGraceDays() + "天（" + earliest
                    + "） / is on or after " + earliest + ": the campaign allows " + campaign.stageRules().enrolledOnGraceDays()
                    + " days of grace before the day it is received");
        }
        EnrolmentRequest.SpecialCaseClaim claim = request.specialCase();
        SpecialCase specialCase = EnrolmentPolicy.caseOf(campaign, category, claim == null ? null : claim.specialCase());
        EnrolmentPolicy.Applicant applicant = new EnrolmentPolicy.Applicant(birthDate, category,
                specialCase, claim == null ? null : claim.date(),
                claim == null ? null : claim.employeeYears(), enrolledOn);
        String caseDate = EnrolmentPolicy.caseDateContradiction(applicant);
        if (caseDate == null) {
            caseDate = EnrolmentPolicy.missingCaseDate(campaign, applicant);
        }
        if (caseDate != null) {
            throw ApiException.invalid("specialCase.date", caseDate);
        }
        String notTheirCase = EnrolmentPolicy.specialCaseContradiction(campaign, applicant);
        if (notTheirCase != null) {
            throw ApiException.invalid("specialCase.case", notTheirCase);
        }
        LocalDate lastDay = LocalDate.of(request.coverageYear(), 12, 31);
        if (enrolledOn.isAfter(lastDay)) {
            // a rule that covers from a past event (a birth, an admission, a September) would sell a year already over; the
            // 422 of a coverage that could start only after the year (DOMAIN.md), for every rule
            throw ApiException.ruleViolated("登记日期 " + enrolledOn + " 晚于" + request.coverageYear() + "年度待遇享受期的最后一天 " + lastDay
                    + "，该年度已结束，不能再参保 / registered on " + enrolledOn + ", after " + lastDay + ", the last day of the "
                    + request.coverageYear() + " coverage year: a year that has ended takes no enrolment");
        }
        EnrolmentPolicy.Decision decision = EnrolmentPolicy.decide(campaign, applicant);
        if (!decision.coverableWithin(request.coverageYear(), enrolledOn)) {
            throw ApiException.ruleViolated("待遇享受期不能在" + request.coverageYear() + "年内开始：" + decision.explanation()
                    + " / no coverage could start within " + request.coverageYear());
        }
        EnrolmentPolicy.Coverage coverage = decision.coverage();
        Enrolment.Terms terms = new Enrolment.Terms(FreeText.redactedOrNull(request.schoolClass()),
                FreeText.redactedOrNull(request.remarks()), specialCase, claim == null ? null : claim.date(),
                claim == null ? null : claim.employeeYears(), coverage.from(), coverage.waitingMonths(), decision.rule(),
                decision.explanation(), decision.amountRule());
        return new Enrolment(personIds.personId(id.number()), request.coverageYear(), request.region(),
                sealer.seal(id.number()), PersonIds.maskIdNumber(id.number(), birthDate, known.firstCollectionDay()), request.name().strip(),
                blankToNull(request.phone()),
                birthDate, id.sex(), category, request.township().trim(), FreeText.redactedOrNull(request.village()),
                FreeText.redactedOrNull(request.school()),
                request.hukouLocal(), request.residencePermit(),
                request.school() == null || request.school().isBlank() ? EnrolmentChannel.TOWNSHIP : EnrolmentChannel.SCHOOL,
                enrolledOn, coverage.start(), coverage.waitingDays(), caller.clientId(), null, null, false, terms);
    }

    /** The campaigns and townships a request names, read once per request rather than once per row. */
    private final class KnownCampaigns {

        private final Map<String, Optional<CampaignDefined>> campaignsByKey = new HashMap<>();
        private final Map<String, Set<String>> townshipsByKey = new HashMap<>();
        private final Map<String, List<TargetsSet.Target>> targetsByKey = new HashMap<>();
        private final Map<String, List<TargetsSet.Unit>> unitsByKey = new HashMap<>();
        private final Map<String, Map<String, List<String>>> villagesByKey = new HashMap<>();
        private final Map<String, List<String>> schoolsByKey = new HashMap<>();
        private LocalDate firstCollectionDay;

        CampaignDefined campaign(String region, int coverageYear) {
            return campaignsByKey.computeIfAbsent(region + ":" + coverageYear, key -> campaigns.find(region, coverageYear))
                    .orElseThrow(() -> ApiException.ruleViolated("县（区） " + region + " 尚无 " + coverageYear + " 参保年度的参保缴费工作方案"
                            + " / there is no campaign for region " + region + " and coverage year " + coverageYear + " yet"));
        }

        /** The first day any campaign let people enrol and pay; read once, as every row comes under a campaign. */
        LocalDate firstCollectionDay() {
            if (firstCollectionDay == null) {
                firstCollectionDay = campaigns.firstCollectionDay().orElseThrow();
            }
            return firstCollectionDay;
        }

        Set<String> townships(String region, int coverageYear) {
            return townshipsByKey.computeIfAbsent(region + ":" + coverageYear, key -> campaigns.targets(region, coverageYear).stream()
                    .map(TargetsSet.Target::township).collect(Collectors.toSet()));
        }

        List<TargetsSet.Unit> units(String region, int coverageYear) {
            return unitsByKey.computeIfAbsent(region + ":" + coverageYear, key -> campaigns.units(region, coverageYear));
        }

        Map<String, List<String>> villages(String region, int coverageYear) {
            return villagesByKey.computeIfAbsent(region + ":" + coverageYear, key -> UnitRule.villagesByTownship(units(region, coverageYear)));
        }

        List<String> schools(String region, int coverageYear) {
            return schoolsByKey.computeIfAbsent(region + ":" + coverageYear, key -> UnitRule.schools(units(region, coverageYear)));
        }

        /**
         * A row whose township cell is a name (附件4 as filled in) in the code of the township of that
         * name, or of the school of that name and its township or education system; unchanged when
         * the name is no unit's, or more than one's (the township check then names the cell).
         */
        EnrolmentRequest byCode(EnrolmentRequest request) {
            String named = request.township() == null ? null : request.township().strip();
            if (named == null || named.matches("[0-9]{9}") || request.region() == null || request.coverageYear() == null) {
                return request;
            }
            String key = request.region() + ":" + request.coverageYear();
            List<TargetsSet.Target> townships = targetsByKey.computeIfAbsent(key,
                    k -> campaigns.targets(request.region(), request.coverageYear()));
            List<String> codes = townships.stream().filter(target -> target.townshipName().equals(named))
                    .map(TargetsSet.Target::township).toList();
            if (codes.size() == 1) {
                return request.inTownship(codes.get(0));
            }
            List<TargetsSet.Unit> schools = units(request.region(), request.coverageYear()).stream()
                    .filter(unit -> unit.type() == TargetsSet.UnitType.SCHOOL && unit.unitName().equals(named) && unit.parent() != null)
                    .toList();
            return schools.size() == 1 ? request.atSchool(schools.get(0).parent(), named) : request;
        }
    }

    /**
     * 参保查询: the enrolment of the resident whose ID card the clerk holds, with its personId, which
     * every other call about the person takes; the township's right as for {@link #find}.
     */
    @Transactional(readOnly = true)
    Enrolment lookUp(Caller caller, LookupRequest request) {
        List<InputError> errors = new ArrayList<>();
        ResidentIdCheck id = request.idNumber() == null ? null : ResidentIdNumber.check(request.idNumber(), BusinessTime.today(clock));
        if (id == null || !id.isValid()) {
            errors.add(InputError.field("idNumber", id == null ? "必填 / is required" : String.join("; ", id.problems())));
        }
        if (!CoverageYears.known(request.coverageYear())) {
            errors.add(InputError.field("coverageYear", "应为年份，如 2018 / is a year such as 2018"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return find(caller, personIds.personId(((ResidentIdCheck.Valid) id).number()), request.coverageYear());
    }

    @Transactional(readOnly = true)
    Enrolment find(Caller caller, String personId, int coverageYear) {
        Enrolment enrolment = roster.find(personId, coverageYear)
                .orElseThrow(() -> ApiException.notFound("该人员该年度没有参保登记 / no enrolment of this person for " + coverageYear));
        caller.requireMayActIn(enrolment.township());
        return enrolment;
    }

    /**
     * The birth date never travels (EVENTS.md, "Personal data on the bus"): a coverage that starts
     * on it travels as a flag, and the birth year only where nothing else in the record bounds the
     * date within it ({@link DisclosureRule}). The name and phone travel only sealed for the
     * reporting service, where this service has its key.
     */
    static PersonEnrolled announcement(Enrolment enrolment, ContactSealer contacts, LocalDate firstCollectionDay) {
        Integer birthYear = DisclosureRule.birthYear(enrolment.idNumberMasked(), enrolment.birthDate(), enrolment.enrolledOn(),
                enrolment.coverageYear(), firstCollectionDay);
        Enrolment.Terms terms = enrolment.terms();
        return new PersonEnrolled(enrolment.personId(), enrolment.coverageYear(), enrolment.region(), enrolment.idNumberMasked(),
                enrolment.idNumberSealed(), PersonIds.maskName(enrolment.name()), birthYear, enrolment.sex(),
                enrolment.personCategory(), enrolment.township(), enrolment.village(), enrolment.school(), enrolment.hukouLocal(),
                enrolment.residencePermit(), enrolment.channel(), enrolment.coverageStartShown(), enrolment.coverageFromBirth(),
                enrolment.waitingPeriodDays(), enrolment.enrolledOn(), terms.amountRule(),
                enrolment.coverageStart() == null ? terms.coverageFrom() : null, terms.waitingPeriodMonths(), terms.coverageCase(),
                contacts == null ? null : contacts.seal(enrolment.name(), enrolment.phone()), SpecialCase.named(terms.coverageCase()),
                enrolment.school() == null ? null : terms.schoolClass());
    }

    /** Strips as the checks measure (Unicode spaces too), so that what passed the length check fits its column. */
    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
