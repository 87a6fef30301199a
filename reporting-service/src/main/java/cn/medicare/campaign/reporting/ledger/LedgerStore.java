package cn.medicare.campaign.reporting.ledger;

import cn.medicare.campaign.reporting.readmodel.Definitions;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 资助参保台账 from the read model: the assisted, their subsidy and who paid what, per category and township. */
@Repository
class LedgerStore {

    /** One category in one township. */
    record Line(String category, String township, String townshipName, int people, BigDecimal subsidy, BigDecimal fundPaid,
            BigDecimal individualsPaid) {
    }

    private final JdbcClient jdbc;

    LedgerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Registered people with a subsidy on {@code today}; payments confirmed before {@code until}, net of what was refunded by then
     * (先缴后返: a 低保 who paid in full and was certified later is refunded the subsidy, and only the rest stays theirs):
     * the medical-assistance fund's (channel ASSISTANCE_FUND) apart from the people's own.
     */
    List<Line> lines(String region, int coverageYear, LocalDate today, Instant until) {
        return jdbc.sql("""
                select p.assistance_category as category, p.township, coalesce(t.township_name, p.township) as township_name,
                       count(*) as people, sum(p.subsidy_amount) as subsidy,
                       coalesce(sum(paid.fund), 0.00) - coalesce(sum(refunded.fund), 0.00) as fund_paid,
                       coalesce(sum(paid.own), 0.00) - coalesce(sum(refunded.own), 0.00) as individuals_paid
                from person_year p
                left join township_target t
                       on t.region = p.region and t.coverage_year = p.coverage_year and t.township = p.township and t.""" + Definitions.TARGETS_IN_FORCE + """

                left join (select person_id, coverage_year,
                                  sum(case when channel = 'ASSISTANCE_FUND' then amount else 0.00 end) as fund,
                                  sum(case when channel <> 'ASSISTANCE_FUND' then amount else 0.00 end) as own
                           from payment where coverage_year = :coverageYear and paid_at < :until
                           group by person_id, coverage_year) paid
                       on paid.person_id = p.person_id and paid.coverage_year = p.coverage_year
                left join (select r.person_id, r.coverage_year,
                                  sum(case when v.channel = 'ASSISTANCE_FUND' then r.amount else 0.00 end) as fund,
                                  sum(case when v.channel is distinct from 'ASSISTANCE_FUND' then r.amount else 0.00 end) as own
                           from refund r left join payment v on v.voucher_no = r.voucher_no
                           where r.coverage_year = :coverageYear and r.refunded_at < :until
                           group by r.person_id, r.coverage_year) refunded
                       on refunded.person_id = p.person_id and refunded.coverage_year = p.coverage_year
                where p.region = :region and p.coverage_year = :coverageYear and p.subsidy_amount > 0
                  and p.assistance_category is not null and """ + Definitions.REGISTERED + """
                group by p.assistance_category, p.township, t.township_name
                order by p.assistance_category, p.township""")
                .param("region", region).param("coverageYear", coverageYear).param("today", today).param("until", Timestamp.from(until))
                .query(Line.class).list();
    }
}
