package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
                insert into campaign (region, coverage_year, version, refund_rule, collection_opened)
                values (:region, :coverageYear, :version, :refundRule, :collectionOpened)
                on conflict (region, coverage_year) do update
                set version = excluded.version, refund_rule = excluded.refund_rule, collection_opened = excluded.collection_opened
                where campaign.version < excluded.version
                   or campaign.version = excluded.version and campaign.collection_opened is null""")
                .param("region", campaign.region()).param("coverageYear", campaign.coverageYear()).param("version", campaign.version())
                .param("refundRule", campaign.refundRuleOrDefault().name())
                .param("collectionOpened", campaign.collectionPeriod().start())
                .update();
    }

    /** The campaign's refund rule; the default one while the campaign has not arrived. */
    CampaignDefined.RefundRule refundRule(String region, int coverageYear) {
        return jdbc.sql("select refund_rule from campaign where region = :region and coverage_year = :coverageYear")
                .param("region", region).param("coverageYear", coverageYear).query(String.class).optional()
                .map(CampaignDefined.RefundRule::valueOf).orElse(CampaignDefined.RefundRule.BEFORE_COVERAGE_ON_APPLICATION);
    }

    /**
     * The first day any of each region's collection periods opened: a payer born after it shows the county alone
     * ({@link cn.medicare.campaign.contracts.identity.PersonIds#maskIdNumber(String, LocalDate, LocalDate, LocalDate)}).
     */
    public Map<String, LocalDate> firstCollectionOpenings(Collection<String> regions) {
        Map<String, LocalDate> openings = new HashMap<>();
        jdbc.sql("""
                select region, min(collection_opened) from campaign
                where region = any(cast(:regions as varchar[])) and collection_opened is not null group by region""")
                .param("regions", regions.stream().distinct().toArray(String[]::new))
                .query(row -> {
                    openings.put(row.getString(1), row.getObject(2, LocalDate.class));
                });
        return openings;
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
