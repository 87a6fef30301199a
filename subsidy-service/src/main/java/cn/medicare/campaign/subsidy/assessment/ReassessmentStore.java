package cn.medicare.campaign.subsidy.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The campaigns whose people still wait to be reassessed under a newer version, and how far each has come. */
@Repository
class ReassessmentStore {

    /**
     * @param after the last person reassessed; null before the first chunk
     * @param generation which request this is: a newer version raises it and starts again from the first person
     */
    record Pending(String region, int coverageYear, String after, long generation, Instant requestedAt) {
    }

    private final JdbcClient jdbc;

    ReassessmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Everyone under the campaign, from the first person again, whatever an earlier version's request had reached. */
    void request(String region, int coverageYear, Instant at) {
        jdbc.sql("""
                insert into reassessment (region, coverage_year, after_person_id, generation, requested_at)
                values (:region, :coverageYear, null, 1, :at)
                on conflict (region, coverage_year) do update
                set after_person_id = null, generation = reassessment.generation + 1, requested_at = excluded.requested_at""")
                .param("region", region).param("coverageYear", coverageYear).param("at", Timestamp.from(at)).update();
    }

    /** When the request waiting longest was made; empty when none waits. */
    Optional<Instant> oldestRequest() {
        return jdbc.sql("select requested_at from reassessment order by requested_at limit 1").query(Timestamp.class).optional()
                .map(Timestamp::toInstant);
    }

    List<Pending> pending() {
        return jdbc.sql("select region, coverage_year, after_person_id, generation, requested_at from reassessment order by requested_at")
                .query((row, n) -> new Pending(row.getString(1), row.getInt(2), row.getString(3), row.getLong(4),
                        row.getTimestamp(5).toInstant()))
                .list();
    }

    /**
     * Moves the request on past {@code last}, or ends it when {@code last} is null; only while it is
     * still the request {@code from} was read as (no newer version, no other replica ahead of it).
     */
    boolean advance(Pending from, String last) {
        String where = " where region = :region and coverage_year = :coverageYear and generation = :generation"
                + " and after_person_id is not distinct from cast(:after as varchar)";
        return jdbc.sql(last == null ? "delete from reassessment" + where
                        : "update reassessment set after_person_id = :last" + where)
                .param("region", from.region()).param("coverageYear", from.coverageYear()).param("generation", from.generation())
                .param("after", from.after()).param("last", last).update() == 1;
    }
}
