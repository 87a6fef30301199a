package cn.medicare.campaign.reporting.unpaid;

import cn.medicare.campaign.reporting.readmodel.Definitions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 未缴费名单 from the read model: registered for the year, not settled. */
@Repository
class UnpaidStore {

    private final JdbcClient jdbc;

    UnpaidStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param township null for every township of the county */
    List<UnpaidController.Person> unpaid(String region, int coverageYear, String township, LocalDate today) {
        return jdbc.sql("""
                select person_id, id_number_masked, name_masked, township, village, payable_amount, paid_amount - refunded_amount as paid,
                       """ + Definitions.OUTSTANDING + " as outstanding, " + Definitions.PAY_BY + """
                           as pay_by
                from person_year
                where region = :region and coverage_year = :coverageYear and (cast(:township as text) is null or township = :township)
                  and """ + Definitions.REGISTERED + " and not " + Definitions.SETTLED + """
                order by township, village, name_masked, person_id""")
                .param("region", region).param("coverageYear", coverageYear).param("township", township).param("today", today)
                .query((row, n) -> {
                    BigDecimal payable = row.getBigDecimal("payable_amount");
                    BigDecimal paid = row.getBigDecimal("paid");
                    LocalDate payBy = row.getObject("pay_by", LocalDate.class);
                    return new UnpaidController.Person(row.getString("person_id"), row.getString("id_number_masked"),
                            row.getString("name_masked"), row.getString("township"), row.getString("village"), payable, paid,
                            row.getBigDecimal("outstanding"), payBy,
                            Definitions.payByPassed(payBy, today));
                })
                .list();
    }
}
