package cn.medicare.campaign.subsidy.assessment;

import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current assessment of each person-year. */
@Repository
class AssessmentStore {

    private final JdbcClient jdbc;

    AssessmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Assessment> find(String personId, int coverageYear) {
        return jdbc.sql("""
                select standard_amount, subsidy_amount, payable_amount, assistance_category
                from assessment where person_id = :personId and coverage_year = :coverageYear""")
                .param("personId", personId).param("coverageYear", coverageYear)
                .query((row, n) -> new Assessment(row.getBigDecimal(1), row.getBigDecimal(2), row.getBigDecimal(3),
                        row.getString(4) == null ? null : AssistanceCategory.valueOf(row.getString(4))))
                .optional();
    }

    void save(String personId, int coverageYear, String region, Assessment assessment, Instant at) {
        jdbc.sql("""
                insert into assessment (person_id, coverage_year, region, standard_amount, subsidy_amount, payable_amount,
                                        assistance_category, assessed_at)
                values (:personId, :coverageYear, :region, :standard, :subsidy, :payable, :category, :at)
                on conflict (person_id, coverage_year) do update
                set region = excluded.region, standard_amount = excluded.standard_amount,
                    subsidy_amount = excluded.subsidy_amount, payable_amount = excluded.payable_amount,
                    assistance_category = excluded.assistance_category, assessed_at = excluded.assessed_at""")
                .param("personId", personId).param("coverageYear", coverageYear).param("region", region)
                .param("standard", assessment.standardAmount()).param("subsidy", assessment.subsidyAmount())
                .param("payable", assessment.payableAmount())
                .param("category", assessment.assistanceCategory() == null ? null : assessment.assistanceCategory().name())
                .param("at", Timestamp.from(at))
                .update();
    }
}
