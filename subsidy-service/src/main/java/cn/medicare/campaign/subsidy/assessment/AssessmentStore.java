package cn.medicare.campaign.subsidy.assessment;

import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.kit.PersonYears;
import cn.medicare.campaign.subsidy.roster.Enrolment;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The current assessments of those of the enrolments that have one. */
    Map<Enrolment, Assessment> of(List<Enrolment> enrolments) {
        Map<String, Enrolment> byKey = new HashMap<>();
        enrolments.forEach(enrolment -> byKey.put(enrolment.personId() + "/" + enrolment.coverageYear(), enrolment));
        Map<Enrolment, Assessment> current = new HashMap<>();
        PersonYears.bind(jdbc.sql("""
                select person_id, coverage_year, standard_amount, subsidy_amount, payable_amount, assistance_category
                from assessment
                where %s""".formatted(PersonYears.MATCH)), enrolments, Enrolment::personId, Enrolment::coverageYear)
                .query(row -> {
                    current.put(byKey.get(row.getString(1) + "/" + row.getInt(2)), new Assessment(row.getBigDecimal(3),
                            row.getBigDecimal(4), row.getBigDecimal(5),
                            row.getString(6) == null ? null : AssistanceCategory.valueOf(row.getString(6))));
                });
        return current;
    }

    /** An enrolment's new assessment. */
    record Assessed(Enrolment enrolment, Assessment assessment) {
    }

    /** Stores new assessments in one statement (at most one per person-year). */
    void save(List<Assessed> assessed, Instant at) {
        jdbc.sql("""
                insert into assessment (person_id, coverage_year, region, standard_amount, subsidy_amount, payable_amount,
                                        assistance_category, assessed_at)
                select person_id, coverage_year, region, standard_amount, subsidy_amount, payable_amount, assistance_category, :at
                from unnest(cast(:personIds as varchar[]), cast(:coverageYears as int[]), cast(:regions as varchar[]),
                            cast(:standard as numeric[]), cast(:subsidy as numeric[]), cast(:payable as numeric[]),
                            cast(:categories as varchar[]))
                     as assessed(person_id, coverage_year, region, standard_amount, subsidy_amount, payable_amount, assistance_category)
                on conflict (person_id, coverage_year) do update
                set region = excluded.region, standard_amount = excluded.standard_amount,
                    subsidy_amount = excluded.subsidy_amount, payable_amount = excluded.payable_amount,
                    assistance_category = excluded.assistance_category, assessed_at = excluded.assessed_at""")
                .param("personIds", assessed.stream().map(one -> one.enrolment().personId()).toArray(String[]::new))
                .param("coverageYears", assessed.stream().map(one -> one.enrolment().coverageYear()).toArray(Integer[]::new))
                .param("regions", assessed.stream().map(one -> one.enrolment().region()).toArray(String[]::new))
                .param("standard", assessed.stream().map(one -> one.assessment().standardAmount().toPlainString()).toArray(String[]::new))
                .param("subsidy", assessed.stream().map(one -> one.assessment().subsidyAmount().toPlainString()).toArray(String[]::new))
                .param("payable", assessed.stream().map(one -> one.assessment().payableAmount().toPlainString()).toArray(String[]::new))
                .param("categories", assessed.stream().map(one -> one.assessment().assistanceCategory() == null ? null
                        : one.assessment().assistanceCategory().name()).toArray(String[]::new))
                .param("at", Timestamp.from(at))
                .update();
    }
}
