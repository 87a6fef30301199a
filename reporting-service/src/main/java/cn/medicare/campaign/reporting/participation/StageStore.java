package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stage results as settled: each act of settling (the schedule's, or the bureau's re-computation) and its townships. */
@Repository
class StageStore {

    /**
     * One act of settling a stage.
     *
     * @param threshold the stage's terms when it was settled (null for a settlement before V18)
     */
    record Settlement(long id, Instant settledAt, String settledBy, String reason, BigDecimal threshold, BigDecimal reward,
            BigDecimal penaltyPerPoint) {
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
    Optional<Settlement> latest(String region, int coverageYear, CampaignDefined.Stage stage) {
        return jdbc.sql("""
                select id, settled_at, settled_by, reason, threshold, reward, penalty_per_point from stage_settlement
                where region = :region and coverage_year = :coverageYear and deadline = :deadline and measure = :measure
                order by id desc limit 1""")
                .param("region", region).param("coverageYear", coverageYear).param("deadline", stage.deadline())
                .param("measure", stage.measureOrDefault().name())
                .query(Settlement.class).optional();
    }

    List<StageResults.TownshipResult> results(long settlementId, Level level) {
        return jdbc.sql("""
                select township, case when level = 'TOWNSHIP' then unit_name end as township_name, rate, met, reward, penalty,
                       case when level <> 'TOWNSHIP' then unit end as unit, case when level <> 'TOWNSHIP' then unit_name end as unit_name,
                       done, target, matching_funds
                from stage_result
                where settlement_id = :id and level = :level order by unit""")
                .param("id", settlementId).param("level", level.name())
                .query(StageResults.TownshipResult.class).list();
    }

    /** A new act of settling: its results at every level stand from now on, the earlier acts stay for the record. */
    long settle(String region, int coverageYear, CampaignDefined.Stage stage, Map<Level, List<StageResults.TownshipResult>> results,
            String settledBy, String reason, Instant at) {
        long id = jdbc.sql("""
                insert into stage_settlement (region, coverage_year, deadline, measure, settled_at, settled_by, reason, threshold, reward,
                                              penalty_per_point)
                values (:region, :coverageYear, :deadline, :measure, :at, :settledBy, :reason, :threshold, :reward, :penaltyPerPoint)
                returning id""")
                .param("region", region).param("coverageYear", coverageYear).param("deadline", stage.deadline())
                .param("measure", stage.measureOrDefault().name())
                .param("threshold", stage.threshold()).param("reward", stage.reward()).param("penaltyPerPoint", stage.penaltyPerPoint())
                .param("at", Timestamp.from(at)).param("settledBy", settledBy).param("reason", reason)
                .query(Long.class).single();
        // JdbcClient has no batch: the named-parameter template binds the same way for many rows
        batch.batchUpdate("""
                insert into stage_result (settlement_id, level, unit, unit_name, township, rate, met, reward, penalty, done, target,
                    matching_funds)
                values (:id, :level, :unit, :unitName, :township, :rate, :met, :reward, :penalty, :done, :target, :matchingFunds)""",
                results.entrySet().stream().flatMap(level -> level.getValue().stream().map(result -> new MapSqlParameterSource()
                        .addValue("id", id).addValue("level", level.getKey().name())
                        .addValue("unit", result.key())
                        .addValue("unitName", result.unit() != null ? result.unitName() : result.townshipName())
                        .addValue("township", result.township(), Types.VARCHAR)
                        .addValue("rate", result.rate()).addValue("met", result.met())
                        .addValue("reward", result.reward()).addValue("penalty", result.penalty())
                        .addValue("done", result.done()).addValue("target", result.target())
                        .addValue("matchingFunds", result.matchingFunds(), Types.NUMERIC)))
                        .toArray(SqlParameterSource[]::new));
        return id;
    }
}
