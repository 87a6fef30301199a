package cn.medicare.campaign.reporting.readmodel;

import java.time.LocalDate;

/**
 * The suite's definitions (DOMAIN.md) as SQL conditions on {@code person_year}, so that every
 * figure and every list applies exactly the same ones. Their parameters are named ({@code :today},
 * {@code :day}, {@code :at}, {@code :coverageYear}): a query binds them by name, wherever a fragment
 * stands in it.
 */
public final class Definitions {

    /**
     * The targets in force now, a condition on {@code township_target} or {@code unit_target}: a revision of the targets
     * closes the ones it replaces at its event time and keeps them (任务目标调整, V24).
     */
    public static final String TARGETS_IN_FORCE = "valid_to = 'infinity'";

    /**
     * The targets in force at {@code :at}, where {@link #TARGETS_IN_FORCE} is now: a past moment's rates divide by the
     * targets of its time, not by a later revision. The first targets of a campaign count from the beginning.
     */
    public static final String TARGETS_IN_FORCE_BY = "valid_from < :at and valid_to >= :at";

    /**
     * The unit a person of the campaign {@code :region}, {@code :coverageYear} counts in: their
     * township, or, where the campaign has an education system (教育系统, Lishi) and the person
     * enrolled through a school, the education system (looked up once per query, not per person).
     */
    public static final String UNIT = Unit.START + TARGETS_IN_FORCE + Unit.END + ", person_year.township)\n     else person_year.township end";

    /**
     * The township a person of {@code person_year} counted in at the past moment {@code :at}: the newest value of the
     * roster's history ({@code roster_history}, V35) that stood from before the moment; where none did, the earliest kept
     * (a registration back-dated to a business day before it was recorded counts with its own values). Today's where no
     * change ever named the person-year ({@code roster_changed}): their history is the registration, looked up for nobody.
     */
    public static final String TOWNSHIP_BY = "case when person_year.roster_changed then coalesce(" + History.START + "township"
            + History.END + ", person_year.township) else person_year.township end";

    /** The village at the moment, as {@link #TOWNSHIP_BY}. */
    public static final String VILLAGE_BY = "case when person_year.roster_changed then nullif(" + History.START + "village"
            + History.END + ", '') else person_year.village end";

    /** The school at the moment, as {@link #TOWNSHIP_BY}: none where the person had left it by then. */
    public static final String SCHOOL_BY = "case when person_year.roster_changed then nullif(" + History.START + "school"
            + History.END + ", '') else person_year.school end";

    /** The person's category (a newborn, a student) at the moment, as {@link #TOWNSHIP_BY}. */
    public static final String PERSON_CATEGORY_BY = "case when person_year.roster_changed then coalesce(" + History.START
            + "person_category" + History.END + ", person_year.person_category) else person_year.person_category end";

    /** The household register (local or not) at the moment, as {@link #TOWNSHIP_BY}. */
    public static final String HUKOU_LOCAL_BY = "case when person_year.roster_changed then coalesce(cast(nullif(" + History.START
            + "hukou_local" + History.END + ", '') as boolean), person_year.hukou_local) else person_year.hukou_local end";

    /** A field's value in {@code roster_history} at {@code :at}, the field's name between the two. */
    private static final class History {

        static final String START = """
                (select h.value from roster_history h
                 where h.person_id = person_year.person_id and h.coverage_year = :coverageYear and h.field = '""";
        static final String END = """
                '
                 order by h.at < :at desc, case when h.at < :at then h.at end desc, h.at limit 1)""";
    }

    /** Whether the person had a subsidy in the assessment in force at the moment ({@code payable_by}); today's before any. */
    public static final String SUBSIDISED_BY = "coalesce(payable_by.subsidy, subsidy_amount, 0) > 0";

    /**
     * The assistance category of the assessment in force at the moment ({@code payable_by}): a 低保 certified after it was
     * no 低保 then. Today's before any assessment, and for an assessment kept before V35 (its category not kept).
     */
    public static final String ASSISTANCE_CATEGORY_BY = """
            case when payable_by.category is null then person_year.assistance_category else nullif(payable_by.category, '') end""";

    /** {@link #UNIT} at the past moment {@code :at}: the person's school and township then, under the targets in force then. */
    public static final String UNIT_BY = "case when " + SCHOOL_BY + " is not null then coalesce(" + Unit.EDUCATION_SYSTEM
            + TARGETS_IN_FORCE_BY + Unit.END + ", " + TOWNSHIP_BY + ") else " + TOWNSHIP_BY + " end";

    /** Whether a person of {@code person_year} counts for the education system now, not for their township ({@link #UNIT}). */
    public static final String COUNTS_FOR_EDUCATION_SYSTEM = "(person_year.school is not null and " + Unit.EDUCATION_SYSTEM
            + TARGETS_IN_FORCE + Unit.END + " is not null)";

    /** {@link #COUNTS_FOR_EDUCATION_SYSTEM} at the past moment {@code :at}, as {@link #UNIT_BY}. */
    public static final String COUNTS_FOR_EDUCATION_SYSTEM_BY = "(" + SCHOOL_BY + " is not null and " + Unit.EDUCATION_SYSTEM
            + TARGETS_IN_FORCE_BY + Unit.END + " is not null)";

    /** Constants, not a method: the compiler inlines them where used, so a query elsewhere does not depend on this package. */
    private static final class Unit {

        static final String EDUCATION_SYSTEM = """
                (select t.township from township_target t
                 where t.region = :region and t.coverage_year = :coverageYear and t.unit_type = 'EDUCATION_SYSTEM'
                   and\s""";
        static final String START = "case when person_year.school is not null\n     then coalesce(" + EDUCATION_SYSTEM;
        static final String END = "\n limit 1)";
    }

    /**
     * 缴费截止日 as the unpaid lists show it: the last day a payment still starts coverage within the year, while the start
     * waits for it: never settled, or settled and its start taken back by a refund before it (the tax adapter's
     * CoverageRevoked, not followed by a CoverageStarted). Otherwise, once settled, coverage started (a payment too late
     * for the year is owed back, not chased).
     */
    public static final String PAY_BY = "case when person_year.settled_payable is null or person_year.coverage_revoked then person_year.pay_by end";

    /** Whether the last day to pay has passed on the day a list is read: paying then covers nobody this year. */
    public static boolean payByPassed(LocalDate payBy, LocalDate on) {
        return payBy != null && on.isAfter(payBy);
    }

    /** Registered for the year and not withdrawn by {@code :today}. */
    public static final String REGISTERED = "(registered_at is not null and (withdrawn_on is null or withdrawn_on > :today))";

    /**
     * The payable a person is held to: the one in force, or the one at first settlement (moved by a change of the
     * standard since) when assistance ended after it; null before assessment.
     */
    public static final String HELD_TO = "least(payable_amount, coalesce(settled_payable, payable_amount))";

    /** What counts towards it: the person's own money net of refunds, and the assistance fund's beyond the subsidy. */
    public static final String MONEY = "(paid_amount - refunded_amount + greatest(0, fund_paid_amount - coalesce(subsidy_amount, 0)))";

    /**
     * What the person still owes: what they are held to less what counts towards it, never below nothing. Null before the
     * assessment (greatest() passes over a null): what is owed is unknown then, not zero.
     */
    public static final String OUTSTANDING = "case when payable_amount is null then null else greatest(0.00, " + HELD_TO + " - " + MONEY
            + ") end";

    /**
     * Settled: the person's own payments, net of refunds, plus whatever the assistance fund paid
     * beyond the person's subsidy, at least the payable, or the payable at first settlement when
     * assistance ended after it ({@link SettlementRule}). The tax adapter counts the same way, but where a change of the
     * standard follows assistance that ended (docs/design-notes.md, "Left by session 51").
     */
    public static final String SETTLED = "(payable_amount is not null and " + MONEY + " >= " + HELD_TO + ")";

    /**
     * The person's money at the moment: what was paid and refunded before {@code :at} ({@code paid_by}, {@code refunded_by},
     * the assistance fund's apart in {@code fund}).
     */
    public static final String PAID_AS_OF_JOINS = """
            left join lateral (select sum(case when channel = 'ASSISTANCE_FUND' then 0 else amount end) as total,
                                      sum(case when channel = 'ASSISTANCE_FUND' then amount else 0 end) as fund
                               from payment
                               where payment.person_id = person_year.person_id and payment.coverage_year = :coverageYear
                                 and payment.paid_at < :at) paid_by on true
            left join lateral (select sum(case when p.channel = 'ASSISTANCE_FUND' then 0 else r.amount end) as total,
                                      sum(case when p.channel = 'ASSISTANCE_FUND' then r.amount else 0 end) as fund
                               from refund r left join payment p on p.voucher_no = r.voucher_no
                               where r.person_id = person_year.person_id and r.coverage_year = :coverageYear
                                 and r.refunded_at < :at) refunded_by on true""";

    /**
     * The person's money and assessment at the moment, of {@link #PEOPLE_AS_OF_JOINS}: {@link #PAID_AS_OF_JOINS} and the
     * assessment in force then ({@code payable_by}).
     */
    private static final String MONEY_AS_OF_JOINS = PAID_AS_OF_JOINS + """

            left join lateral (select h.payable_amount as amount, h.subsidy_amount as subsidy, h.assistance_category as category,
                                      h.standard_amount as standard
                               from assessment_history h
                               where h.person_id = person_year.person_id and h.coverage_year = :coverageYear
                                 and h.assessed_at < :at
                               order by h.assessed_at desc
                               limit 1) payable_by on true""";

    /**
     * The same definitions as they stood at a moment: registered by the business day {@code :day}
     * and not withdrawn by then; money paid or refunded for {@code :coverageYear} before the instant
     * {@code :at}. The enrolment counts from its business day; money from when it was paid or refunded.
     * Each person's money is looked up through their own index entries (lateral), never by joining
     * whole aggregates: with the statistics of a freshly loaded table the planner once chose a nested
     * loop over the aggregate, 15 s for 5,000 people. The person's assessment then ({@code payable_by}) comes the same way.
     * The settlement ({@code settlement}) is the one of the registration that stood then: a registration since replaced by one
     * made after a withdrawal keeps its own (V44), which the new one, settled anew, no longer holds.
     */
    public static final String PEOPLE_AS_OF_JOINS = MONEY_AS_OF_JOINS + """

            left join lateral (select case when current.stood then person_year.settled_at
                                           else (select e.settled_at from registration_ended e
                                                 where e.person_id = person_year.person_id and e.coverage_year = :coverageYear
                                                   and\s""" + Registration.Ended.BEGAN + """

                                                 order by e.registered_at desc
                                                 limit 1) end as at,
                                      case when current.stood then person_year.settled_payable end as payable
                               from (select not person_year.roster_changed or\s""" + Registration.CURRENT_BY + """
             as stood) current) settlement on true
            left join lateral (select case when count(*) > 0
                                           then greatest(0, coalesce(payable_by.standard, 0)
                                                            + min(h.payable_amount - coalesce(h.standard_amount, payable_by.standard, 0)))
                                      end as amount
                               from assessment_history h
                               where settlement.at < :at
                                 and h.person_id = person_year.person_id and h.coverage_year = :coverageYear
                                 and h.assessed_at < :at
                                 and h.assessed_at >= coalesce((select max(s.assessed_at) from assessment_history s
                                                                where s.person_id = person_year.person_id
                                                                  and s.coverage_year = :coverageYear
                                                                  and s.assessed_at <= settlement.at),
                                                               timestamptz '-infinity')) capped_by on true""";

    /**
     * On the roster by the moment, withdrawn since or not, as {@link #REGISTERED_BY} counts the registration: the money of
     * someone who was not is unattributed then.
     */
    public static final String ON_ROSTER_BY = "(" + Registration.CURRENT_BY + "\n or " + Registration.ENDED_BY + ")";

    /**
     * Registered by the moment: enrolled on an earlier business day, or on its day before {@code :at}, and not withdrawn by
     * then. An enrolment recorded on a later day for this one (back-dated, {@code enrolledOn}) counts for the whole of its
     * day, as it always did: only its day is known. The registration is the person-year's, or, for someone registered again
     * since (their roster changed), one the newer registration replaced ({@code registration_ended}, V41) that stood then:
     * not withdrawn by then, as far as is known, nor replaced.
     */
    public static final String REGISTERED_BY = "((" + Registration.CURRENT_BY + "\n and (withdrawn_on is null or withdrawn_on > :day))\n or "
            + Registration.ENDED_STANDING_BY + ")";

    /** Constants, not methods, as {@link Unit}. */
    private static final class Registration {

        static final String CURRENT_BY = """
                (registered_at is not null
                 and (enrolled_on < :day
                      or enrolled_on = :day and (registered_at < :at or cast(registered_at at time zone 'Asia/Shanghai' as date) > :day)))""";
        /** A registration since replaced ({@code registration_ended}) had begun by the moment. */
        static final String ENDED_BY = Ended.BEGUN_BY + "))";
        /** A registration since replaced had begun by the moment and stood then: neither withdrawn, as far as is known, nor replaced. */
        static final String ENDED_STANDING_BY = Ended.BEGUN_BY + "\n and least(e.withdrawn_on, e.replaced_on) > :day))";

        private static final class Ended {

            /** The ended registration {@code e} had begun by the moment, as {@link Registration#CURRENT_BY} tells of the current one. */
            static final String BEGAN = """
                    (e.enrolled_on < :day
                     or e.enrolled_on = :day and (e.registered_at < :at or cast(e.registered_at at time zone 'Asia/Shanghai' as date) > :day))""";

            /** Open: the conditions on the ended registration {@code e} follow, then the two brackets that close it. */
            static final String BEGUN_BY = """
                    (person_year.roster_changed
                     and exists (select 1 from registration_ended e
                                 where e.person_id = person_year.person_id and e.coverage_year = :coverageYear
                                   and\s""" + BEGAN;
        }
    }

    /**
     * Settled by the moment: the money of {@link #PEOPLE_AS_OF_JOINS} (the assistance fund's beyond the subsidy in force then,
     * {@code payable_by}'s; today's for an assessment kept before V34) against the payable in force then
     * ({@code payable_by}, the assessments' history), held to the settled payable only when the person
     * had settled by then: a 低保 certified after a stage's deadline, who had paid 40 of 180 before it,
     * was not settled at the deadline. The payable they were held to then is the one they settled against, lowered by
     * the assessments up to the moment and moved by the standard's changes ({@code capped_by}: the standard then plus the
     * least of each assessment's payable less its standard since the settlement, as {@link SettlementRule} moves it), not
     * today's: a payable lowered to 0 in November held someone refunded in October to 0 as of October 31. Where no assessment came before the moment (facts recorded after
     * the business day they are dated, an enrolment back-dated with its payment), nothing else was known
     * then, and the person is held as today ({@link #HELD_TO}); so is a row settled before V17 (no {@code settled_at}).
     */
    public static final String SETTLED_BY = """
            (payable_amount is not null
             and coalesce(paid_by.total, 0) - coalesce(refunded_by.total, 0)
                 + greatest(0, coalesce(paid_by.fund, 0) - coalesce(refunded_by.fund, 0) - coalesce(payable_by.subsidy, subsidy_amount, 0))
                 >= case when payable_by.amount is null then\s""" + HELD_TO + """

                         else least(payable_by.amount, case when settlement.at is null or settlement.at < :at
                                                            then coalesce(capped_by.amount, settlement.payable, payable_by.amount)
                                                            else payable_by.amount end) end)""";

    private Definitions() {
    }
}
