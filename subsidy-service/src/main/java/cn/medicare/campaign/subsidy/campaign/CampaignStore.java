package cn.medicare.campaign.subsidy.campaign;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.kit.CampaignDefinitions;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The local copy of the campaigns (年度参保缴费政策) and townships enrollment-service publishes. */
@Repository
public class CampaignStore {

    /** 每月10日以前 (DOMAIN.md), for a list that names no county we know a campaign of. */
    private static final int DEFAULT_DUE_DAY = 10;

    private static final int CAMPAIGN_LOCKS = 0x63616d70; // "camp"

    private final JdbcClient jdbc;
    /** For the townships' JDBC batch, which JdbcClient has no API for. */
    private final NamedParameterJdbcTemplate batch;

    CampaignStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * @return true when this definition is new or replaces a lower version; a stale or repeated one changes nothing. Waits
     *     for the transactions assessing people under the campaign ({@link #find}) to end first.
     */
    public boolean define(CampaignDefined campaign) {
        takeTurn("pg_advisory_xact_lock", campaign.region(), campaign.coverageYear());
        return jdbc.sql("""
                insert into campaign (region, coverage_year, version, assistance_cutoff, definition)
                values (:region, :coverageYear, :version, :assistanceCutoff, cast(:definition as json))
                on conflict (region, coverage_year) do update
                set version = excluded.version, assistance_cutoff = excluded.assistance_cutoff, definition = excluded.definition
                where campaign.version < excluded.version""")
                .param("region", campaign.region()).param("coverageYear", campaign.coverageYear())
                .param("version", campaign.version()).param("assistanceCutoff", campaign.assistanceCutoffOrPeriodEnd())
                .param("definition", EventJson.write(campaign))
                .update() == 1;
    }

    /**
     * The campaign, read under a lock its writer ({@link #define}) waits for until this transaction ends: an assessment on
     * another replica while a new version (or the first) arrives either commits before the version does, and the
     * reassessment that follows the version finds its people, or reads the new version. A row lock could not cover a
     * campaign not there yet; readers do not wait for each other.
     */
    public Optional<CampaignDefined> find(String region, int coverageYear) {
        takeTurn("pg_advisory_xact_lock_shared", region, coverageYear);
        return jdbc.sql("select definition::text from campaign where region = :region and coverage_year = :coverageYear")
                .param("region", region).param("coverageYear", coverageYear).query(String.class).optional()
                .map(json -> EventJson.read(json, CampaignDefined.class));
    }

    /**
     * The turns of a transaction that defines several campaigns, taken at its start in the order readers take theirs
     * (region, then year: {@code AssessmentService}): two orders could make a reader and a writer wait for each other.
     */
    public void takeTurnsToDefine(List<CampaignDefined> campaigns) {
        campaigns.stream().map(campaign -> Map.entry(campaign.region(), campaign.coverageYear())).distinct()
                .sorted(Map.Entry.<String, Integer>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .forEach(campaign -> takeTurn("pg_advisory_xact_lock", campaign.getKey(), campaign.getValue()));
    }

    /** The two-key form, whose key space no one-key advisory lock shares; held until the transaction ends. */
    private void takeTurn(String function, String region, int coverageYear) {
        jdbc.sql("select " + function + "(:namespace, hashtext(:campaign))")
                .param("namespace", CAMPAIGN_LOCKS).param("campaign", region + ":" + coverageYear)
                .query((row, n) -> n).list();
    }

    /** 同缴同补: the last day a certification counts for each known campaign of the region, by coverage year. */
    public Map<Integer, LocalDate> assistanceCutoffs(String region) {
        Map<Integer, LocalDate> ends = new HashMap<>();
        jdbc.sql("select coverage_year, assistance_cutoff from campaign where region = :region")
                .param("region", region)
                .query(row -> {
                    ends.put(row.getInt(1), row.getObject(2, LocalDate.class));
                });
        return ends;
    }

    /** The days the region's known campaigns opened their collection periods (public: CampaignDefined). */
    public List<LocalDate> collectionOpenings(String region) {
        return jdbc.sql(CampaignDefinitions.COLLECTION_OPENINGS).param("region", region).query(LocalDate.class).list();
    }

    /** The first day any campaign known let people enrol and pay, of any region: the infant mask's threshold (PersonIds.maskIdNumber). */
    public Optional<LocalDate> firstCollectionDay() {
        return jdbc.sql(CampaignDefinitions.FIRST_COLLECTION_DAY)
                .query(LocalDate.class).optional();
    }

    /** The day of the month the region's latest campaign wants agencies' lists by; 10 when the region has none yet. */
    public int agencyListDueDay(String region) {
        return dueDay(jdbc.sql("select definition::text from campaign where region = :region order by coverage_year desc limit 1")
                .param("region", region));
    }

    /**
     * The day of the month the latest campaign of any county wants lists by: a list that names no county of its own (a nil
     * return, 零报告, or one whose every row was refused) is judged by it; one county per deployment is the norm.
     */
    public int latestAgencyListDueDay() {
        return dueDay(jdbc.sql("select definition::text from campaign order by coverage_year desc, region limit 1"));
    }

    private static int dueDay(JdbcClient.StatementSpec latest) {
        return latest.query(String.class).optional()
                .map(json -> EventJson.read(json, CampaignDefined.class).agencyListDueDayOrDefault())
                .orElse(DEFAULT_DUE_DAY);
    }

    /**
     * The townships the set names, with their names as of the set's event time: an older set (a replayed dead letter)
     * renames nothing. A township a newer year's set no longer names stays known: an earlier year's lists still name it.
     */
    public void setTargets(TargetsSet targets, Instant at) {
        batch.batchUpdate("""
                insert into township (township, region, name, named_at) values (:township, :region, :name, :at)
                on conflict (township) do update set region = excluded.region, name = excluded.name, named_at = excluded.named_at
                where township.named_at <= excluded.named_at""",
                targets.targets().stream().map(target -> new MapSqlParameterSource()
                        .addValue("township", target.township()).addValue("region", targets.region())
                        .addValue("name", target.townshipName()).addValue("at", Timestamp.from(at)))
                        .toArray(SqlParameterSource[]::new));
    }

    /** @return whether a TargetsSet of the county has arrived */
    public boolean hasTargets(String region) {
        return Boolean.TRUE.equals(jdbc.sql("select exists (select 1 from township where region = :region)")
                .param("region", region).query(Boolean.class).single());
    }

    /** The county a township belongs to, when a TargetsSet has named it. */
    public Optional<String> regionOf(String township) {
        return jdbc.sql("select region from township where township = :township")
                .param("township", township).query(String.class).optional();
    }

    /** A township a TargetsSet named, and its county. */
    public record Township(String code, String region) {
    }

    /**
     * The township a list names by its code or, as 附件3 writes it (乡镇/街道), by its name, where
     * exactly one township of the campaigns has that name.
     */
    public Optional<Township> township(String codeOrName) {
        List<Township> named = jdbc.sql("""
                select township as code, region from township where township = :text
                union
                select township as code, region from township where name = :text
                  and not exists (select 1 from township where township = :text)""")
                .param("text", codeOrName).query(Township.class).list();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }
}
