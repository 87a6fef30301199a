package cn.medicare.campaign.subsidy.campaign;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.contracts.events.TargetsSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The local copy of the campaigns (年度参保缴费政策) and townships enrollment-service publishes. */
@Repository
public class CampaignStore {

    private final JdbcTemplate jdbc;

    CampaignStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return true when this definition is new or replaces a lower version; a stale or repeated one changes nothing */
    public boolean define(CampaignDefined campaign) {
        return jdbc.update("""
                insert into campaign (region, coverage_year, version, collection_end, definition) values (?, ?, ?, ?, ?::json)
                on conflict (region, coverage_year) do update
                set version = excluded.version, collection_end = excluded.collection_end, definition = excluded.definition
                where campaign.version < excluded.version""",
                campaign.region(), campaign.coverageYear(), campaign.version(), campaign.collectionPeriod().end(),
                EventJson.write(campaign)) == 1;
    }

    public Optional<CampaignDefined> find(String region, int coverageYear) {
        List<String> definitions = jdbc.queryForList("select definition::text from campaign where region = ? and coverage_year = ?",
                String.class, region, coverageYear);
        return definitions.stream().findFirst().map(json -> EventJson.read(json, CampaignDefined.class));
    }

    /** The last day of each known campaign's collection period in the region, by coverage year. */
    public Map<Integer, LocalDate> collectionEnds(String region) {
        Map<Integer, LocalDate> ends = new HashMap<>();
        jdbc.query("select coverage_year, collection_end from campaign where region = ?",
                row -> {
                    ends.put(row.getInt(1), row.getObject(2, LocalDate.class));
                }, region);
        return ends;
    }

    public void setTargets(TargetsSet targets) {
        jdbc.batchUpdate("""
                insert into township (township, region, name) values (?, ?, ?)
                on conflict (township) do update set region = excluded.region, name = excluded.name""",
                targets.targets(), 500, (statement, target) -> {
                    statement.setString(1, target.township());
                    statement.setString(2, targets.region());
                    statement.setString(3, target.townshipName());
                });
    }

    /** @return whether a TargetsSet of the county has arrived */
    public boolean hasTargets(String region) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from township where region = ?)", Boolean.class, region));
    }

    /** The county a township belongs to, when a TargetsSet has named it. */
    public Optional<String> regionOf(String township) {
        return jdbc.queryForList("select region from township where township = ?", String.class, township).stream().findFirst();
    }
}
