package cn.medicare.campaign.subsidy.assessment;

import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The current assessment of each person-year. */
@Repository
class AssessmentStore {

    private final JdbcTemplate jdbc;

    AssessmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Assessment> find(String personId, int coverageYear) {
        return jdbc.query("""
                select standard_amount, subsidy_amount, payable_amount, assistance_category
                from assessment where person_id = ? and coverage_year = ?""",
                (row, n) -> new Assessment(row.getBigDecimal(1), row.getBigDecimal(2), row.getBigDecimal(3),
                        row.getString(4) == null ? null : AssistanceCategory.valueOf(row.getString(4))),
                personId, coverageYear).stream().findFirst();
    }

    void save(String personId, int coverageYear, String region, Assessment assessment, Instant at) {
        jdbc.update("""
                insert into assessment (person_id, coverage_year, region, standard_amount, subsidy_amount, payable_amount,
                                        assistance_category, assessed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (person_id, coverage_year) do update
                set region = excluded.region, standard_amount = excluded.standard_amount,
                    subsidy_amount = excluded.subsidy_amount, payable_amount = excluded.payable_amount,
                    assistance_category = excluded.assistance_category, assessed_at = excluded.assessed_at""",
                personId, coverageYear, region, assessment.standardAmount(), assessment.subsidyAmount(),
                assessment.payableAmount(), assessment.assistanceCategory() == null ? null : assessment.assistanceCategory().name(),
                Timestamp.from(at));
    }
}
