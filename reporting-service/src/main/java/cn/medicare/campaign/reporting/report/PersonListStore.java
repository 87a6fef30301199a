package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.reporting.participation.AgencyLists;
import cn.medicare.campaign.reporting.readmodel.Definitions;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who is on a Friday list today, from the read model, with their contact still sealed. */
@Repository
class PersonListStore {

    /**
     * @param assistanceCategories the person's assisted category, or for the certified list every category an
     *     agency certifies them in today (comma-separated)
     * @param contactSealed the name and phone the roster knows, sealed for this service; null where it knows none
     * @param payBy the last day a payment still starts coverage within the year, where the start waits for the payment
     * @param heldCategories the categories the agencies' lists say the person holds on the day listed (comma-separated; on an
     *     agency's own list, those of its own), by which, with the one assisted for, an agency's people are chosen
     * @param township the unit the person counts in (the education system for a pupil enrolled through a school)
     * @param homeTownship the township the person lives in, whose village lists name them; absent in an issue kept before
     *     session 23
     * @param school the school a pupil enrolled through, by name, whose school lists name them; absent in an issue kept before
     *     session 29
     * @param listedContactSealed on the certified list, the phone the county's agency list adding the person latest in effect
     *     gave, sealed (no name: 附件3 has none); null elsewhere, and in an issue kept before session 43
     * @param schoolClass a pupil's class at that school (附件4's 班级); null for everyone else, and in an issue kept before
     *     session 47
     */
    record Listed(String personId, String township, String townshipName, String village, String idNumberMasked, String nameMasked,
            String contactSealed, String assistanceCategories, BigDecimal payableAmount, BigDecimal paidAmount, BigDecimal outstanding,
            LocalDate payBy, String heldCategories, String homeTownship, String school, String listedContactSealed,
            String schoolClass) {

        /** The township a village list filters by, as the live list does (an issue kept before session 23: the unit's). */
        String villageTownship() {
            return homeTownship != null ? homeTownship : township;
        }
    }

    private static final String COLUMNS = """
            select %s as person_id, %s as township, t.township_name, %s as village, %s as id_number_masked,
                   %s as name_masked, person_contact.contact_sealed, %s as assistance_categories, person_year.payable_amount,
                   person_year.paid_amount - person_year.refunded_amount as paid, %s as outstanding,
                   %s as pay_by, held.categories as held_categories, %s as home_township, person_year.school,
                   %s as listed_contact_sealed, person_year.school_class
            """;

    private final JdbcClient jdbc;

    PersonListStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param township null for the whole county
     * @param village null for the whole township
     * @param school null, or the name of the school whose pupils alone are listed (as the SCHOOL level counts them)
     * @param categories null for every person; else only the people holding one of these assistance categories today (an
     *     agency's), whatever category their subsidy was applied for
     */
    List<Listed> people(PersonList list, String region, int coverageYear, String township, String village, String school,
            List<String> categories, LocalDate today) {
        boolean certified = list == PersonList.CERTIFIED_NOT_ENROLLED;
        String sql = certified ? certified(categories) : roster(list, categories);
        // a township's list is of the unit people count in (a pupil under the education system is its); a village's is of
        // the people living there, as the village figures count them: a pupil under the education system in none
        String unitColumn = village != null ? certified ? CERTIFIED_HOME : HOME_TOWNSHIP : certified ? CERTIFIED_UNIT : Definitions.UNIT;
        sql += " and (cast(:township as varchar) is null or " + unitColumn + " = :township)"
                + " and (cast(:village as varchar) is null or " + (certified
                ? "coalesce(person_year.village, held.village)" : "person_year.village") + " = :village"
                + " and not " + Definitions.COUNTS_FOR_EDUCATION_SYSTEM + ")"
                + " and (cast(:school as varchar) is null or person_year.school = :school)"
                + " order by 2, 4 nulls last, 6 nulls last, 1";
        JdbcClient.StatementSpec query = jdbc.sql(sql).param("region", region).param("coverageYear", coverageYear)
                .param("today", today).param("township", township).param("village", village).param("school", school);
        if (categories != null) {
            query = query.param("categories", categories.isEmpty() ? List.of("") : categories);
        }
        return query.query((row, n) -> new Listed(row.getString("person_id"), row.getString("township"),
                row.getString("township_name"), row.getString("village"), row.getString("id_number_masked"),
                row.getString("name_masked"), row.getString("contact_sealed"), row.getString("assistance_categories"),
                row.getBigDecimal("payable_amount"), row.getBigDecimal("paid"), row.getBigDecimal("outstanding"),
                row.getObject("pay_by", LocalDate.class),
                row.getString("held_categories"), row.getString("home_township"), row.getString("school"),
                row.getString("listed_contact_sealed"), row.getString("school_class"))).list();
    }

    private static final Map<PersonList, String> ON_THE_ROSTER = Map.of(
            PersonList.PAID, Definitions.REGISTERED + " and " + Definitions.SETTLED,
            PersonList.UNPAID, Definitions.REGISTERED + " and not " + Definitions.SETTLED,
            PersonList.NEWBORNS_NOT_ENROLLED, Definitions.REGISTERED + " and not " + Definitions.SETTLED
                    + " and (person_year.person_category = 'NEWBORN' or person_year.coverage_from_birth"
                    + " or person_year.coverage_rule = 'NEWBORN')");

    private static final String HOME_TOWNSHIP = "person_year.township";
    /** Where a certified person lives: as the roster says when registered, else the township the agency's list gave. */
    private static final String CERTIFIED_HOME = "coalesce(person_year.township, held.township)";

    /** The unit a certified person is chased by: the one they count in when registered, else the township the agency's list gave. */
    private static final String CERTIFIED_UNIT = "coalesce(" + Definitions.UNIT + ", held.township)";

    /**
     * For an agency, its people are those who hold one of its categories today or were assisted for one. Listed by the unit
     * they count in, as the figures count them: a pupil enrolled through a school under Lishi's education system (教育系统)
     * is the education system's to chase, not the township's.
     */
    private static String roster(PersonList list, List<String> categories) {
        return held(categories) + COLUMNS.formatted("person_year.person_id", Definitions.UNIT, "person_year.village",
                        "person_year.id_number_masked", "person_year.name_masked", "person_year.assistance_category", Definitions.OUTSTANDING,
                        Definitions.PAY_BY, HOME_TOWNSHIP, "null") + """
                from person_year
                left join held on held.person_id = person_year.person_id
                left join person_contact on person_contact.person_id = person_year.person_id
                                        and person_contact.coverage_year = person_year.coverage_year
                left join township_target t on t.region = person_year.region and t.coverage_year = person_year.coverage_year
                                           and t.township = """ + "(" + Definitions.UNIT + ") and t." + Definitions.TARGETS_IN_FORCE + """

                where person_year.region = :region and person_year.coverage_year = :coverageYear and """
                + ON_THE_ROSTER.get(list)
                + (categories == null ? "" : " and (held.person_id is not null or person_year.assistance_category in (:categories))");
    }

    /**
     * {@code held}: the categories (of {@code categories}, or all) each person holds today, an ADD of the agencies' lists for
     * each effective by today standing ({@code AgencyLists}), with the township and village of the latest ADD standing.
     */
    private static String held(List<String> categories) {
        return "with latest as (" + AgencyLists.latestRows(true, categories != null) + """
                ), held as (
                    select person_id, string_agg(category, ',' order by category) as categories,
                           (array_agg(township order by effective_date desc, category))[1] as township,
                           (array_agg(village order by effective_date desc, category))[1] as village
                    from latest where action = 'ADD' group by person_id
                )
                """;
    }

    /**
     * A person certified today is chased unless enrolled or withdrawn (deceased, moved, in employee insurance), as the figures
     * count them. One not registered this year is named and reached as the county's roster last knew them (an earlier
     * year's enrolment there, never another county's), and by the phone the county's agency list adding them latest in
     * effect gave where the roster knows none (the list gives no name): the people this list exists for are mostly those, and a bare person id chases
     * nobody.
     */
    private static String certified(List<String> categories) {
        return held(categories) + COLUMNS.formatted("held.person_id", CERTIFIED_UNIT, "coalesce(person_year.village, held.village)",
                "coalesce(person_year.id_number_masked, earlier.id_number_masked)", "coalesce(person_year.name_masked, earlier.name_masked)",
                "held.categories", Definitions.OUTSTANDING, Definitions.PAY_BY, CERTIFIED_HOME, "listed_contact.contact_sealed") + """
                from held
                left join person_year on person_year.person_id = held.person_id and person_year.coverage_year = :coverageYear
                left join lateral (select known.id_number_masked, known.name_masked from person_year known
                                   where known.person_id = held.person_id and known.coverage_year < :coverageYear
                                     and known.region = :region
                                   order by known.coverage_year desc limit 1) earlier on true
                left join lateral (select known.contact_sealed from person_contact known
                                   join person_year enrolment on enrolment.person_id = known.person_id
                                                              and enrolment.coverage_year = known.coverage_year
                                                              and enrolment.region = :region
                                   where known.person_id = held.person_id and known.coverage_year <= :coverageYear
                                   order by known.coverage_year desc limit 1) person_contact on true
                left join lateral (select listed.contact_sealed from eligibility_adjustment listed
                                   where listed.person_id = held.person_id and listed.region = :region
                                     and listed.contact_sealed is not null and listed.action = 'ADD'
                                   order by listed.effective_date desc, listed.batch_id desc limit 1) listed_contact on true
                left join township_target t on t.region = :region and t.coverage_year = :coverageYear
                                           and t.township = """ + "(" + CERTIFIED_UNIT + ") and t." + Definitions.TARGETS_IN_FORCE + """

                where not coalesce(""" + Definitions.REGISTERED + " and " + Definitions.SETTLED + """
                , false)
                  and (person_year.withdrawn_on is null or person_year.withdrawn_on > :today)""";
    }
}
