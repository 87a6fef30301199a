package cn.medicare.campaign.enrollment.campaign;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.contracts.events.TargetsSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns and township targets, kept as the events that announced them. */
@Repository
public class CampaignStore {

    private final JdbcClient jdbc;
    /** For the targets' JDBC batch, which JdbcClient has no API for. */
    private final NamedParameterJdbcTemplate batch;

    CampaignStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Optional<CampaignDefined> find(String region, int coverageYear) {
        return jdbc.sql("select definition::text from campaign where region = :region and coverage_year = :coverageYear")
                .param("region", region).param("coverageYear", coverageYear)
                .query((row, n) -> EventJson.read(row.getString(1), CampaignDefined.class)).optional();
    }

    /** Locks the campaign row so that two bureau clerks replacing it one after the other get versions n and n+1. */
    Optional<Integer> lockVersion(String region, int coverageYear) {
        return jdbc.sql("select version from campaign where region = :region and coverage_year = :coverageYear for update")
                .param("region", region).param("coverageYear", coverageYear).query(Integer.class).optional();
    }

    void save(CampaignDefined campaign, Instant definedAt) {
        jdbc.sql("""
                insert into campaign (region, coverage_year, version, definition, defined_at)
                values (:region, :coverageYear, :version, cast(:definition as json), :definedAt)
                on conflict (region, coverage_year) do update
                set version = excluded.version, definition = excluded.definition, defined_at = excluded.defined_at""")
                .param("region", campaign.region()).param("coverageYear", campaign.coverageYear())
                .param("version", campaign.version()).param("definition", EventJson.write(campaign))
                .param("definedAt", Timestamp.from(definedAt))
                .update();
    }

    public List<TargetsSet.Target> targets(String region, int coverageYear) {
        return jdbc.sql("""
                select township, township_name, target, e_voucher_target, unit_type from township_target
                where region = :region and coverage_year = :coverageYear order by township""")
                .param("region", region).param("coverageYear", coverageYear)
                .query((row, n) -> new TargetsSet.Target(row.getString(1), row.getString(2), row.getInt(3),
                        (Integer) row.getObject(4), row.getString(5) == null ? null : TargetsSet.UnitType.valueOf(row.getString(5)))).list();
    }

    void replaceTargets(String region, int coverageYear, List<TargetsSet.Target> targets) {
        jdbc.sql("delete from township_target where region = :region and coverage_year = :coverageYear")
                .param("region", region).param("coverageYear", coverageYear).update();
        batch.batchUpdate("""
                insert into township_target (region, coverage_year, township, township_name, target, e_voucher_target, unit_type)
                values (:region, :coverageYear, :township, :townshipName, :target, :eVoucherTarget, :unitType)""",
                targets.stream().map(target -> new MapSqlParameterSource()
                        .addValue("region", region).addValue("coverageYear", coverageYear)
                        .addValue("township", target.township()).addValue("townshipName", target.townshipName())
                        .addValue("target", target.target())
                        .addValue("eVoucherTarget", target.eVoucherTarget(), Types.INTEGER)
                        .addValue("unitType", target.type() == null ? null : target.type().name(), Types.VARCHAR))
                        .toArray(SqlParameterSource[]::new));
    }
}
