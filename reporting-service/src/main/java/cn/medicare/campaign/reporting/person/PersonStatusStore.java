package cn.medicare.campaign.reporting.person;

import cn.medicare.campaign.contracts.identity.NearBirthRule;
import cn.medicare.campaign.reporting.readmodel.Definitions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A person-year of the read model with the definitions every figure counts by, evaluated for it. */
@Repository
class PersonStatusStore {

    private final JdbcClient jdbc;

    PersonStatusStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<PersonStatus> find(String personId, int coverageYear, LocalDate today) {
        return jdbc.sql("""
                select person_id, coverage_year, region, township, village, id_number_masked, name_masked, assistance_category,
                       registered_at is not null as enrolment_seen, withdrawn_on, payable_amount, subsidy_amount,
                       paid_amount - refunded_amount as own_paid, fund_paid_amount,
                       """ + Definitions.HELD_TO + " as held_to, "
                + Definitions.OUTSTANDING + " as outstanding, " + Definitions.REGISTERED + " as registered, " + Definitions.SETTLED + """
                 as settled
                from person_year where person_id = :personId and coverage_year = :coverageYear""")
                .param("personId", personId).param("coverageYear", coverageYear).param("today", today)
                .query((row, n) -> {
                    LocalDate withdrawnOn = row.getObject("withdrawn_on", LocalDate.class);
                    LocalDate withdrawn = withdrawnOn != null && !withdrawnOn.isAfter(today) ? withdrawnOn : null;
                    // a withdrawal from the birth is kept as the earliest day there is (PersonWithdrawn.effectiveOn)
                    boolean fromBirth = LocalDate.MIN.equals(withdrawn);
                    BigDecimal heldTo = row.getBigDecimal("held_to");
                    BigDecimal subsidy = row.getBigDecimal("subsidy_amount");
                    BigDecimal ownPaid = row.getBigDecimal("own_paid");
                    BigDecimal fundPaid = row.getBigDecimal("fund_paid_amount");
                    boolean registered = row.getBoolean("registered");
                    boolean settled = row.getBoolean("settled");
                    BigDecimal outstanding = row.getBigDecimal("outstanding");
                    String category = row.getString("assistance_category");
                    return new PersonStatus(row.getString("person_id"), row.getInt("coverage_year"), row.getString("region"),
                            row.getString("township"), row.getString("village"), row.getString("id_number_masked"),
                            row.getString("name_masked"), category, registered, settled, registered && settled, fromBirth ? null : withdrawn, fromBirth ? true : null,
                            row.getBigDecimal("payable_amount"), subsidy, heldTo, ownPaid, fundPaid, outstanding,
                            PersonStatusRule.explain(row.getBoolean("enrolment_seen"),
                                    withdrawn == null ? null : fromBirth ? NearBirthRule.Shown.NEAR_BIRTH : NearBirthRule.Shown.of(withdrawn), heldTo, subsidy, category, ownPaid, fundPaid,
                                    outstanding, registered && settled));
                })
                .optional();
    }
}
