package cn.medicare.campaign.contracts.policy;

import cn.medicare.campaign.contracts.codes.AmountRule;
import cn.medicare.campaign.contracts.codes.CoverageFrom;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.SpecialCase;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A campaign's rules for one person-year (DOMAIN.md, "Special cases of enrolment"): the default
 * category, the amount, when coverage starts, the waiting period, and which rule decided, in words
 * a clerk reads.
 *
 * <p>Order of the rules: an enrolment inside the person's period (the collection period, their
 * category's own period, or an extension that covers them) is ordinary: covered from 1 January
 * (a baby born in the coverage year from its birth), except that a special case whose rule gives
 * an earlier start (a college freshman from 1 September) keeps it. Outside the period, a special
 * case named by the enrolment applies its rule when the enrolment comes within the rule's window,
 * else its {@code otherwise}; everything else is a late enrolment.
 */
public final class EnrolmentPolicy {

    /** The case name of an enrolment inside the period. */
    public static final String COLLECTION_PERIOD = "COLLECTION_PERIOD";
    /** The case name of an enrolment outside the period that no special case covers. */
    public static final String LATE_ENROLMENT = "LATE_ENROLMENT";

    private static final int ADULT_AGE = 18;

    private EnrolmentPolicy() {
    }

    /**
     * The person as the enrolment describes them.
     *
     * @param caseDate the date of the special case's event; absent for a newborn, its birth date
     * @param employeeYears years of employee insurance before a lapse, where the case asks
     */
    public record Applicant(LocalDate birthDate, PersonCategory category, SpecialCase specialCase, LocalDate caseDate,
            Integer employeeYears, LocalDate enrolledOn) {

        /** The day the case counts from: a newborn's is the birth date of the ID number, whatever else was typed. */
        LocalDate eventDate() {
            return specialCase == SpecialCase.NEWBORN ? birthDate : caseDate;
        }
    }

    /**
     * When coverage starts: a date, or, where it depends on the payment, the rule to derive it then.
     *
     * @param start null while the start depends on a payment not yet made
     */
    public record Coverage(CoverageFrom from, LocalDate start, int waitingDays, int waitingMonths) {

        public boolean atPayment() {
            return start == null;
        }

        /** The start once the person has paid on {@code paidOn} (never before 1 January of {@code coverageYear}). */
        public LocalDate startOnPayment(LocalDate paidOn, int coverageYear) {
            if (!atPayment()) {
                return start;
            }
            LocalDate base = from == CoverageFrom.DAY_AFTER_PAYMENT ? paidOn.plusDays(1) : paidOn;
            return notBefore(base.plusMonths(waitingMonths).plusDays(waitingDays), LocalDate.of(coverageYear, 1, 1));
        }

        /** Whether a payment on {@code paidOn} starts coverage within {@code coverageYear}: it never starts after 31 December. */
        public boolean startsWithin(LocalDate paidOn, int coverageYear) {
            return !startOnPayment(paidOn, coverageYear).isAfter(LocalDate.of(coverageYear, 12, 31));
        }

        /**
         * 缴费截止日: the last day a payment still starts coverage within {@code coverageYear}, or null where the
         * start does not depend on the payment.
         */
        public LocalDate lastPaymentDayWithin(int coverageYear) {
            if (!atPayment()) {
                return null;
            }
            // a month's waiting cannot be subtracted exactly (Nov 30 + 1 month = Dec 30 = Nov 29 + 1 month): step back from just past it
            LocalDate day = LocalDate.of(coverageYear, 12, 31).minusDays(waitingDays).minusMonths(waitingMonths).plusDays(3);
            while (!startsWithin(day, coverageYear)) {
                day = day.minusDays(1);
            }
            return day;
        }
    }

    /**
     * What the campaign decides for the person.
     *
     * @param rule {@link #COLLECTION_PERIOD}, {@link #LATE_ENROLMENT} or the special case's name
     */
    public record Decision(PersonCategory category, AmountRule amountRule, BigDecimal individual, BigDecimal fiscalPart,
            Coverage coverage, String rule, String explanation) {

        /** What the person is asked for before any assistance: the individual amount, plus the fiscal part where due. */
        public BigDecimal standardAmount() {
            return individual.add(fiscalPart);
        }

        /** The same decision, its explanation opening with {@code note} (what the enrolment left out). */
        Decision noting(String note) {
            return note.isEmpty() ? this : new Decision(category, amountRule, individual, fiscalPart, coverage, rule, note + explanation);
        }

        /** False when no coverage could start within the coverage year, even if the person paid on the day of the enrolment. */
        public boolean coverableWithin(int coverageYear, LocalDate earliestPayment) {
            return coverage.startsWithin(earliestPayment, coverageYear);
        }
    }

    /** What a person of {@code category} is asked for before assistance: the individual amount, plus the fiscal subsidy where due. */
    public static BigDecimal standardAmount(CampaignDefined campaign, PersonCategory category, AmountRule amountRule) {
        BigDecimal individual = campaign.contributions().amountFor(category);
        return amountRule == AmountRule.INDIVIDUAL_PLUS_FISCAL ? individual.add(campaign.fiscalSubsidy()) : individual;
    }

    /** The first day a person of {@code category} may enrol: their category's own period's start (Taixing: students from Sept 1), else the collection period's. */
    public static LocalDate opensFor(CampaignDefined campaign, PersonCategory category) {
        return campaign.categoryPeriods().stream().filter(period -> period.appliesTo() == category)
                .map(CampaignDefined.CategoryPeriod::start).findFirst().orElse(campaign.collectionPeriod().start());
    }

    /**
     * The special case a row names, or the one its category implies: a NEWBORN under a campaign with a newborn rule is that
     * case (the blank 附件4 has no column for a case, and a newborn's date is its birth date by default, API.md), so a baby
     * registered within the rule's days after the period is not taken for a late enrolee.
     */
    public static SpecialCase caseOf(CampaignDefined campaign, PersonCategory category, SpecialCase named) {
        if (named != null) {
            return named;
        }
        return category == PersonCategory.NEWBORN && ruleFor(campaign, SpecialCase.NEWBORN) != null ? SpecialCase.NEWBORN : null;
    }

    /**
     * The category an enrolment records: the one the clerk names, else the one of the birth date. A child born after the
     * period opened is a newborn even where the clerk wrote 未成年人 (附件4 has no 新生儿, and a newborn is a minor): the
     * newborn's rules (from the birth date, the December babies' extension) follow the birth, not the word.
     */
    public static PersonCategory categoryOf(PersonCategory named, LocalDate birthDate, CampaignDefined campaign) {
        PersonCategory byBirth = defaultCategory(birthDate, campaign);
        return named == null || (named == PersonCategory.MINOR && byBirth == PersonCategory.NEWBORN) ? byBirth : named;
    }

    /** The category of a resident the clerk names none for: by birth date, as the campaign defines minors. */
    public static PersonCategory defaultCategory(LocalDate birthDate, CampaignDefined campaign) {
        LocalDate periodStart = campaign.collectionPeriod().start();
        if (birthDate.isAfter(periodStart)) {
            return PersonCategory.NEWBORN;
        }
        if (campaign.minorBornOnOrAfter() != null) {
            return birthDate.isBefore(campaign.minorBornOnOrAfter()) ? PersonCategory.GENERAL : PersonCategory.MINOR;
        }
        return Period.between(birthDate, periodStart).getYears() < ADULT_AGE ? PersonCategory.MINOR : PersonCategory.GENERAL;
    }

    /**
     * Why {@code category} cannot be this person's, or null when it can: a newborn must be born
     * after the period opened, a minor must be one by the campaign's rule, and a resident who is a
     * minor or a newborn by it is not charged as an adult. Students are whoever a school enrols.
     */
    public static String categoryContradiction(PersonCategory category, LocalDate birthDate, CampaignDefined campaign) {
        PersonCategory byBirth = defaultCategory(birthDate, campaign);
        return switch (category) {
            case NEWBORN -> byBirth == PersonCategory.NEWBORN ? null
                    : "新生儿须在参保缴费期开始（" + campaign.collectionPeriod().start() + "）后出生 / a newborn is born after the period opened";
            case MINOR -> byBirth != PersonCategory.GENERAL ? null
                    : "按出生日期不属于未成年人 / by the birth date this person is not a minor under the campaign's rule";
            case GENERAL -> byBirth == PersonCategory.GENERAL ? null
                    : "按出生日期属于" + (byBirth == PersonCategory.NEWBORN ? "新生儿" : "未成年人")
                            + "，不按普通居民缴费 / by the birth date this person is a " + byBirth.name().toLowerCase()
                            + ", not charged as an adult";
            case STUDENT, COLLEGE_STUDENT -> null;
        };
    }

    /**
     * Why the named special case cannot be this person's, or null. The newborn's case is a child's born after the
     * collection period opened or under a year old on the day of the enrolment: an adult naming it would be covered
     * from a day the rule counts from the birth (the year's start, where the rule has no window: Lishi) without the
     * late enrolment's wait.
     */
    public static String specialCaseContradiction(CampaignDefined campaign, Applicant applicant) {
        if (applicant.specialCase() == SpecialCase.COLLEGE_FRESHMAN && applicant.category() != PersonCategory.COLLEGE_STUDENT) {
            // covered from Sept 1 of the year before: anyone else naming it would be covered four months before the year
            return "大学新生情形仅适用于人员类别为大学生（COLLEGE_STUDENT）的参保人 / the college freshman's case is a college student's";
        }
        if (applicant.specialCase() == SpecialCase.WELFARE_INSTITUTION
                && Period.between(applicant.birthDate(), applicant.enrolledOn()).getYears() >= ADULT_AGE) {
            return "福利机构收留儿童情形仅适用于登记时未满" + ADULT_AGE + "周岁的儿童 / the welfare institution's case is a child's, under "
                    + ADULT_AGE + " on the day of the enrolment";
        }
        if (applicant.specialCase() != SpecialCase.NEWBORN) {
            return null;
        }
        LocalDate opened = campaign.collectionPeriod().start();
        boolean newborn = applicant.birthDate().isAfter(opened) || applicant.birthDate().isAfter(applicant.enrolledOn().minusYears(1));
        return newborn ? null : "新生儿情形仅适用于参保缴费期开始（" + opened + "）后出生或登记时未满一周岁的儿童 / the newborn case is a child's"
                + " born after the collection period opened (" + opened + ") or under a year old on the day of the enrolment";
    }

    /**
     * Why the enrolment must give the special case's date, or null: after the period, a rule with no window that covers
     * from the event's day (Yueyang's and Lishi's welfare child, from the admission) has no other day to start from. The
     * clerk is asked for it rather than the child covered from another day, or charged as a late enrolee, for a slip no
     * later change corrects (a change never decides the coverage again).
     */
    public static String missingCaseDate(CampaignDefined campaign, Applicant applicant) {
        CampaignDefined.SpecialCaseRule rule = ruleFor(campaign, applicant.specialCase());
        if (rule == null || applicant.eventDate() != null || rule.coverageFrom() != CoverageFrom.EVENT_DATE
                || rule.withinDays() != null || rule.withinMonths() != null || !applicant.enrolledOn().isAfter(deadline(campaign, applicant))) {
            return null;
        }
        SpecialCase specialCase = rule.specialCase();
        return "请填写" + specialCase.event() + "日期：按本年度方案，" + specialCase.chinese() + "自" + specialCase.event() + "之日起享受待遇"
                + " / is required: under the campaign this case is covered from the day it names";
    }

    /**
     * Why the special case's date cannot be right, or null: no event comes after the enrolment (the days of a
     * window would count backwards).
     */
    public static String caseDateContradiction(Applicant applicant) {
        if (applicant.specialCase() == SpecialCase.NEWBORN && applicant.caseDate() != null && !applicant.caseDate().equals(applicant.birthDate())) {
            // an adult claiming to be a newborn dated last month would be covered from that day at the newborn's amount
            return "新生儿以身份证号码中的出生日期为准，无需另填日期 / is the birth date of the ID number for a newborn: leave it out";
        }
        LocalDate event = applicant.eventDate();
        if (event != null && applicant.birthDate() != null && event.isBefore(applicant.birthDate())) {
            // coverage would start before the person was born
            return "不能早于出生日期 / is on or after the birth date";
        }
        return event != null && event.isAfter(applicant.enrolledOn()) ? "不能晚于参保登记日期 / is on or before the day of the enrolment" : null;
    }

    /**
     * What the campaign's rule for the named case counts from and the enrolment leaves out (API.md: the date and
     * the years are optional, and a case outside its rule falls to its {@code otherwise}): said in the explanation,
     * so the clerk sees why the ordinary rule of the case did not apply. Empty when nothing is missing.
     */
    static String missingFacts(CampaignDefined.SpecialCaseRule rule, Applicant applicant) {
        List<String> missing = new ArrayList<>();
        boolean countsFromTheEvent = rule.withinDays() != null || rule.withinMonths() != null || rule.coverageFrom() == CoverageFrom.EVENT_DATE
                || (rule.otherwise() != null && rule.otherwise().coverageFrom() == CoverageFrom.EVENT_DATE);
        if (countsFromTheEvent && applicant.eventDate() == null) {
            missing.add(rule.specialCase().event() + "日期");
        }
        if (rule.minEmployeeYears() != null && applicant.employeeYears() == null) {
            missing.add("职工医保缴费年限");
        }
        return missing.isEmpty() ? "" : "未填写" + String.join("和", missing) + "，";
    }

    /** The campaign's decision for the person. */
    public static Decision decide(CampaignDefined campaign, Applicant applicant) {
        Decision decision = decision(campaign, applicant);
        CampaignDefined.SpecialCaseRule rule = ruleFor(campaign, applicant.specialCase());
        int year = campaign.coverageYear();
        if (rule != null && admittedInAnotherYear(rule, applicant, year) && !decision.rule().equals(rule.specialCase().name())) {
            // the clerk named the case: the answer says why it did not apply, and where the person belongs
            return decision.noting(applicant.specialCase().event() + "日期不在" + (year - 1) + "年，不适用" + applicant.specialCase().chinese()
                    + "情形（" + (year - 1) + "年入学的新生参保" + year + "年度），");
        }
        return decision;
    }

    private static Decision decision(CampaignDefined campaign, Applicant applicant) {
        int year = campaign.coverageYear();
        LocalDate yearStart = LocalDate.of(year, 1, 1);
        LocalDate deadline = deadline(campaign, applicant);
        CampaignDefined.SpecialCaseRule rule = ruleFor(campaign, applicant.specialCase());
        BigDecimal individual = campaign.contributions().amountFor(applicant.category());

        if (!applicant.enrolledOn().isAfter(deadline)) {
            if (rule != null && rule.coverageFrom() == CoverageFrom.PRIOR_SEPTEMBER_1 && within(rule, applicant, year)) {
                return special(campaign, applicant, rule, individual, rule.coverageFrom(), days(rule.waitingDays()),
                        months(rule.waitingMonths()), true);
            }
            boolean bornInTheYear = applicant.birthDate() != null && applicant.birthDate().isAfter(yearStart);
            LocalDate start = bornInTheYear ? applicant.birthDate() : yearStart;
            String explanation = "在参保缴费期内（截至" + deadline + "）参保，"
                    + (bornInTheYear ? "新生儿自出生之日起享受待遇" : "自" + year + "年1月1日起享受待遇");
            return new Decision(applicant.category(), AmountRule.INDIVIDUAL, individual, BigDecimal.ZERO.setScale(2),
                    new Coverage(bornInTheYear ? CoverageFrom.EVENT_DATE : CoverageFrom.YEAR_START, start, 0, 0),
                    COLLECTION_PERIOD, explanation);
        }
        if (rule != null) {
            if (within(rule, applicant, year)) {
                return special(campaign, applicant, rule, individual, rule.coverageFrom(), days(rule.waitingDays()),
                        months(rule.waitingMonths()), true);
            }
            String missing = missingFacts(rule, applicant);
            if (rule.otherwise() != null) {
                CampaignDefined.Otherwise otherwise = rule.otherwise();
                return special(campaign, applicant, rule, individual, otherwise.coverageFrom(), days(otherwise.waitingDays()),
                        months(otherwise.waitingMonths()), false).noting(missing);
            }
            return late(campaign, applicant, individual, deadline).noting(missing);
        }
        return late(campaign, applicant, individual, deadline);
    }

    private static Decision special(CampaignDefined campaign, Applicant applicant, CampaignDefined.SpecialCaseRule rule,
            BigDecimal individual, CoverageFrom from, int waitingDays, int waitingMonths, boolean inWindow) {
        int year = campaign.coverageYear();
        SpecialCase specialCase = rule.specialCase();
        String when = window(rule, inWindow) + "参保";
        if (!inWindow && rule.minEmployeeYears() != null && !enoughYears(rule, applicant)) {
            when = "职工医保缴费不满" + rule.minEmployeeYears() + "年";
        }
        LocalDate yearStart = LocalDate.of(year, 1, 1);
        Coverage coverage = switch (from) {
            case PAYMENT_DATE, DAY_AFTER_PAYMENT -> new Coverage(from, null, waitingDays, waitingMonths);
            case PRIOR_SEPTEMBER_1 -> new Coverage(from, LocalDate.of(year - 1, 9, 1).plusMonths(waitingMonths).plusDays(waitingDays),
                    waitingDays, waitingMonths);
            default -> new Coverage(from, notBefore(fixedBase(from, applicant, year).plusMonths(waitingMonths).plusDays(waitingDays),
                    yearStart), waitingDays, waitingMonths);
        };
        // an event of the year before (a December baby, a lapse in December) cannot start the year's coverage before its first day
        boolean fromYearStart = coverage.start() != null && coverage.start().equals(yearStart) && from != CoverageFrom.YEAR_START
                && from != CoverageFrom.PRIOR_SEPTEMBER_1 && fixedBase(from, applicant, year).plusMonths(waitingMonths).plusDays(waitingDays)
                        .isBefore(yearStart);
        String explanation = specialCase.chinese() + when + "，" + (fromYearStart
                ? (from == CoverageFrom.EVENT_DATE ? specialCase.event() : "参保登记") + "之日早于" + year + "年1月1日，自" + year + "年1月1日起"
                : fromText(from, specialCase, year)) + "享受待遇" + waitingText(waitingDays, waitingMonths);
        return new Decision(applicant.category(), AmountRule.INDIVIDUAL, individual, BigDecimal.ZERO.setScale(2), coverage,
                specialCase.name(), explanation);
    }

    private static Decision late(CampaignDefined campaign, Applicant applicant, BigDecimal individual, LocalDate deadline) {
        CampaignDefined.LateEnrolment late = campaign.lateEnrolment();
        AmountRule amountRule = late == null ? AmountRule.INDIVIDUAL : late.amount();
        int waitingDays = late == null || late.waitingDays() == null ? campaign.lateEnrolmentWaitingDays() : late.waitingDays();
        boolean fromPayment = late != null && late.waitingFrom() == CoverageFrom.PAYMENT_DATE;
        BigDecimal fiscalPart = amountRule == AmountRule.INDIVIDUAL_PLUS_FISCAL ? campaign.fiscalSubsidy() : BigDecimal.ZERO.setScale(2);
        String amountText = amountRule == AmountRule.INDIVIDUAL_PLUS_FISCAL
                ? "按个人缴费" + individual.toPlainString() + "元加财政补助" + fiscalPart.toPlainString() + "元缴费，"
                : "";
        String explanation = "在参保缴费期（截至" + deadline + "）外参保，" + amountText
                + (fromPayment ? "自缴费之日起" : "自参保登记之日起") + "设" + waitingDays + "天等待期，期满后享受待遇";
        Coverage coverage = fromPayment
                ? new Coverage(CoverageFrom.PAYMENT_DATE, null, waitingDays, 0)
                : new Coverage(CoverageFrom.ENROLMENT_DATE,
                        notBefore(applicant.enrolledOn().plusDays(waitingDays), LocalDate.of(campaign.coverageYear(), 1, 1)),
                        waitingDays, 0);
        return new Decision(applicant.category(), amountRule, individual, fiscalPart, coverage, LATE_ENROLMENT, explanation);
    }

    /** The last day the person may enrol as in the period: their category's period, or a later extension that covers them. */
    static LocalDate deadline(CampaignDefined campaign, Applicant applicant) {
        LocalDate deadline = campaign.collectionPeriod().end();
        for (CampaignDefined.CategoryPeriod period : campaign.categoryPeriods()) {
            if (period.appliesTo() == applicant.category()) {
                deadline = period.end();
            }
        }
        for (CampaignDefined.Extension extension : campaign.extensions()) {
            if (extension.covers(applicant.category(), applicant.specialCase(), applicant.birthDate())
                    && extension.until().isAfter(deadline)) {
                deadline = extension.until();
            }
        }
        return deadline;
    }

    private static CampaignDefined.SpecialCaseRule ruleFor(CampaignDefined campaign, SpecialCase specialCase) {
        if (specialCase == null) {
            return null;
        }
        return campaign.ruleFor(specialCase).orElse(null);
    }

    /** Day 90 after the event is still within 90 days; a lapse of exactly 3 months is within 3 months. */
    private static boolean within(CampaignDefined.SpecialCaseRule rule, Applicant applicant, int year) {
        LocalDate event = applicant.eventDate();
        if (!enoughYears(rule, applicant)) {
            return false;
        }
        if (admittedInAnotherYear(rule, applicant, year)) {
            // the year before's freshman: one admitted in another year would be covered from a September not their own
            return false;
        }
        if (event == null) {
            // a rule that counts from the event, by a window or by a start on its day, cannot be applied without its date
            // (missingFacts says so): a welfare child with no admission date was covered from the enrolment, told otherwise
            return rule.withinDays() == null && rule.withinMonths() == null && rule.coverageFrom() != CoverageFrom.EVENT_DATE;
        }
        if (rule.withinDays() != null && ChronoUnit.DAYS.between(event, applicant.enrolledOn()) > rule.withinDays()) {
            return false;
        }
        return rule.withinMonths() == null || !applicant.enrolledOn().isAfter(event.plusMonths(rule.withinMonths()));
    }

    /** A case counted from Sept 1 of Y-1 (college freshmen) with an admission dated in another year than Y-1. */
    private static boolean admittedInAnotherYear(CampaignDefined.SpecialCaseRule rule, Applicant applicant, int year) {
        return rule.coverageFrom() == CoverageFrom.PRIOR_SEPTEMBER_1 && applicant.eventDate() != null
                && applicant.eventDate().getYear() != year - 1;
    }

    private static boolean enoughYears(CampaignDefined.SpecialCaseRule rule, Applicant applicant) {
        return rule.minEmployeeYears() == null
                || (applicant.employeeYears() != null && applicant.employeeYears() >= rule.minEmployeeYears());
    }

    private static LocalDate fixedBase(CoverageFrom from, Applicant applicant, int year) {
        return switch (from) {
            case EVENT_DATE -> applicant.eventDate() != null ? applicant.eventDate() : applicant.enrolledOn();
            case ENROLMENT_DATE -> applicant.enrolledOn();
            default -> LocalDate.of(year, 1, 1);
        };
    }

    /** 出生90日内 / 出生超过90日, 职工医保中断3个月内 / 超过3个月. */
    private static String window(CampaignDefined.SpecialCaseRule rule, boolean inWindow) {
        String event = rule.specialCase().event();
        if (rule.withinDays() != null) {
            return event + (inWindow ? rule.withinDays() + "日内" : "超过" + rule.withinDays() + "日");
        }
        if (rule.withinMonths() != null) {
            return event + (inWindow ? rule.withinMonths() + "个月内" : "超过" + rule.withinMonths() + "个月");
        }
        return "";
    }

    private static String fromText(CoverageFrom from, SpecialCase specialCase, int year) {
        return switch (from) {
            case YEAR_START -> "自" + year + "年1月1日起";
            case EVENT_DATE -> "自" + specialCase.event() + "之日起";
            case ENROLMENT_DATE -> "自参保登记之日起";
            case PAYMENT_DATE -> "自缴费之日起";
            case DAY_AFTER_PAYMENT -> "自缴费次日起";
            case PRIOR_SEPTEMBER_1 -> "自" + (year - 1) + "年9月1日起";
        };
    }

    private static String waitingText(int days, int months) {
        if (days == 0 && months == 0) {
            return "";
        }
        return "，等待期" + (months > 0 ? months + "个月" : "") + (days > 0 ? days + "天" : "");
    }

    private static int days(Integer days) {
        return days == null ? 0 : days;
    }

    private static int months(Integer months) {
        return months == null ? 0 : months;
    }

    private static LocalDate notBefore(LocalDate date, LocalDate earliest) {
        return date.isBefore(earliest) ? earliest : date;
    }
}
