package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The campaigns (参保缴费工作方案) we have seen, by region and coverage year; only the latest version counts. */
@Repository
public class CampaignStore {

    private final JdbcClient jdbc;

    CampaignStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void define(CampaignDefined campaign) {
        jdbc.sql("""
                insert into campaign (region, coverage_year, version) values (:region, :coverageYear, :version)
                on conflict (region, coverage_year) do update set version = excluded.version
                where campaign.version < excluded.version""")
                .param("region", campaign.region()).param("coverageYear", campaign.coverageYear()).param("version", campaign.version())
                .update();
    }

    /** The latest coverage year of any campaign seen, if any. */
    public Optional<Integer> latestYear() {
        return jdbc.sql("select max(coverage_year) from campaign").query(Integer.class).optional();
    }

    /** The regions that run a campaign for that coverage year. */
    public List<String> regionsFor(int coverageYear) {
        return jdbc.sql("select region from campaign where coverage_year = :coverageYear order by region")
                .param("coverageYear", coverageYear).query(String.class).list();
    }
}
