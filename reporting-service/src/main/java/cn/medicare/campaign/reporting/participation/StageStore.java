package cn.medicare.campaign.reporting.participation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stage results as settled: each act of settling (the schedule's, or the bureau's re-computation) and its townships. */
@Repository
class StageStore {

    /** One act of settling a stage. */
    record Settlement(long id, Instant settledAt, String settledBy, String reason) {
    }

    /** Campaigns by region and year, for the schedule to look at. */
    record CampaignKey(String region, int coverageYear) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    StageStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    List<CampaignKey> campaigns() {
        return jdbc.sql("select region, coverage_year from campaign order by region, coverage_year").query(CampaignKey.class).list();
    }

    /** The latest settlement of the stage, if it was settled. */
    Optional<Settlement> latest(String region, int coverageYear, LocalDate deadline) {
        return jdbc.sql("""
                select id, settled_at, settled_by, reason from stage_settlement
                where region = :region and coverage_year = :coverageYear and deadline = :deadline
                order by id desc limit 1""")
                .param("region", region).param("coverageYear", coverageYear).param("deadline", deadline)
                .query(Settlement.class).optional();
    }

    List<StageResults.TownshipResult> results(long settlementId) {
        return jdbc.sql("""
                select township, township_name, rate, met, reward, penalty from stage_result
                where settlement_id = :id order by township""")
                .param("id", settlementId).query(StageResults.TownshipResult.class).list();
    }

    /** A new act of settling: its results stand from now on, the earlier acts stay for the record. */
    long settle(String region, int coverageYear, LocalDate deadline, List<StageResults.TownshipResult> results, String settledBy,
            String reason, Instant at) {
        long id = jdbc.sql("""
                insert into stage_settlement (region, coverage_year, deadline, settled_at, settled_by, reason)
                values (:region, :coverageYear, :deadline, :at, :settledBy, :reason) returning id""")
                .param("region", region).param("coverageYear", coverageYear).param("deadline", deadline)
                .param("at", Timestamp.from(at)).param("settledBy", settledBy).param("reason", reason)
                .query(Long.class).single();
        // JdbcClient has no batch: the named-parameter template binds the same way for many rows
        batch.batchUpdate("""
                insert into stage_result (settlement_id, township, township_name, rate, met, reward, penalty)
                values (:id, :township, :townshipName, :rate, :met, :reward, :penalty)""",
                results.stream().map(result -> new MapSqlParameterSource().addValue("id", id)
                        .addValue("township", result.township()).addValue("townshipName", result.townshipName())
                        .addValue("rate", result.rate()).addValue("met", result.met())
                        .addValue("reward", result.reward()).addValue("penalty", result.penalty()))
                        .toArray(SqlParameterSource[]::new));
        return id;
    }
}
