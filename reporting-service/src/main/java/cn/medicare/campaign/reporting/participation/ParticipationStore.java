package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.reporting.readmodel.Definitions;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The suite's definitions (DOMAIN.md) as SQL over the read model: registered = enrolled for the
 * year and not withdrawn by today; enrolled = registered and paid net of refunds at least the
 * payable (or the payable at first settlement, when assistance changed since).
 */
@Repository
public class ParticipationStore {

    private static final String PEOPLE = "with people as (select " + Definitions.UNIT + " as township, hukou_local, subsidy_amount, "
            + "assistance_category, "
            + Definitions.REGISTERED + " as registered, " + Definitions.SETTLED + " as settled "
            + "from person_year where region = :region and coverage_year = :coverageYear) ";

    private static final String PEOPLE_AS_OF = "with people as (select " + Definitions.UNIT + " as township, hukou_local, "
            + "subsidy_amount, assistance_category, "
            + Definitions.REGISTERED_BY + " as registered, " + Definitions.SETTLED_BY + " as settled "
            + "from person_year " + Definitions.PEOPLE_AS_OF_JOINS + " where region = :region and coverage_year = :coverageYear) ";

    private final JdbcClient jdbc;

    ParticipationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean campaignKnown(String region, int coverageYear) {
        return jdbc.sql("select count(*) from campaign where region = :region and coverage_year = :coverageYear")
                .param("region", region).param("coverageYear", coverageYear).query(Integer.class).single() > 0;
    }

    public Optional<CampaignDefined> campaign(String region, int coverageYear) {
        return jdbc.sql("select definition::text from campaign where region = :region and coverage_year = :coverageYear")
                .param("region", region).param("coverageYear", coverageYear)
                .query((row, n) -> EventJson.read(row.getString(1), CampaignDefined.class)).optional();
    }

    public List<RegionYear> campaigns() {
        return jdbc.sql("select region, coverage_year from campaign order by region, coverage_year")
                .query((row, n) -> new RegionYear(row.getString(1), row.getInt(2))).list();
    }

    public record RegionYear(String region, int coverageYear) {
    }

    /** 未归属缴费: money confirmed for people the roster does not have (yet); they count the moment they register. */
    record Unattributed(int people, BigDecimal amount) {
    }

    Unattributed unattributed(String region, int coverageYear) {
        return jdbc.sql("""
                select count(*), coalesce(sum(paid_amount - refunded_amount), 0) from person_year
                where region = :region and coverage_year = :coverageYear and registered_at is null and paid_amount > 0""")
                .param("region", region).param("coverageYear", coverageYear)
                .query((row, n) -> new Unattributed(row.getInt(1), row.getBigDecimal(2).setScale(2))).single();
    }

    public List<Figures> townships(String region, int coverageYear, Moment moment) {
        Map<String, Map<String, Integer>> byCategory = assistedByCategory(region, coverageYear, moment);
        // counted per township first, then matched to the targets: one pass over the people
        return people(moment, region, coverageYear, """
                , counted as (
                    select township,
                           count(*) filter (where registered) as registered,
                           count(*) filter (where registered and settled) as enrolled,
                           count(*) filter (where registered and settled and coalesce(subsidy_amount, 0) = 0) as self_paid,
                           count(*) filter (where registered and settled and subsidy_amount > 0) as assisted,
                           count(*) filter (where registered and hukou_local) as local_registered,
                           count(*) filter (where registered and settled and hukou_local) as local_enrolled,
                           count(*) filter (where registered and not hukou_local) as non_local_registered,
                           count(*) filter (where registered and settled and not hukou_local) as non_local_enrolled
                    from people group by township
                )
                select t.township, t.township_name, t.target,
                       coalesce(c.registered, 0) as registered, coalesce(c.enrolled, 0) as enrolled,
                       coalesce(c.self_paid, 0) as self_paid, coalesce(c.assisted, 0) as assisted,
                       coalesce(c.local_registered, 0) as local_registered, coalesce(c.local_enrolled, 0) as local_enrolled,
                       coalesce(c.non_local_registered, 0) as non_local_registered,
                       coalesce(c.non_local_enrolled, 0) as non_local_enrolled
                from township_target t
                left join counted c on c.township = t.township
                where t.region = :region and t.coverage_year = :coverageYear
                order by t.township""")
                .query((row, n) -> {
                    int target = row.getInt("target");
                    int enrolled = row.getInt("enrolled");
                    return new Figures(row.getString("township"), row.getString("township_name"), target, row.getInt("registered"),
                            enrolled, Figures.rate(enrolled, target), row.getInt("self_paid"), row.getInt("assisted"),
                            byCategory.getOrDefault(row.getString("township"), Map.of()),
                            new Figures.Split(row.getInt("local_registered"), row.getInt("local_enrolled")),
                            new Figures.Split(row.getInt("non_local_registered"), row.getInt("non_local_enrolled")));
                }).list();
    }

    private Map<String, Map<String, Integer>> assistedByCategory(String region, int coverageYear, Moment moment) {
        Map<String, Map<String, Integer>> byTownship = new HashMap<>();
        people(moment, region, coverageYear, """
                select township, assistance_category, count(*) as people from people
                where registered and settled and subsidy_amount > 0
                group by township, assistance_category""")
                .query(row -> {
                    byTownship.computeIfAbsent(row.getString("township"), township -> new TreeMap<>())
                            .put(row.getString("assistance_category"), row.getInt("people"));
                });
        return byTownship;
    }

    /** A query over the people of the campaign as they stand at the moment, their parameters bound by name. */
    private JdbcClient.StatementSpec people(Moment moment, String region, int coverageYear, String query) {
        JdbcClient.StatementSpec statement = jdbc.sql((moment.live() ? PEOPLE : PEOPLE_AS_OF) + query)
                .param("region", region).param("coverageYear", coverageYear);
        return moment.live() ? statement.param("today", moment.day())
                : statement.param("day", moment.day()).param("at", Timestamp.from(moment.at()));
    }

    /** 医保电子凭证: per township, its e-voucher target (null where none) and the registered residents who activated by {@code :day}. */
    Map<String, EVouchers> eVouchers(String region, int coverageYear, LocalDate day) {
        Map<String, EVouchers> byTownship = new HashMap<>();
        jdbc.sql("""
                select t.township, t.e_voucher_target,
                       (select count(*) from person_year p join e_voucher v on v.person_id = p.person_id
                        where p.region = t.region and p.coverage_year = t.coverage_year and p.township = t.township
                          and v.activated_on <= :day and p.registered_at is not null
                          and (p.withdrawn_on is null or p.withdrawn_on > :day)) as activated
                from township_target t where t.region = :region and t.coverage_year = :coverageYear""")
                .param("region", region).param("coverageYear", coverageYear).param("day", day)
                .query(row -> {
                    byTownship.put(row.getString(1), new EVouchers((Integer) row.getObject(2), row.getInt(3)));
                });
        return byTownship;
    }

    record EVouchers(Integer target, int activated) {
    }
}
