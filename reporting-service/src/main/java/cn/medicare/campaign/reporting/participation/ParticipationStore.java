package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.reporting.readmodel.Definitions;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /**
     * The registered people of a campaign at a level, as they stand now ({@code :today}) or at a moment
     * ({@code :day}, {@code :at}: in the unit and category of that moment), each as the few facts a figure counts by. The definitions are
     * evaluated once per person here, and the people then counted per kind of person, not per figure:
     * filters on the definitions themselves evaluated the settlement's sums once for each figure, half
     * of the time of a county's read.
     */
    private static String people(Level level, boolean live) {
        return "with people as (select " + level.personKey(live) + " as unit_key, "
                + (live ? "hukou_local" : Definitions.HUKOU_LOCAL_BY) + " as hukou_local, "
                + (live ? "coalesce(subsidy_amount, 0) > 0" : Definitions.SUBSIDISED_BY) + " as subsidised, "
                + (live ? "assistance_category" : Definitions.ASSISTANCE_CATEGORY_BY) + " as assistance_category, "
                + "(" + (live ? "person_category" : Definitions.PERSON_CATEGORY_BY)
                + " = 'NEWBORN' or coverage_from_birth or coverage_rule = 'NEWBORN') as newborn, "
                // covered from its first day in the year: its birth, or 1 January for a baby born before the year and enrolled in
                // the collection period (or the December babies' extension), which the newborn goal counted as never done
                + "(coverage_from_birth or coverage_from_year_start) as covered_from_first_day, "
                + "e_voucher.person_id is not null as activated, "
                + (live ? Definitions.SETTLED : Definitions.SETTLED_BY) + " as settled from person_year "
                + (live ? "" : Definitions.PEOPLE_AS_OF_JOINS)
                + " left join e_voucher on e_voucher.person_id = person_year.person_id and e_voucher.activated_on <= :eVoucherDay"
                + " where region = :region and coverage_year = :coverageYear and "
                + (live ? Definitions.REGISTERED : Definitions.REGISTERED_BY) + ") ";
    }

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

    /**
     * Whether the read model held the campaign before {@code instant}, by the event time of its first definition: a stage
     * or period end that closed before is settled by no schedule (V37).
     */
    public boolean campaignHeldBefore(String region, int coverageYear, Instant instant) {
        return jdbc.sql("select first_defined_at < :instant from campaign where region = :region and coverage_year = :coverageYear")
                .param("region", region).param("coverageYear", coverageYear).param("instant", Timestamp.from(instant))
                .query(Boolean.class).optional().orElse(false);
    }

    public List<RegionYear> campaigns() {
        return jdbc.sql("select region, coverage_year from campaign order by region, coverage_year")
                .query((row, n) -> new RegionYear(row.getString(1), row.getInt(2))).list();
    }

    public record RegionYear(String region, int coverageYear) {
    }

    /**
     * The event time of the campaign's newest roster fact or assessment; null before any. A change of the name or phone
     * alone is not among them: it changes no figure (contacts are kept apart, by their own time).
     */
    Instant newestFact(String region, int coverageYear) {
        return jdbc.sql("""
                select greatest((select max(greatest(roster_at, assessed_at)) from person_year
                                 where region = :region and coverage_year = :coverageYear),
                                -- a change leaves the roster time alone (RosterChanges)
                                (select max(change.changed_at) from person_update change
                                 join person_year on person_year.person_id = change.person_id
                                                 and person_year.coverage_year = change.coverage_year
                                 where person_year.region = :region and change.coverage_year = :coverageYear))""")
                .param("region", region).param("coverageYear", coverageYear)
                .query((row, n) -> instant(row.getTimestamp(1))).optional().orElse(null);
    }

    /** A time of the read model; '-infinity' (a fact of that kind not seen yet) is none. */
    private static Instant instant(Timestamp timestamp) {
        return timestamp == null || timestamp.getTime() < 0 ? null : timestamp.toInstant();
    }

    /** A village's name by its code, as the roster writes it (villages are matched to the roster by township and name). */
    public Optional<String> unitName(String region, int coverageYear, String unit) {
        return jdbc.sql("""
                select unit_name from unit_target
                where region = :region and coverage_year = :coverageYear and unit = :unit and unit_type = 'VILLAGE'
                  and\s""" + Definitions.TARGETS_IN_FORCE)
                .param("region", region).param("coverageYear", coverageYear).param("unit", unit)
                .query(String.class).optional();
    }

    /** A school of the campaign's units, by its code: its name, as the roster writes it, and the unit it belongs to. */
    public record School(String name, String parent) {
    }

    /** A school by its code (schools are matched to the roster by name, as the SCHOOL level counts them). */
    public Optional<School> school(String region, int coverageYear, String unit) {
        return jdbc.sql("""
                select unit_name, parent from unit_target
                where region = :region and coverage_year = :coverageYear and unit = :unit and unit_type = 'SCHOOL'
                  and\s""" + Definitions.TARGETS_IN_FORCE)
                .param("region", region).param("coverageYear", coverageYear).param("unit", unit)
                .query((row, n) -> new School(row.getString(1), row.getString(2))).optional();
    }

    /** Whether the campaign's targets name this township (or the education system), now or before a revision. */
    public boolean isTownship(String region, int coverageYear, String township) {
        return jdbc.sql("""
                select exists (select 1 from township_target
                               where region = :region and coverage_year = :coverageYear and township = :township)""")
                .param("region", region).param("coverageYear", coverageYear).param("township", township)
                .query(Boolean.class).single();
    }

    /**
     * 未归属缴费: money confirmed for people the roster does not have (yet), theirs and the assistance fund's net of refunds;
     * they count the moment they register. Someone refunded in full has none left here. At a past moment, the money paid
     * before it of the people not on the roster by then.
     */
    record Unattributed(int people, BigDecimal amount) {
    }

    Unattributed unattributed(String region, int coverageYear, Moment moment) {
        String query = moment.live() ? """
                select count(*), coalesce(sum(money), 0)
                from (select paid_amount - refunded_amount + fund_paid_amount as money from person_year
                      where region = :region and coverage_year = :coverageYear and registered_at is null) unregistered
                where money > 0""" : """
                select count(*), coalesce(sum(money), 0)
                from (select coalesce(paid_by.total, 0) - coalesce(refunded_by.total, 0) + coalesce(paid_by.fund, 0)
                             - coalesce(refunded_by.fund, 0) as money
                      from person_year
                      """ + Definitions.PAID_AS_OF_JOINS + """

                      where region = :region and coverage_year = :coverageYear and not\s""" + Definitions.ON_ROSTER_BY + """

                        and exists (select 1 from payment
                                    where payment.person_id = person_year.person_id and payment.coverage_year = :coverageYear
                                      and payment.paid_at < :at)) unregistered
                where money > 0""";
        return jdbc.sql(query)
                .param("region", region).param("coverageYear", coverageYear).params(momentParams(moment))
                .query((row, n) -> new Unattributed(row.getInt(1), row.getBigDecimal(2).setScale(2))).single();
    }

    public List<Figures> townships(String region, int coverageYear, Moment moment) {
        return units(Level.TOWNSHIP, region, coverageYear, moment);
    }

    /**
     * Every unit of the level with its figures at the moment, in one pass over the people: counted
     * per unit key and, among the assisted, per assistance category, then matched to the units' targets
     * (a unit nobody registered in yet counts zeros).
     */
    public List<Figures> units(Level level, String region, int coverageYear, Moment moment) {
        Map<String, String> townshipNames = level == Level.TOWNSHIP ? Map.of() : townshipNames(region, coverageYear);
        Map<String, UnitCount> byUnit = new LinkedHashMap<>();
        people(level, moment, region, coverageYear, """
                , kinds as (
                    select unit_key, case when settled and subsidised then assistance_category end as assisted_category,
                           settled, subsidised, hukou_local, activated, newborn, covered_from_first_day, count(*) as people
                    from people group by 1, 2, 3, 4, 5, 6, 7, 8
                ), counted as (
                    select unit_key, assisted_category,
                           sum(people) as registered,
                           sum(people) filter (where settled) as enrolled,
                           sum(people) filter (where settled and not subsidised) as self_paid,
                           sum(people) filter (where settled and subsidised) as assisted,
                           sum(people) filter (where settled and not subsidised and hukou_local) as local_self_paid,
                           sum(people) filter (where hukou_local) as local_registered,
                           sum(people) filter (where settled and hukou_local) as local_enrolled,
                           sum(people) filter (where not hukou_local) as non_local_registered,
                           sum(people) filter (where settled and not hukou_local) as non_local_enrolled,
                           sum(people) filter (where activated) as e_vouchers,
                           sum(people) filter (where newborn) as newborns,
                           sum(people) filter (where newborn and covered_from_first_day and settled) as newborns_from_birth
                    from kinds group by 1, 2
                ), units as (""" + level.units(moment.live()) + """
                )
                select u.unit, u.unit_name, u.unit_type, u.parent, u.target, u.target_local_hukou, u.target_non_local,
                       u.e_voucher_target, c.assisted_category,
                       coalesce(c.registered, 0) as registered, coalesce(c.enrolled, 0) as enrolled,
                       coalesce(c.self_paid, 0) as self_paid, coalesce(c.assisted, 0) as assisted,
                       coalesce(c.local_self_paid, 0) as local_self_paid,
                       coalesce(c.local_registered, 0) as local_registered, coalesce(c.local_enrolled, 0) as local_enrolled,
                       coalesce(c.non_local_registered, 0) as non_local_registered,
                       coalesce(c.non_local_enrolled, 0) as non_local_enrolled,
                       coalesce(c.e_vouchers, 0) as e_vouchers, coalesce(c.newborns, 0) as newborns,
                       coalesce(c.newborns_from_birth, 0) as newborns_from_birth
                from units u
                left join counted c on c.unit_key = u.match_key
                order by u.unit""")
                .query(row -> {
                    UnitCount count = byUnit.get(row.getString("unit"));
                    if (count == null) {
                        count = new UnitCount(row);
                        byUnit.put(row.getString("unit"), count);
                    }
                    count.add(row);
                });
        return byUnit.values().stream().map(count -> count.figures(level, townshipNames)).toList();
    }

    /** One unit's counts, summed over the rows of its assistance categories. */
    private static final class UnitCount {

        private final String unit;
        private final String name;
        private final TargetsSet.UnitType type;
        private final String parent;
        private final int target;
        private final Integer targetLocalHukou;
        private final Integer targetNonLocal;
        private final Integer eVoucherTarget;
        private final Map<String, Integer> assistedByCategory = new TreeMap<>();
        private final int[] counts = new int[COUNTED.size()];

        UnitCount(ResultSet row) throws SQLException {
            unit = row.getString("unit");
            name = row.getString("unit_name");
            type = row.getString("unit_type") == null ? null : TargetsSet.UnitType.valueOf(row.getString("unit_type"));
            parent = row.getString("parent");
            target = row.getInt("target");
            targetLocalHukou = (Integer) row.getObject("target_local_hukou");
            targetNonLocal = (Integer) row.getObject("target_non_local");
            eVoucherTarget = (Integer) row.getObject("e_voucher_target");
        }

        void add(ResultSet row) throws SQLException {
            for (int i = 0; i < COUNTED.size(); i++) {
                counts[i] += row.getInt(COUNTED.get(i));
            }
            String category = row.getString("assisted_category");
            if (category != null) {
                assistedByCategory.merge(category, row.getInt("assisted"), Integer::sum);
            }
        }

        private int count(String column) {
            return counts[COUNTED.indexOf(column)];
        }

        Figures figures(Level level, Map<String, String> townshipNames) {
            int enrolled = count("enrolled");
            Figures figures = new Figures(unit, name, target, count("registered"), enrolled, Figures.rate(enrolled, target),
                    count("self_paid"), count("assisted"), assistedByCategory,
                    new Figures.Split(count("local_registered"), count("local_enrolled"), targetLocalHukou, count("local_self_paid")),
                    new Figures.Split(count("non_local_registered"), count("non_local_enrolled"), targetNonLocal,
                            count("self_paid") - count("local_self_paid")))
                    .withEVouchers(eVoucherTarget, count("e_vouchers"))
                    .withGroups(null, level == Level.TOWNSHIP ? new Figures.Judged(count("newborns"), count("newborns_from_birth"),
                            Figures.rate(count("newborns_from_birth"), count("newborns")), null, null) : null);
            if (level == Level.TOWNSHIP) {
                return type == null ? figures : figures.asUnit(null, null, type, unit, name);
            }
            String township = parent != null && townshipNames.containsKey(parent) ? parent : null;
            return figures.asUnit(unit, name, type, township, township == null ? null : townshipNames.get(township));
        }
    }

    private static final List<String> COUNTED = List.of("registered", "enrolled", "self_paid", "assisted", "local_self_paid",
            "local_registered", "local_enrolled", "non_local_registered", "non_local_enrolled", "e_vouchers", "newborns", "newborns_from_birth");

    /** The townships' names, for the villages and schools inside them (the education system is no township of theirs). */
    Map<String, String> townshipNames(String region, int coverageYear) {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("""
                select township, township_name from township_target
                where region = :region and coverage_year = :coverageYear and unit_type is null and\s""" + Definitions.TARGETS_IN_FORCE)
                .param("region", region).param("coverageYear", coverageYear)
                .query(row -> {
                    names.put(row.getString(1), row.getString(2));
                });
        return names;
    }

    /**
     * 资助参保: per township, the people an agency certifies at the moment in a category the campaign assists
     * (a person holds a category while an ADD of the agencies' lists for it stands, {@link AgencyLists}), and
     * how many of them are enrolled at the moment; the unit is the roster's (the education system for
     * a school's), else the township of the latest list that certifies them, as the certified-not-enrolled list
     * names it ({@code PersonListStore.held}): a figure and its list count someone in the same township. Someone withdrawn by then (deceased, moved away, in
     * employee insurance) is no longer one the township must enrol.
     */
    Map<String, int[]> assistedPeople(String region, int coverageYear, Moment moment, List<String> categories) {
        Map<String, int[]> byTownship = new HashMap<>();
        if (categories.isEmpty()) {
            return byTownship;
        }
        jdbc.sql("""
                with latest as (""" + AgencyLists.latestRows(moment.live(), true) + """
                ), certified as (
                    select person_id, (array_agg(township order by effective_date desc, category))[1] as township
                    from latest where action = 'ADD' group by person_id
                )
                select coalesce(""" + (moment.live() ? Definitions.UNIT : Definitions.UNIT_BY) + """
                       , certified.township) as township, count(*) as certified,
                       count(person_year.person_id) filter (where """ + (moment.live()
                        ? Definitions.REGISTERED + " and " + Definitions.SETTLED
                        : Definitions.REGISTERED_BY + " and " + Definitions.SETTLED_BY) + """
                ) as enrolled
                from certified
                left join person_year on person_year.person_id = certified.person_id and person_year.coverage_year = :coverageYear
                """ + (moment.live() ? "" : Definitions.PEOPLE_AS_OF_JOINS) + """

                where\s""" + (moment.live() ? "person_year.withdrawn_on is null or person_year.withdrawn_on > :today"
                        // and, of someone registered again, not withdrawn then from the registration of then
                        : "person_year.person_id is null or (person_year.withdrawn_on is null or person_year.withdrawn_on > :day)"
                                + " and not (" + Definitions.ON_ROSTER_BY + " and not " + Definitions.REGISTERED_BY + ")") + """

                group by 1""")
                .param("region", region).param("coverageYear", coverageYear).param("categories", categories)
                .params(momentParams(moment))
                .query(row -> {
                    byTownship.put(row.getString(1), new int[] {row.getInt(2), row.getInt(3)});
                });
        return byTownship;
    }

    /** A query over the people of the campaign as they stand at the moment, their parameters bound by name. */
    private JdbcClient.StatementSpec people(Level level, Moment moment, String region, int coverageYear, String query) {
        return jdbc.sql(people(level, moment.live()) + query)
                .param("region", region).param("coverageYear", coverageYear).param("eVoucherDay", moment.day())
                .params(momentParams(moment));
    }

    private static Map<String, Object> momentParams(Moment moment) {
        return moment.live() ? Map.of("today", moment.day()) : Map.of("day", moment.day(), "at", Timestamp.from(moment.until()));
    }
}
