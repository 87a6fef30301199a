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
                insert into campaign (region, coverage_year, version, refund_rule) values (:region, :coverageYear, :version, :refundRule)
                on conflict (region, coverage_year) do update set version = excluded.version, refund_rule = excluded.refund_rule
                where campaign.version < excluded.version""")
                .param("region", campaign.region()).param("coverageYear", campaign.coverageYear()).param("version", campaign.version())
                .param("refundRule", campaign.refundRuleOrDefault().name())
                .update();
    }

    /** The campaign's refund rule; the default one while the campaign has not arrived. */
    CampaignDefined.RefundRule refundRule(String region, int coverageYear) {
        return jdbc.sql("select refund_rule from campaign where region = :region and coverage_year = :coverageYear")
                .param("region", region).param("coverageYear", coverageYear).query(String.class).optional()
                .map(CampaignDefined.RefundRule::valueOf).orElse(CampaignDefined.RefundRule.BEFORE_COVERAGE_ON_APPLICATION);
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
