package cn.medicare.campaign.reporting.ledger;

import cn.medicare.campaign.reporting.participation.Moment;
import cn.medicare.campaign.reporting.readmodel.Definitions;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 资助参保台账 from the read model: the assisted, their subsidy and who paid what, per category and township. */
@Repository
class LedgerStore {

    /**
     * One category in one township.
     *
     * @param people the assisted registered, settled or not
     * @param enrolled those of them enrolled (registered and settled): DOMAIN.md's assisted, as the participation figures and
     *     the weekly form's 资助参保人数 count them, here by the township the person lives in (the figures count a pupil for
     *     the education system where there is one)
     * @param enrolledSubsidy the subsidy of those enrolled
     */
    record Line(String category, String township, String townshipName, int people, BigDecimal subsidy, int enrolled,
            BigDecimal enrolledSubsidy, BigDecimal fundPaid, BigDecimal individualsPaid) {
    }

    /**
     * The assisted registered now, their subsidy, whether they are enrolled (settled) and what was paid for them: payments
     * confirmed before now, net of what was refunded by then (先缴后返: a 低保 who paid in full and was certified later is
     * refunded the subsidy, and only the rest stays theirs), the medical-assistance fund's (channel ASSISTANCE_FUND) apart
     * from the people's own.
     */
    private static final String NOW = """
            with people as (
                select person_year.assistance_category as category, person_year.township, person_year.subsidy_amount as subsidy,
                       \s""" + Definitions.SETTLED + " as enrolled," + """

                       coalesce(paid.fund, 0.00) - coalesce(refunded.fund, 0.00) as fund_paid,
                       coalesce(paid.own, 0.00) - coalesce(refunded.own, 0.00) as individuals_paid
                from person_year
                left join (select person_id, coverage_year,
                                  sum(case when channel = 'ASSISTANCE_FUND' then amount else 0.00 end) as fund,
                                  sum(case when channel <> 'ASSISTANCE_FUND' then amount else 0.00 end) as own
                           from payment where coverage_year = :coverageYear and paid_at < :at
                           group by person_id, coverage_year) paid
                       on paid.person_id = person_year.person_id and paid.coverage_year = person_year.coverage_year
                left join (select r.person_id, r.coverage_year,
                                  sum(case when v.channel = 'ASSISTANCE_FUND' then r.amount else 0.00 end) as fund,
                                  sum(case when v.channel is distinct from 'ASSISTANCE_FUND' then r.amount else 0.00 end) as own
                           from refund r left join payment v on v.voucher_no = r.voucher_no
                           where r.coverage_year = :coverageYear and r.refunded_at < :at
                           group by r.person_id, r.coverage_year) refunded
                       on refunded.person_id = person_year.person_id and refunded.coverage_year = person_year.coverage_year
                where person_year.region = :region and person_year.coverage_year = :coverageYear and person_year.subsidy_amount > 0
                  and\s""" + Definitions.REGISTERED + ")";

    /**
     * The same as they stood at a past moment, as the participation figures count them then: registered by its business
     * day, in the township, category and subsidy of that moment, settled by then, with the money paid and refunded before it.
     */
    private static final String AS_OF = """
            with people as (
                select\s""" + Definitions.ASSISTANCE_CATEGORY_BY + " as category, " + Definitions.TOWNSHIP_BY + " as township," + """

                       coalesce(payable_by.subsidy, person_year.subsidy_amount) as subsidy,
                       \s""" + Definitions.SETTLED_BY + " as enrolled," + """

                       coalesce(paid_by.fund, 0.00) - coalesce(refunded_by.fund, 0.00) as fund_paid,
                       coalesce(paid_by.total, 0.00) - coalesce(refunded_by.total, 0.00) as individuals_paid
                from person_year
                """ + Definitions.PEOPLE_AS_OF_JOINS + """

                where person_year.region = :region and person_year.coverage_year = :coverageYear and\s""" + Definitions.REGISTERED_BY + ")";

    /** Per category and township, the township named as the targets in force at the moment name it. */
    private static final String LINES = """

            select people.category, people.township, coalesce(t.township_name, people.township) as township_name,
                   count(*) as people, sum(people.subsidy) as subsidy, count(*) filter (where people.enrolled) as enrolled,
                   coalesce(sum(people.subsidy) filter (where people.enrolled), 0.00) as enrolled_subsidy, sum(people.fund_paid) as fund_paid,
                   sum(people.individuals_paid) as individuals_paid
            from people
            left join township_target t
                   on t.region = :region and t.coverage_year = :coverageYear and t.township = people.township and t.%s
            where people.subsidy > 0 and people.category is not null
            group by people.category, people.township, t.township_name
            order by people.category, people.township""";

    private final JdbcClient jdbc;

    LedgerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Line> lines(String region, int coverageYear, Moment moment) {
        return jdbc.sql(moment.live() ? NOW + LINES.formatted(Definitions.TARGETS_IN_FORCE)
                        : AS_OF + LINES.formatted(Definitions.TARGETS_IN_FORCE_BY))
                .param("region", region).param("coverageYear", coverageYear)
                .param("today", moment.day()).param("day", moment.day()).param("at", Timestamp.from(moment.until()))
                .query(Line.class).list();
    }
}
