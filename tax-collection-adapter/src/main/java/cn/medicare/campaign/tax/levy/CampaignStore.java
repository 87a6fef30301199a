package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The campaigns (参保缴费工作方案) we have seen, by region and coverage year; only the latest version counts. */
@Repository
public class CampaignStore {

    private final JdbcTemplate jdbc;

    CampaignStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void define(CampaignDefined campaign) {
        jdbc.update("""
                insert into campaign (region, coverage_year, version) values (?, ?, ?)
                on conflict (region, coverage_year) do update set version = excluded.version
                where campaign.version < excluded.version""",
                campaign.region(), campaign.coverageYear(), campaign.version());
    }

    /** The latest coverage year of any campaign seen, if any. */
    public Optional<Integer> latestYear() {
        return Optional.ofNullable(jdbc.queryForObject("select max(coverage_year) from campaign", Integer.class));
    }

    /** The regions that run a campaign for that coverage year. */
    public List<String> regionsFor(int coverageYear) {
        return jdbc.queryForList("select region from campaign where coverage_year = ? order by region", String.class, coverageYear);
    }
}
