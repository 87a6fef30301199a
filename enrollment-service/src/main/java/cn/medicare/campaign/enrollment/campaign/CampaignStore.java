package cn.medicare.campaign.enrollment.campaign;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.Event;
import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.kit.CampaignDefinitions;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Campaigns and township targets, kept as the events that announced them. */
@Repository
public class CampaignStore {

    private final JdbcClient jdbc;
    /** For the targets' JDBC batch, which JdbcClient has no API for. */
    private final NamedParameterJdbcTemplate batch;
    /**
     * Definitions already read, by their text: the roster consumer asks for the campaign of every
     * payment, and reading the stored text is cheap where parsing it each time is not. Keyed by the
     * text itself, so a new version is never answered from an old one.
     */
    private final Map<String, CampaignDefined> parsed = new ConcurrentHashMap<>();

    CampaignStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Optional<CampaignDefined> find(String region, int coverageYear) {
        return jdbc.sql("select definition::text from campaign where region = :region and coverage_year = :coverageYear")
                .param("region", region).param("coverageYear", coverageYear)
                .query(String.class).optional().map(this::parsed);
    }

    /** The first day any campaign let people enrol and pay, of any region: the infant mask's threshold (PersonIds.maskIdNumber). */
    public Optional<LocalDate> firstCollectionDay() {
        return jdbc.sql(CampaignDefinitions.FIRST_COLLECTION_DAY)
                .query(LocalDate.class).optional();
    }

    /** The days the region's campaigns opened their collection periods (public: CampaignDefined). */
    public List<LocalDate> collectionOpenings(String region) {
        return jdbc.sql(CampaignDefinitions.COLLECTION_OPENINGS).param("region", region).query(LocalDate.class).list();
    }

    private CampaignDefined parsed(String definition) {
        if (parsed.size() > 100) {
            // a county has a campaign a year: this many texts means old versions piled up
            parsed.clear();
        }
        return parsed.computeIfAbsent(definition, text -> EventJson.read(text, CampaignDefined.class));
    }

    /**
     * The campaign's turn, held until the transaction ends: two bureau clerks defining it (the first time too, when there is
     * no row to lock) get versions n and n+1, and two replacing its targets replace them one after the other. The two-key
     * form, whose key space no one-key advisory lock shares.
     */
    void takeTurn(String region, int coverageYear) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('campaign'), hashtext(:campaign))")
                .param("campaign", region + ":" + coverageYear).query((row, n) -> n).list();
    }

    /** The version stored; read after {@link #takeTurn}. */
    Optional<Integer> version(String region, int coverageYear) {
        return jdbc.sql("select version from campaign where region = :region and coverage_year = :coverageYear")
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

    /** What a change set: the campaign (a version) or its targets. */
    enum ChangeKind { CAMPAIGN, TARGETS }

    /**
     * One change of a campaign or its targets (方案变更记录).
     *
     * @param content the CampaignDefined or TargetsSet the change published, as published
     */
    record Change(ChangeKind kind, Instant changedAt, String changedBy, JsonNode content) {
    }

    void recordChange(String region, int coverageYear, ChangeKind kind, Instant at, String by, Event content) {
        jdbc.sql("""
                insert into campaign_change (region, coverage_year, kind, changed_at, changed_by, content)
                values (:region, :coverageYear, :kind, :at, :by, cast(:content as json))""")
                .param("region", region).param("coverageYear", coverageYear).param("kind", kind.name())
                .param("at", Timestamp.from(at)).param("by", by).param("content", EventJson.write(content))
                .update();
    }

    /** The campaign's changes, oldest first. */
    List<Change> changes(String region, int coverageYear) {
        return jdbc.sql("""
                select kind, changed_at, changed_by, content::text from campaign_change
                where region = :region and coverage_year = :coverageYear order by id""")
                .param("region", region).param("coverageYear", coverageYear)
                .query((row, n) -> new Change(ChangeKind.valueOf(row.getString(1)), row.getTimestamp(2).toInstant(), row.getString(3),
                        JsonMapper.shared().readTree(row.getString(4))))
                .list();
    }

    /** The townships' targets (and the education system's). */
    public List<TargetsSet.Target> targets(String region, int coverageYear) {
        return jdbc.sql("""
                select township, township_name, target, e_voucher_target, unit_type, target_local_hukou, target_non_local
                from township_target where region = :region and coverage_year = :coverageYear order by township""")
                .param("region", region).param("coverageYear", coverageYear)
                .query((row, n) -> new TargetsSet.Target(row.getString(1), row.getString(2), row.getInt(3), (Integer) row.getObject(4),
                        row.getString(5) == null ? null : TargetsSet.UnitType.valueOf(row.getString(5)), (Integer) row.getObject(6),
                        (Integer) row.getObject(7))).list();
    }

    /** The villages' and schools' targets. */
    public List<TargetsSet.Unit> units(String region, int coverageYear) {
        return jdbc.sql("""
                select unit, unit_name, unit_type, parent, target, target_local_hukou, target_non_local, e_voucher_target
                from unit_target where region = :region and coverage_year = :coverageYear order by unit_type desc, unit""")
                .param("region", region).param("coverageYear", coverageYear)
                .query((row, n) -> new TargetsSet.Unit(row.getString(1), row.getString(2), TargetsSet.UnitType.valueOf(row.getString(3)),
                        row.getString(4), row.getInt(5), (Integer) row.getObject(6), (Integer) row.getObject(7),
                        (Integer) row.getObject(8))).list();
    }

    void replaceTargets(TargetsSet set) {
        for (String table : List.of("township_target", "unit_target")) {
            jdbc.sql("delete from " + table + " where region = :region and coverage_year = :coverageYear")
                    .param("region", set.region()).param("coverageYear", set.coverageYear()).update();
        }
        batch.batchUpdate("""
                insert into township_target (region, coverage_year, township, township_name, target, e_voucher_target, unit_type,
                    target_local_hukou, target_non_local)
                values (:region, :coverageYear, :township, :townshipName, :target, :eVoucherTarget, :unitType,
                    :targetLocalHukou, :targetNonLocal)""",
                set.targets().stream().map(target -> new MapSqlParameterSource()
                        .addValue("region", set.region()).addValue("coverageYear", set.coverageYear())
                        .addValue("township", target.township()).addValue("townshipName", target.townshipName())
                        .addValue("target", target.target())
                        .addValue("eVoucherTarget", target.eVoucherTarget(), Types.INTEGER)
                        .addValue("unitType", target.type() == null ? null : target.type().name(), Types.VARCHAR)
                        .addValue("targetLocalHukou", target.targetLocalHukou(), Types.INTEGER)
                        .addValue("targetNonLocal", target.targetNonLocal(), Types.INTEGER))
                        .toArray(SqlParameterSource[]::new));
        batch.batchUpdate("""
                insert into unit_target (region, coverage_year, unit, unit_name, unit_type, parent, target, target_local_hukou,
                    target_non_local, e_voucher_target)
                values (:region, :coverageYear, :unit, :unitName, :unitType, :parent, :target, :targetLocalHukou,
                    :targetNonLocal, :eVoucherTarget)""",
                set.units().stream().map(unit -> new MapSqlParameterSource()
                        .addValue("region", set.region()).addValue("coverageYear", set.coverageYear())
                        .addValue("unit", unit.unit()).addValue("unitName", unit.unitName()).addValue("unitType", unit.type().name())
                        .addValue("parent", unit.parent(), Types.VARCHAR).addValue("target", unit.target())
                        .addValue("targetLocalHukou", unit.targetLocalHukou(), Types.INTEGER)
                        .addValue("targetNonLocal", unit.targetNonLocal(), Types.INTEGER)
                        .addValue("eVoucherTarget", unit.eVoucherTarget(), Types.INTEGER))
                        .toArray(SqlParameterSource[]::new));
    }
}
