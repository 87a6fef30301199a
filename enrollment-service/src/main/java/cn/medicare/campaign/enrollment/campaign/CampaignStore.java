package cn.medicare.campaign.enrollment.campaign;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.contracts.events.TargetsSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Campaigns and township targets, kept as the events that announced them. */
@Repository
public class CampaignStore {

    private final JdbcTemplate jdbc;

    CampaignStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CampaignDefined> find(String region, int coverageYear) {
        return jdbc.query("select definition::text from campaign where region = ? and coverage_year = ?",
                (row, n) -> EventJson.read(row.getString(1), CampaignDefined.class), region, coverageYear).stream().findFirst();
    }

    /** Locks the campaign row so that two bureau clerks replacing it one after the other get versions n and n+1. */
    Optional<Integer> lockVersion(String region, int coverageYear) {
        return jdbc.queryForList("select version from campaign where region = ? and coverage_year = ? for update",
                Integer.class, region, coverageYear).stream().findFirst();
    }

    void save(CampaignDefined campaign, Instant definedAt) {
        jdbc.update("""
                insert into campaign (region, coverage_year, version, definition, defined_at) values (?, ?, ?, ?::json, ?)
                on conflict (region, coverage_year) do update
                set version = excluded.version, definition = excluded.definition, defined_at = excluded.defined_at""",
                campaign.region(), campaign.coverageYear(), campaign.version(), EventJson.write(campaign), Timestamp.from(definedAt));
    }

    public List<TargetsSet.Target> targets(String region, int coverageYear) {
        return jdbc.query("select township, township_name, target from township_target where region = ? and coverage_year = ? order by township",
                (row, n) -> new TargetsSet.Target(row.getString(1), row.getString(2), row.getInt(3)), region, coverageYear);
    }

    void replaceTargets(String region, int coverageYear, List<TargetsSet.Target> targets) {
        jdbc.update("delete from township_target where region = ? and coverage_year = ?", region, coverageYear);
        jdbc.batchUpdate("insert into township_target (region, coverage_year, township, township_name, target) values (?, ?, ?, ?, ?)",
                targets, targets.size(), (statement, target) -> {
                    statement.setString(1, region);
                    statement.setInt(2, coverageYear);
                    statement.setString(3, target.township());
                    statement.setString(4, target.townshipName());
                    statement.setInt(5, target.target());
                });
    }
}
