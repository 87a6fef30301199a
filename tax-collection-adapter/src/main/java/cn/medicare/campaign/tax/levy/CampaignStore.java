package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import java.time.LocalDate;
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
                insert into campaign (region, coverage_year, version, refund_rule, collection_opened)
                values (:region, :coverageYear, :version, :refundRule, :collectionOpened)
                on conflict (region, coverage_year) do update
                set version = excluded.version, refund_rule = excluded.refund_rule, collection_opened = excluded.collection_opened
                where campaign.version < excluded.version""")
                .param("region", campaign.region()).param("coverageYear", campaign.coverageYear()).param("version", campaign.version())
                .param("refundRule", campaign.refundRuleOrDefault().name())
                .param("collectionOpened", campaign.firstCollectionDay())
                .update();
    }

    /** The campaign's refund rule; the default one while the campaign has not arrived. */
    CampaignDefined.RefundRule refundRule(String region, int coverageYear) {
        return jdbc.sql("select refund_rule from campaign where region = :region and coverage_year = :coverageYear")
                .param("region", region).param("coverageYear", coverageYear).query(String.class).optional()
                .map(CampaignDefined.RefundRule::valueOf).orElse(CampaignDefined.RefundRule.BEFORE_COVERAGE_ON_APPLICATION);
    }

    /**
     * The first day any campaign let people enrol and pay, of any region: the infant mask's threshold
     * ({@link cn.medicare.campaign.contracts.identity.PersonIds#maskIdNumber(String, LocalDate, LocalDate)}); empty while
     * none is known, or while a campaign consumed before V13 kept no day, which may have been the first.
     */
    public Optional<LocalDate> firstCollectionDay() {
        return jdbc.sql("select case when bool_and(collection_opened is not null) then min(collection_opened) end from campaign")
                .query(LocalDate.class).optional();
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
