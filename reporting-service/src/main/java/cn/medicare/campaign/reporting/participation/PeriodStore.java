package cn.medicare.campaign.reporting.participation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each unit's standing at each period end of the collection period, kept once after that day for the rankings. */
@Repository
class PeriodStore {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    PeriodStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    boolean settled(String region, int coverageYear, LocalDate periodEnd) {
        return jdbc.sql("""
                select count(*) from period_settlement
                where region = :region and coverage_year = :coverageYear and period_end = :periodEnd""")
                .param("region", region).param("coverageYear", coverageYear).param("periodEnd", periodEnd)
                .query(Integer.class).single() > 0;
    }

    /** The standings kept for the period end at the level, or empty when it was not settled yet. */
    Optional<List<TownshipRankings.Standing>> standings(String region, int coverageYear, LocalDate periodEnd, Level level) {
        if (!settled(region, coverageYear, periodEnd)) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                select unit as key, unit_name as name, township, target, enrolled from period_figures
                where region = :region and coverage_year = :coverageYear and period_end = :periodEnd and level = :level
                order by unit""")
                .param("region", region).param("coverageYear", coverageYear).param("periodEnd", periodEnd)
                .param("level", level.name())
                .query(TownshipRankings.Standing.class).list());
    }

    /** Keeps the standings of every level at once; a second call for the same period end keeps nothing. */
    void settle(String region, int coverageYear, LocalDate periodEnd, Map<Level, List<TownshipRankings.Standing>> byLevel,
            Instant at) {
        int inserted = jdbc.sql("""
                insert into period_settlement (region, coverage_year, period_end, settled_at)
                values (:region, :coverageYear, :periodEnd, :at) on conflict do nothing""")
                .param("region", region).param("coverageYear", coverageYear).param("periodEnd", periodEnd)
                .param("at", Timestamp.from(at)).update();
        if (inserted == 0) {
            return;
        }
        batch.batchUpdate("""
                insert into period_figures (region, coverage_year, period_end, level, unit, unit_name, township, target, enrolled)
                values (:region, :coverageYear, :periodEnd, :level, :unit, :unitName, :township, :target, :enrolled)""",
                byLevel.entrySet().stream().flatMap(level -> level.getValue().stream().map(standing -> new MapSqlParameterSource()
                        .addValue("region", region).addValue("coverageYear", coverageYear).addValue("periodEnd", periodEnd)
                        .addValue("level", level.getKey().name()).addValue("unit", standing.key())
                        .addValue("unitName", standing.name()).addValue("township", standing.township())
                        .addValue("target", standing.target()).addValue("enrolled", standing.enrolled())))
                        .toArray(SqlParameterSource[]::new));
    }
}
