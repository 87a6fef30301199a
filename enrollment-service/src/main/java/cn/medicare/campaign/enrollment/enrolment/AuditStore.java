package cn.medicare.campaign.enrollment.enrolment;

import java.sql.Timestamp;
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

    void record(String personId, int coverageYear, Instant at, String actor, String action, String reason, String detail) {
        jdbc.sql("""
                insert into enrolment_audit (person_id, coverage_year, at, actor, action, reason, detail)
                values (:personId, :coverageYear, :at, :actor, :action, :reason, :detail)""")
                .param("personId", personId).param("coverageYear", coverageYear).param("at", Timestamp.from(at))
                .param("actor", actor).param("action", action).param("reason", reason).param("detail", detail)
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
