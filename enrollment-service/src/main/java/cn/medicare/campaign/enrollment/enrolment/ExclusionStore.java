package cn.medicare.campaign.enrollment.enrolment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What other agencies' lists say about people, whether or not they are enrolled: a death (公安/卫健),
 * employee insurance (人社/医保) or an enrolment in another region for a year. Kept, so that a later
 * enrolment is refused with the reason, until a revoked withdrawal lifts the fact.
 */
@Repository
class ExclusionStore {

    /** The kind of list a fact came from. */
    enum Kind {
        /** 死亡名单 */
        DECEASED,
        /** 参加职工医保名单 */
        EMPLOYEE_INSURANCE,
        /** 异地参保名单 */
        OTHER_REGION
    }

    /** @param coverageYear the year the fact is about; null for a death (every year from its date) */
    record Exclusion(Kind kind, Integer coverageYear, LocalDate effectiveDate) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ExclusionStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * One statement for a whole list. A fact already kept (same person, kind and year) keeps its first
     * date; a revoked one stays revoked unless the list now gives another date, which is a new fact.
     */
    void addAll(Kind kind, Integer coverageYear, Map<String, LocalDate> datesByPerson, String source, Instant at) {
        // JdbcClient has no batch: the named-parameter template does the same binding for many rows
        batch.batchUpdate("""
                insert into exclusion (person_id, kind, coverage_year, effective_date, source, received_at)
                values (:personId, :kind, :coverageYear, :effectiveDate, :source, :at)
                on conflict (person_id, kind, coverage_year) do update
                set effective_date = excluded.effective_date, source = excluded.source, received_at = excluded.received_at,
                    revoked_at = null, revoked_by = null
                where exclusion.revoked_at is not null and exclusion.effective_date <> excluded.effective_date""",
                datesByPerson.entrySet().stream().map(entry -> new MapSqlParameterSource()
                        .addValue("personId", entry.getKey()).addValue("kind", kind.name())
                        .addValue("coverageYear", coverageYear == null ? 0 : coverageYear)
                        .addValue("effectiveDate", entry.getValue()).addValue("source", source)
                        .addValue("at", Timestamp.from(at)))
                        .toArray(SqlParameterSource[]::new));
    }

    /** The facts about these people that still stand (not revoked). */
    Map<String, List<Exclusion>> of(List<String> personIds) {
        Map<String, List<Exclusion>> found = new HashMap<>();
        // bound as one SQL array: a List would be expanded into one parameter per element
        jdbc.sql("""
                select person_id, kind, coverage_year, effective_date from exclusion
                where person_id = any(:personIds) and revoked_at is null""")
                .param("personIds", personIds.toArray(String[]::new))
                .query(row -> {
                    int year = row.getInt(3);
                    found.computeIfAbsent(row.getString(1), key -> new ArrayList<>()).add(new Exclusion(Kind.valueOf(row.getString(2)),
                            year == 0 ? null : year, row.getObject(4, LocalDate.class)));
                });
        return found;
    }

    /**
     * Those of the people whose fact of this kind and year was revoked, with its date: the same list
     * sent again does not withdraw them again.
     */
    Map<String, LocalDate> revokedAmong(Kind kind, Integer coverageYear, List<String> personIds) {
        Map<String, LocalDate> revoked = new HashMap<>();
        jdbc.sql("""
                select person_id, effective_date from exclusion
                where person_id = any(:personIds) and kind = :kind and coverage_year = :coverageYear and revoked_at is not null""")
                .param("personIds", personIds.toArray(String[]::new)).param("kind", kind.name())
                .param("coverageYear", coverageYear == null ? 0 : coverageYear)
                .query(row -> {
                    revoked.put(row.getString(1), row.getObject(2, LocalDate.class));
                });
        return revoked;
    }

    /**
     * A revoked withdrawal lifts the fact behind it, if a list gave one: the fact of its kind and year dated as the
     * withdrawal. A list's fact of another date did not withdraw the person (a clerk had, on another day) and stands.
     */
    void revoke(String personId, Kind kind, Integer coverageYear, LocalDate effectiveDate, String by, Instant at) {
        jdbc.sql("""
                update exclusion set revoked_at = :at, revoked_by = :by
                where person_id = :personId and kind = :kind and coverage_year = :coverageYear and effective_date = :effectiveDate
                  and revoked_at is null""")
                .param("at", Timestamp.from(at)).param("by", by).param("personId", personId).param("kind", kind.name())
                .param("coverageYear", coverageYear == null ? 0 : coverageYear).param("effectiveDate", effectiveDate)
                .update();
    }
}
