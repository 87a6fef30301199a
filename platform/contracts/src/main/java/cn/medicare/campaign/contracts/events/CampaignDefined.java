package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.AmountRule;
import cn.medicare.campaign.contracts.codes.AssistanceMode;
import cn.medicare.campaign.contracts.codes.AssistedPart;
import cn.medicare.campaign.contracts.codes.CoverageFrom;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.SpecialCase;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * 年度参保缴费政策: a county's campaign for one coverage year, replaced as a whole by a higher
 * {@code version}. Every figure is policy configuration, so none of them is a constant in code.
 * The fields after {@code lateEnrolmentWaitingDays} are API.md's additions of 2026-12, all
 * optional; {@link cn.medicare.campaign.contracts.policy.EnrolmentPolicy} applies them.
 *
 * @param minorBornOnOrAfter who counts as a minor (Taixing: born on or after 2004-01-01); absent,
 *     a minor is under 18 on the first day of the collection period
 * @param categoryPeriods collection periods of their own for some person categories
 * @param specialCases coverage rules of the special cases of enrolment
 * @param lateEnrolment what an enrolment outside the period pays and waits; absent, the individual
 *     amount and {@code lateEnrolmentWaitingDays} from the enrolment
 * @param assistanceCutoff 同缴同补: certified on or before this day, assisted this year; absent,
 *     the end of the collection period
 * @param agencyListDueDay the day of the month by which agencies send their lists; absent, 10
 * @param renewal {@code ON_PAYMENT}: a payment from last year's enrolled resident registers them
 *     for this year (续保, channel ROLLOVER); absent, only a clerk or the resident registers them
 * @param refundRule when an application for money back is approved; absent, before coverage starts
 * @param goals the rate each kind of unit must reach; absent, {@code participationGoal} for townships
 * @param stageRules how a stage's penalty counts; absent, pro rata and not cumulative
 * @param ranking the bottom of a ranking and its consequences; absent, DOMAIN.md's 3 / 2 / 3
 * @param shortfall what a township that ends the collection period below its goal bears (Liancheng); absent, nothing
 */
public record CampaignDefined(
        String region,
        String regionName,
        int coverageYear,
        int version,
        Period collectionPeriod,
        List<Extension> extensions,
        Contributions contributions,
        BigDecimal fiscalSubsidy,
        List<Assistance> assistance,
        BigDecimal participationGoal,
        List<Stage> stages,
        int lateEnrolmentWaitingDays,
        LocalDate minorBornOnOrAfter,
        List<CategoryPeriod> categoryPeriods,
        List<SpecialCaseRule> specialCases,
        LateEnrolment lateEnrolment,
        LocalDate assistanceCutoff,
        Integer agencyListDueDay,
        Renewal renewal,
        RefundRule refundRule,
        Goals goals,
        StageRules stageRules,
        Ranking ranking,
        Shortfall shortfall) implements Event {

    /**
     * The months after an enrolment's month by whose end the certification it was made on takes effect, unless the case's
     * rule says: 民政's 低保 takes effect the month after the approval a person enrols on.
     */
    public static final int CERTIFICATION_WITHIN_MONTHS = 1;

    /** 目标: the rate each kind of unit must reach (Liancheng townships 98 %, schools 100 %...). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Goals(@JsonProperty("TOWNSHIP") BigDecimal township, @JsonProperty("SCHOOL") BigDecimal school,
            @JsonProperty("ASSISTED") BigDecimal assisted, @JsonProperty("NEWBORN") BigDecimal newborn) {
    }

    /**
     * 分阶段考核: a penalty per whole point short or pro rata; stages counted apart (分阶段算，不重复) unless cumulative.
     *
     * @param enrolledOnGraceDays how many days before the day an enrolment is received its {@code enrolledOn} may lie, so that
     *     nobody back-dates enrolments into a stage already judged; absent, any day of the collection period (API.md's enrolments)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StageRules(Penalty penalty, Boolean cumulative, Integer enrolledOnGraceDays) {

        public StageRules {
            nonNegative(enrolledOnGraceDays, "enrolledOnGraceDays");
        }

        public StageRules(Penalty penalty, Boolean cumulative) {
            this(penalty, cumulative, null);
        }

        /** How the points short are counted for a penalty. */
        public enum Penalty {
            /** whole points only: a part of a point costs nothing */
            WHOLE_POINTS,
            /** 不足1个百分点按1个百分点计: a part of a point costs a whole one */
            WHOLE_POINTS_ROUNDED_UP,
            /** every point and its fractions, to the fen */
            PRO_RATA
        }
    }

    /** The earliest {@code enrolledOn} an enrolment received on {@code received} may state, if the campaign limits it. */
    public LocalDate earliestEnrolledOn(LocalDate received) {
        return stageRules == null || stageRules.enrolledOnGraceDays() == null ? null : received.minusDays(stageRules.enrolledOnGraceDays());
    }

    /** 排名: how many are the bottom, and after how many periods in a row there a written explanation and criticism follow. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ranking(Integer bottom, Integer explainAfter, Integer criticiseAfter) {

        public Ranking {
            nonNegative(bottom, "bottom");
            nonNegative(explainAfter, "explainAfter");
            nonNegative(criticiseAfter, "criticiseAfter");
        }
    }

    /** The categories the campaign's assistance rules name. */
    public Set<AssistanceCategory> assistedCategories() {
        Set<AssistanceCategory> assisted = EnumSet.noneOf(AssistanceCategory.class);
        assistance.forEach(rule -> assisted.addAll(rule.categories()));
        return assisted;
    }

    /** The township goal: {@code goals.TOWNSHIP}, else {@code participationGoal}. */
    public BigDecimal townshipGoal() {
        return goals != null && goals.township() != null ? goals.township() : participationGoal;
    }

    /** The goal a unit of the type is judged against: a school's own goal where the campaign sets one, else the townships'. */
    public BigDecimal goalFor(TargetsSet.UnitType type) {
        BigDecimal own = goals != null && type == TargetsSet.UnitType.SCHOOL ? goals.school() : null;
        return own != null ? own : townshipGoal();
    }

    /** The share of the certified needy that must be enrolled (absent: shown, not judged). */
    public BigDecimal assistedGoal() {
        return goals == null ? null : goals.assisted();
    }

    /** The share of enrolled newborns that must be enrolled within the days that cover them from birth (absent: not judged). */
    public BigDecimal newbornGoal() {
        return goals == null ? null : goals.newborn();
    }

    public StageRules.Penalty penaltyOrDefault() {
        return stageRules != null && stageRules.penalty() != null ? stageRules.penalty() : StageRules.Penalty.PRO_RATA;
    }

    /** DOMAIN.md's bottom three, explanation after 2 and criticism after 3 periods in a row, unless the campaign says otherwise. */
    public Ranking rankingOrDefault() {
        return new Ranking(ranking != null && ranking.bottom() != null ? ranking.bottom() : 3,
                ranking != null && ranking.explainAfter() != null ? ranking.explainAfter() : 2,
                ranking != null && ranking.criticiseAfter() != null ? ranking.criticiseAfter() : 3);
    }

    /** The same campaign with these rules of judging units. */
    public CampaignDefined withJudging(Goals goals, StageRules stageRules, Ranking ranking) {
        return new CampaignDefined(region, regionName, coverageYear, version, collectionPeriod, extensions, contributions,
                fiscalSubsidy, assistance, participationGoal, stages, lateEnrolmentWaitingDays, minorBornOnOrAfter, categoryPeriods,
                specialCases, lateEnrolment, assistanceCutoff, agencyListDueDay, renewal, refundRule, goals, stageRules, ranking,
                shortfall);
    }

    /**
     * 未达目标的后果 (Liancheng): a township whose rate at the end of the collection period is below its
     * goal bears the county's matching funds on its target and loses tax share for each point short
     * (whole points or pro rata, as {@code stageRules.penalty} says).
     *
     * @param matchingFundsPerHead the county's matching funds per person of the target, in yuan
     * @param taxSharePerPoint the tax share lost per percentage point short, in yuan
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Shortfall(BigDecimal matchingFundsPerHead, BigDecimal taxSharePerPoint) {

        public Shortfall {
            matchingFundsPerHead = matchingFundsPerHead == null ? null : Amounts.yuan(matchingFundsPerHead);
            taxSharePerPoint = taxSharePerPoint == null ? null : Amounts.yuan(taxSharePerPoint);
        }
    }

    /** The same campaign with what a township below its goal bears at the end of the period. */
    public CampaignDefined withShortfall(Shortfall shortfall) {
        return new CampaignDefined(region, regionName, coverageYear, version, collectionPeriod, extensions, contributions,
                fiscalSubsidy, assistance, participationGoal, stages, lateEnrolmentWaitingDays, minorBornOnOrAfter, categoryPeriods,
                specialCases, lateEnrolment, assistanceCutoff, agencyListDueDay, renewal, refundRule, goals, stageRules, ranking,
                shortfall);
    }

    /** 退费规则: when an application for money back (with a reason) is approved. */
    public enum RefundRule {
        /** only before the person's coverage starts (DOMAIN.md's default) */
        BEFORE_COVERAGE_ON_APPLICATION,
        /** on application, also after coverage started */
        ON_APPLICATION
    }

    /** 续保: how last year's residents are registered again. */
    public enum Renewal {
        /** a payment for the new year from last year's resident registers them */
        ON_PAYMENT
    }

    /** The campaign of the first contract, without the additions. */
    public CampaignDefined(String region, String regionName, int coverageYear, int version, Period collectionPeriod,
            List<Extension> extensions, Contributions contributions, BigDecimal fiscalSubsidy, List<Assistance> assistance,
            BigDecimal participationGoal, List<Stage> stages, int lateEnrolmentWaitingDays) {
        this(region, regionName, coverageYear, version, collectionPeriod, extensions, contributions, fiscalSubsidy, assistance,
                participationGoal, stages, lateEnrolmentWaitingDays, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public CampaignDefined {
        requireNonNull(region, "region");
        requireNonNull(regionName, "regionName");
        requireNonNull(collectionPeriod, "collectionPeriod");
        extensions = List.copyOf(requireNonNull(extensions, "extensions"));
        requireNonNull(contributions, "contributions");
        fiscalSubsidy = Amounts.yuan(requireNonNull(fiscalSubsidy, "fiscalSubsidy"));
        assistance = List.copyOf(requireNonNull(assistance, "assistance"));
        requireNonNull(participationGoal, "participationGoal");
        stages = List.copyOf(requireNonNull(stages, "stages"));
        categoryPeriods = categoryPeriods == null ? List.of() : List.copyOf(categoryPeriods);
        specialCases = specialCases == null ? List.of() : List.copyOf(specialCases);
        if (agencyListDueDay != null && (agencyListDueDay < 1 || agencyListDueDay > 28)) {
            throw new IllegalArgumentException("部门名单报送日应为每月的 1 至 28 日 / agencyListDueDay is a day of every month: 1 to 28");
        }
    }

    /** The campaign's rule for that special case of enrolment, where it names one. */
    public Optional<SpecialCaseRule> ruleFor(SpecialCase specialCase) {
        return specialCases.stream().filter(rule -> rule.specialCase() == specialCase).findFirst();
    }

    /** The same campaign with these additions (the first contract's fields unchanged). */
    public CampaignDefined withAdditions(LocalDate minorBornOnOrAfter, List<CategoryPeriod> categoryPeriods,
            List<SpecialCaseRule> specialCases, LateEnrolment lateEnrolment, LocalDate assistanceCutoff, Integer agencyListDueDay,
            Renewal renewal, RefundRule refundRule) {
        return new CampaignDefined(region, regionName, coverageYear, version, collectionPeriod, extensions, contributions,
                fiscalSubsidy, assistance, participationGoal, stages, lateEnrolmentWaitingDays, minorBornOnOrAfter, categoryPeriods,
                specialCases, lateEnrolment, assistanceCutoff, agencyListDueDay, renewal, refundRule, goals, stageRules, ranking,
                shortfall);
    }

    /** The campaign's refund rule: before coverage starts unless it says otherwise. */
    public RefundRule refundRuleOrDefault() {
        return refundRule != null ? refundRule : RefundRule.BEFORE_COVERAGE_ON_APPLICATION;
    }

    /** 同缴同补: the last day a certification counts for this coverage year. */
    public LocalDate assistanceCutoffOrPeriodEnd() {
        return assistanceCutoff != null ? assistanceCutoff : collectionPeriod.end();
    }

    /** The first day anyone may enrol and pay: the period's, or a category's own earlier one (Taixing's students, Sept 1). */
    public LocalDate firstCollectionDay() {
        return categoryPeriods.stream().map(CategoryPeriod::start).filter(start -> start.isBefore(collectionPeriod.start()))
                .min(LocalDate::compareTo).orElse(collectionPeriod.start());
    }

    /** The last day anyone may enrol and pay: the period's end, its latest extension, or a category's own later end. */
    public LocalDate lastCollectionDay() {
        return Stream.concat(Stream.of(collectionPeriod.end()), Stream.concat(extensions.stream().map(Extension::until),
                categoryPeriods.stream().map(CategoryPeriod::end))).max(LocalDate::compareTo).orElseThrow();
    }

    /**
     * How many months after the enrolment's month the certification an enrolment under {@code specialCase} was made on
     * may take effect: the case rule's {@link SpecialCaseRule#certificationWithinMonths}, else {@link #CERTIFICATION_WITHIN_MONTHS}.
     */
    public int certificationWithinMonths(SpecialCase specialCase) {
        return specialCases.stream().filter(rule -> rule.specialCase() == specialCase && rule.certificationWithinMonths() != null)
                .map(SpecialCaseRule::certificationWithinMonths).findFirst().orElse(CERTIFICATION_WITHIN_MONTHS);
    }

    /** The day of the month agencies' lists are due by (每月10日以前 unless the campaign says otherwise). */
    public int agencyListDueDayOrDefault() {
        return agencyListDueDay != null ? agencyListDueDay : 10;
    }

    @Override
    public EventType type() {
        return EventType.CAMPAIGN_DEFINED;
    }

    /** One key per event type on the compacted topic, so that compaction keeps the targets too. */
    @Override
    public String key() {
        return key(region, coverageYear);
    }

    /** The key of a county's campaign of a year on its topic, whichever version it is. */
    public static String key(String region, int coverageYear) {
        return region + ":" + coverageYear + ":campaign";
    }

    /** 集中参保缴费期, both days included. */
    public record Period(LocalDate start, LocalDate end) {

        public Period {
            requireNonNull(start, "start");
            requireNonNull(end, "end");
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("征缴期的结束日不能早于开始日 / a collection period ends on or after its start");
            }
        }
    }

    /**
     * 延长缴费期: a later deadline for a person category or a special case ({@code appliesTo} names
     * either), optionally only for people born on or after {@code bornFrom} (Liancheng: babies born
     * in December).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"appliesTo", "bornFrom", "until"})
    public record Extension(String appliesTo, LocalDate bornFrom, LocalDate until) {

        public Extension {
            requireNonNull(appliesTo, "appliesTo");
            requireNonNull(until, "until");
            if (category(appliesTo) == null && specialCase(appliesTo) == null) {
                throw new InvalidValue("appliesTo", "应为人员类别（GENERAL、STUDENT、MINOR、COLLEGE_STUDENT、NEWBORN）或特殊情形"
                        + " / names a person category (GENERAL, STUDENT, MINOR, COLLEGE_STUDENT, NEWBORN) or a special case");
            }
        }

        public Extension(PersonCategory appliesTo, LocalDate until) {
            this(appliesTo.name(), null, until);
        }

        /** True when the extension is for this person: their category or their special case, born late enough. */
        public boolean covers(PersonCategory category, SpecialCase specialCase, LocalDate birthDate) {
            boolean named = appliesTo.equals(category.name()) || (specialCase != null && appliesTo.equals(specialCase.name()));
            return named && (bornFrom == null || (birthDate != null && !birthDate.isBefore(bornFrom)));
        }

        private static PersonCategory category(String name) {
            for (PersonCategory category : PersonCategory.values()) {
                if (category.name().equals(name)) {
                    return category;
                }
            }
            return null;
        }

        private static SpecialCase specialCase(String name) {
            for (SpecialCase specialCase : SpecialCase.values()) {
                if (specialCase.name().equals(name)) {
                    return specialCase;
                }
            }
            return null;
        }
    }

    /** A collection period of its own for one person category (Taixing: students from Sept 1, others from Oct 1). */
    public record CategoryPeriod(PersonCategory appliesTo, LocalDate start, LocalDate end) {

        public CategoryPeriod {
            requireNonNull(appliesTo, "appliesTo");
            requireNonNull(start, "start");
            requireNonNull(end, "end");
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("该类人员缴费期的结束日不能早于开始日 / a category's period ends on or after its start");
            }
        }
    }

    /**
     * The coverage rule of one special case: it applies when the enrolment names the case and comes
     * within {@code withinDays} / {@code withinMonths} of the case's date (and, for a job loss,
     * after at least {@code minEmployeeYears} of employee insurance); otherwise {@code otherwise}
     * applies, and without one the campaign's rule for enrolments outside the period.
     *
     * @param certificationWithinMonths for a case that is about assistance ({@link SpecialCase#assistedWithinTheYear}): the
     *     certification an enrolment after the cut-off was made on takes effect by the end of this many months after the
     *     enrolment's month (民政's 低保 takes effect the month after the approval: 1, {@link #CERTIFICATION_WITHIN_MONTHS})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"case", "withinDays", "withinMonths", "minEmployeeYears", "coverageFrom", "waitingDays", "waitingMonths",
        "certificationWithinMonths", "otherwise"})
    public record SpecialCaseRule(@JsonProperty("case") SpecialCase specialCase, Integer withinDays, Integer withinMonths,
            Integer minEmployeeYears, CoverageFrom coverageFrom, Integer waitingDays, Integer waitingMonths,
            Integer certificationWithinMonths, Otherwise otherwise) {

        public SpecialCaseRule {
            requireNonNull(specialCase, "case");
            requireNonNull(coverageFrom, "coverageFrom");
            nonNegative(withinDays, "withinDays");
            nonNegative(withinMonths, "withinMonths");
            nonNegative(minEmployeeYears, "minEmployeeYears");
            nonNegative(waitingDays, "waitingDays");
            nonNegative(waitingMonths, "waitingMonths");
            nonNegative(certificationWithinMonths, "certificationWithinMonths");
        }

        /**
         * The earliest event an enrolment on {@code enrolledOn} is within this rule's window of (EnrolmentPolicy's test),
         * or null for a rule without one: an enrolment the rule applied to tells anyone the event came on or after it.
         */
        public LocalDate earliestEventWithin(LocalDate enrolledOn) {
            if (withinDays != null) {
                return enrolledOn.minusDays(withinDays);
            }
            if (withinMonths == null) {
                return null;
            }
            LocalDate event = enrolledOn.minusMonths(withinMonths);
            // the end of a shorter month: 31 March less a month is 28 February, which a month later is 28 March, too early
            while (event.plusMonths(withinMonths).isBefore(enrolledOn)) {
                event = event.plusDays(1);
            }
            return event;
        }
    }

    /** What applies to a special case enrolled too late for its rule. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Otherwise(CoverageFrom coverageFrom, Integer waitingDays, Integer waitingMonths) {

        public Otherwise {
            requireNonNull(coverageFrom, "coverageFrom");
            nonNegative(waitingDays, "waitingDays");
            nonNegative(waitingMonths, "waitingMonths");
        }
    }

    /**
     * 集中参保期外参保: the amount ({@code INDIVIDUAL_PLUS_FISCAL}: Yueyang's 400 + 670) and the
     * waiting period, counted from the enrolment or from the payment ({@code waitingFrom}).
     *
     * @param assistanceReduces what assistance reduces when the amount owes the fiscal part too: absent, the standard
     *     ({@link AssistedPart#STANDARD}: FULL pays 0, as EVENTS.md's modes say); {@link AssistedPart#INDIVIDUAL} leaves
     *     the fiscal part the late enrollee's to pay
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LateEnrolment(AmountRule amount, Integer waitingDays, CoverageFrom waitingFrom, AssistedPart assistanceReduces) {

        public AssistedPart assistanceReducesOrDefault() {
            return assistanceReduces == null ? AssistedPart.STANDARD : assistanceReduces;
        }

        public LateEnrolment {
            requireNonNull(amount, "amount");
            nonNegative(waitingDays, "waitingDays");
            if (waitingFrom != null && waitingFrom != CoverageFrom.ENROLMENT_DATE && waitingFrom != CoverageFrom.PAYMENT_DATE) {
                throw new InvalidValue("waitingFrom", "应为 ENROLMENT_DATE 或 PAYMENT_DATE / is ENROLMENT_DATE or PAYMENT_DATE");
            }
        }
    }

    private static void nonNegative(Integer value, String field) {
        if (value != null && value < 0) {
            throw new InvalidValue(field, "不能为负数 / is a count and cannot be negative");
        }
    }

    /** 个人缴费标准 per person category, in yuan. */
    public record Contributions(
            @JsonProperty("GENERAL") BigDecimal general,
            @JsonProperty("STUDENT") BigDecimal student,
            @JsonProperty("MINOR") BigDecimal minor,
            @JsonProperty("COLLEGE_STUDENT") BigDecimal collegeStudent,
            @JsonProperty("NEWBORN") BigDecimal newborn) {

        public Contributions {
            general = Amounts.yuan(requireNonNull(general, "GENERAL"));
            student = Amounts.yuan(requireNonNull(student, "STUDENT"));
            minor = Amounts.yuan(requireNonNull(minor, "MINOR"));
            collegeStudent = Amounts.yuan(requireNonNull(collegeStudent, "COLLEGE_STUDENT"));
            newborn = Amounts.yuan(requireNonNull(newborn, "NEWBORN"));
        }

        /** The standard amount a person of this category owes before any assistance. */
        public BigDecimal amountFor(PersonCategory category) {
            return switch (category) {
                case GENERAL -> general;
                case STUDENT -> student;
                case MINOR -> minor;
                case COLLEGE_STUDENT -> collegeStudent;
                case NEWBORN -> newborn;
            };
        }
    }

    /**
     * 资助标准 for some assistance categories: {@code subsidy} is required for FIXED and
     * {@code percent} (of the standard amount, e.g. "50") for PERCENT.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Assistance(
            List<AssistanceCategory> categories, AssistanceMode mode, BigDecimal subsidy, BigDecimal percent) {

        public Assistance {
            categories = List.copyOf(requireNonNull(categories, "categories"));
            requireNonNull(mode, "mode");
            if (mode == AssistanceMode.FIXED) {
                requireNonNull(subsidy, "subsidy");
            }
            if (mode == AssistanceMode.PERCENT) {
                requireNonNull(percent, "percent");
            }
            subsidy = subsidy == null ? null : Amounts.yuan(subsidy);
        }
    }

    /**
     * 阶段性目标: the participation rate ({@code threshold}, e.g. "0.50") a township must reach by
     * the deadline, its reward and the penalty per percentage point below it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stage(LocalDate deadline, BigDecimal threshold, BigDecimal reward, BigDecimal penaltyPerPoint, Measure measure) {

        /** What a stage judges: the participation rate (absent), or e-voucher activations against their targets (Gaolou). */
        public enum Measure {
            ENROLMENT, E_VOUCHER,
            /** not a stage of the campaign: the goal judged at the end of the collection period, where a shortfall has consequences */
            GOAL
        }

        public Stage {
            requireNonNull(deadline, "deadline");
            requireNonNull(threshold, "threshold");
            reward = Amounts.yuan(requireNonNull(reward, "reward"));
            penaltyPerPoint = Amounts.yuan(requireNonNull(penaltyPerPoint, "penaltyPerPoint"));
            if (measure == Measure.ENROLMENT) {
                measure = null;
            }
        }

        public Stage(LocalDate deadline, BigDecimal threshold, BigDecimal reward, BigDecimal penaltyPerPoint) {
            this(deadline, threshold, reward, penaltyPerPoint, null);
        }

        public Measure measureOrDefault() {
            return measure == null ? Measure.ENROLMENT : measure;
        }
    }
}
