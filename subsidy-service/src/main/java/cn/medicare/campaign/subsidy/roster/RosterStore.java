package cn.medicare.campaign.subsidy.roster;

import cn.medicare.campaign.contracts.codes.AmountRule;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.RosterChanges;
import cn.medicare.campaign.kit.inbox.Timed;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The local copy of the roster: who is enrolled (参保登记) for which year, in which category. */
@Repository
public class RosterStore {

    /** The fields PersonUpdated changes on the roster, kept with their times in {@code roster_update} (V13). */
    private static final RosterChanges CHANGES = new RosterChanges("roster_update", List.of(
            new RosterChanges.Field("person_category", "varchar"), new RosterChanges.Field("township", "text"),
            new RosterChanges.Field("village", "text")));

    private static final RowMapper<Enrolment> ENROLMENT = (row, n) -> new Enrolment(row.getString("person_id"),
            row.getInt("coverage_year"), row.getString("region"),
            row.getString("person_category") == null ? null : PersonCategory.valueOf(row.getString("person_category")),
            row.getString("township"), row.getString("village"), row.getBoolean("withdrawn"),
            AmountRule.valueOf(row.getString("amount_rule")), row.getString("coverage_rule"),
            row.getObject("enrolled_on", LocalDate.class));

    private final JdbcClient jdbc;

    RosterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A repeated enrolment (e.g. after a DUPLICATE withdrawal) registers the person again; an
     * enrolment older than the roster fact already applied (a replayed dead letter) changes nothing, but where that fact is
     * a withdrawal that overtook it and the registration it ended is older still, or none (the withdrawal known first): the
     * replayed enrolment is that registration, withdrawn as of the withdrawal's time, so that they are assessed on it and
     * what they paid is judged against what they owed, whatever order the registrations were replayed in.
     * One statement for a run of enrolments.
     */
    public void enrol(List<Timed<PersonEnrolled>> run) {
        List<Timed<PersonEnrolled>> latest = Timed.latestPer(run, enrolled -> List.of(enrolled.personId(), enrolled.coverageYear()));
        jdbc.sql("""
                insert into enrolment (person_id, coverage_year, region, person_category, township, village, withdrawn, roster_at,
                                       registered_at, amount_rule, coverage_rule, enrolled_on)
                select person_id, coverage_year, region, person_category, township, village, false, at, at, amount_rule, coverage_rule,
                       enrolled_on
                from unnest(cast(:personIds as varchar[]), cast(:coverageYears as int[]), cast(:regions as varchar[]),
                            cast(:categories as varchar[]), cast(:townships as varchar[]), cast(:villages as varchar[]),
                            cast(:at as timestamptz[]), cast(:amountRules as varchar[]), cast(:coverageRules as varchar[]),
                            cast(:enrolledOn as date[]))
                    as enrolled(person_id, coverage_year, region, person_category, township, village, at, amount_rule, coverage_rule,
                                enrolled_on)
                on conflict (person_id, coverage_year) do update
                set region = excluded.region, person_category = excluded.person_category, township = excluded.township,
                    village = excluded.village, registered_at = excluded.registered_at, amount_rule = excluded.amount_rule,
                    coverage_rule = excluded.coverage_rule, enrolled_on = excluded.enrolled_on,
                    withdrawn = enrolment.withdrawn and enrolment.roster_at > excluded.roster_at,
                    roster_at = greatest(enrolment.roster_at, excluded.roster_at)
                where enrolment.roster_at <= excluded.roster_at or enrolment.person_category is null
                   or excluded.registered_at > enrolment.registered_at""")
                .param("personIds", latest.stream().map(one -> one.event().personId()).toArray(String[]::new))
                .param("coverageYears", latest.stream().map(one -> one.event().coverageYear()).toArray(Integer[]::new))
                .param("regions", latest.stream().map(one -> one.event().region()).toArray(String[]::new))
                .param("categories", latest.stream().map(one -> one.event().personCategory().name()).toArray(String[]::new))
                .param("townships", latest.stream().map(one -> one.event().township()).toArray(String[]::new))
                .param("villages", latest.stream().map(one -> one.event().village()).toArray(String[]::new))
                .param("at", latest.stream().map(one -> one.time().toString()).toArray(String[]::new))
                .param("amountRules", latest.stream()
                        .map(one -> (one.event().amountRule() == null ? AmountRule.INDIVIDUAL : one.event().amountRule()).name())
                        .toArray(String[]::new))
                .param("coverageRules", latest.stream().map(one -> one.event().coverageRule()).toArray(String[]::new))
                // without the optional enrolledOn, the day it was announced
                .param("enrolledOn", latest.stream().map(one -> (one.event().enrolledOn() != null ? one.event().enrolledOn()
                        : one.time().atZone(BusinessTime.ZONE).toLocalDate()).toString()).toArray(String[]::new))
                .update();
        applyChanges(latest.stream().map(one -> one.event().personId()).toArray(String[]::new),
                latest.stream().map(one -> one.event().coverageYear()).toArray(Integer[]::new));
    }

    /**
     * The kept changes of these person-years, applied where newer than the registration (one an older version registered
     * has no registration time: its roster time, which changes no longer move, stands in), withdrawn or not: the roster takes
     * no change after a withdrawal, so one applied to a withdrawn person-year came before it and was replayed after it.
     */
    private void applyChanges(String[] personIds, Integer[] coverageYears) {
        jdbc.sql(CHANGES.apply("enrolment", "coalesce(enrolment.registered_at, enrolment.roster_at)", "true", ""))
                .param("personIds", personIds).param("coverageYears", coverageYears)
                .update();
    }

    /**
     * A change is kept field by field ({@link #CHANGES}) and applied to the registration where registered by then: a change
     * of a person-year not on the roster yet (its enrolment dead-lettered, replayed later) applies when the enrolment
     * arrives, and one replayed after a newer change keeps the fields that one left (the category decides the payable).
     */
    public void update(PersonUpdated updated, Instant at) {
        // a HashMap, since a field the change leaves as it was is null
        Map<String, Object> values = new HashMap<>();
        values.put("person_category", updated.personCategory() == null ? null : updated.personCategory().name());
        values.put("township", updated.township());
        values.put("village", updated.village());
        if (CHANGES.namesAny(values)) {
            jdbc.sql(CHANGES.keep()).params(values).param("at", Timestamp.from(at))
                    .param("personId", updated.personId()).param("coverageYear", updated.coverageYear())
                    .update();
            applyChanges(new String[] {updated.personId()}, new Integer[] {updated.coverageYear()});
        }
    }

    /** Kept even before the enrolment arrives, so that the late enrolment stays out. */
    public void withdraw(PersonWithdrawn withdrawn, Instant at) {
        jdbc.sql("""
                insert into enrolment (person_id, coverage_year, region, withdrawn, roster_at)
                values (:personId, :coverageYear, :region, true, :at)
                on conflict (person_id, coverage_year) do update set withdrawn = true, roster_at = excluded.roster_at
                where enrolment.roster_at <= excluded.roster_at""")
                .param("personId", withdrawn.personId()).param("coverageYear", withdrawn.coverageYear())
                .param("region", withdrawn.region()).param("at", Timestamp.from(at))
                .update();
    }

    /** An enrolment under the NEWBORN case (新生儿), which tells anyone the birth came within the case's window before it. */
    public record NewbornEnrolment(String region, int coverageYear, LocalDate enrolledOn) {
    }

    /** The person's enrolments of every year under the NEWBORN case, withdrawn ones too. */
    public List<NewbornEnrolment> newbornEnrolments(String personId) {
        return jdbc.sql("""
                select region, coverage_year, enrolled_on from enrolment
                where person_id = :personId and coverage_rule = 'NEWBORN' and enrolled_on is not null""")
                .param("personId", personId).query(NewbornEnrolment.class).list();
    }

    public Optional<Enrolment> find(String personId, int coverageYear) {
        return jdbc.sql("select * from enrolment where person_id = :personId and coverage_year = :coverageYear")
                .param("personId", personId).param("coverageYear", coverageYear).query(ENROLMENT).optional();
    }

    /**
     * The enrolments, of every year, of these people: withdrawn ones too, since what a person paid before the withdrawal is
     * still judged against what they owe (a withdrawal known before its enrolment, which registered nobody, has no category:
     * left out).
     */
    public List<Enrolment> registered(Collection<String> personIds) {
        return jdbc.sql("select * from enrolment where person_id = any(cast(:personIds as varchar[])) and person_category is not null")
                .param("personIds", personIds.toArray(String[]::new)).query(ENROLMENT).list();
    }

    /** The enrolments of these people for one year, withdrawn ones too, as {@link #registered(Collection)}. */
    public List<Enrolment> registered(Collection<String> personIds, int coverageYear) {
        return jdbc.sql("""
                select * from enrolment
                where person_id = any(cast(:personIds as varchar[])) and coverage_year = :coverageYear and person_category is not null""")
                .param("personIds", personIds.toArray(String[]::new)).param("coverageYear", coverageYear).query(ENROLMENT).list();
    }

    /**
     * The next {@code limit} people registered under one campaign, withdrawn or not, after {@code after} (null: from the first), in
     * personId order.
     */
    public List<String> registeredPersonsAfter(String region, int coverageYear, String after, int limit) {
        return jdbc.sql("""
                select person_id from enrolment
                where region = :region and coverage_year = :coverageYear and person_category is not null and person_id > :after
                order by person_id limit :limit""")
                .param("region", region).param("coverageYear", coverageYear).param("after", after == null ? "" : after)
                .param("limit", limit).query(String.class).list();
    }
}
