package cn.medicare.campaign.enrollment.enrolment;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 参保变更记录: who changed a person-year, when, what and why. Written in the transaction of the change. */
@Repository
class AuditStore {

    /** One change; {@code reason} and {@code detail} are what a clerk reads, never an ID number. */
    record Entry(Instant at, String actor, String action, String reason, String detail) {
    }

    private final JdbcClient jdbc;

    AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A change of one person-year, to be recorded. */
    record Change(String personId, int coverageYear, Instant at, String actor, String action, String reason, String detail) {
    }

    void record(String personId, int coverageYear, Instant at, String actor, String action, String reason, String detail) {
        recordAll(List.of(new Change(personId, coverageYear, at, actor, action, reason, detail)));
    }

    /** Many changes in one statement, in the order given (the order a person-year's changes are read back in). */
    void recordAll(List<Change> changes) {
        jdbc.sql("""
                insert into enrolment_audit (person_id, coverage_year, at, actor, action, reason, detail)
                select person_id, coverage_year, at, actor, action, reason, detail
                from unnest(cast(:personIds as varchar[]), cast(:coverageYears as int[]), cast(:at as timestamptz[]),
                            cast(:actors as varchar[]), cast(:actions as varchar[]), cast(:reasons as varchar[]),
                            cast(:details as varchar[])) with ordinality
                    as change(person_id, coverage_year, at, actor, action, reason, detail, n)
                order by n""")
                .param("personIds", changes.stream().map(Change::personId).toArray(String[]::new))
                .param("coverageYears", changes.stream().map(Change::coverageYear).toArray(Integer[]::new))
                .param("at", changes.stream().map(change -> change.at().toString()).toArray(String[]::new))
                .param("actors", changes.stream().map(Change::actor).toArray(String[]::new))
                .param("actions", changes.stream().map(Change::action).toArray(String[]::new))
                .param("reasons", changes.stream().map(Change::reason).toArray(String[]::new))
                .param("details", changes.stream().map(Change::detail).toArray(String[]::new))
                .update();
    }

    List<Entry> of(String personId, int coverageYear) {
        return jdbc.sql("""
                select at, actor, action, reason, detail from enrolment_audit
                where person_id = :personId and coverage_year = :coverageYear order by id""")
                .param("personId", personId).param("coverageYear", coverageYear)
                .query((row, n) -> new Entry(row.getTimestamp(1).toInstant(), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5)))
                .list();
    }
}
