package cn.medicare.campaign.reporting.readmodel;

import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.ContributionAssessed;
import cn.medicare.campaign.contracts.events.EVoucherActivated;
import cn.medicare.campaign.contracts.events.EligibilityAdjusted;
import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.contracts.events.PaymentConfirmed;
import cn.medicare.campaign.contracts.events.PaymentRefunded;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonEvent;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.contracts.policy.EnrolmentPolicy;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.PersonYears;
import cn.medicare.campaign.kit.RosterChanges;
import cn.medicare.campaign.kit.inbox.Timed;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReadModelStore {

    /** The fields PersonUpdated changes, kept with their times in {@code person_update} (V30). */
    private static final RosterChanges CHANGES = new RosterChanges("person_update", List.of(
            new RosterChanges.Field("township", "varchar"), new RosterChanges.Field("village", "varchar"),
            new RosterChanges.Field("school", "varchar", "nullif(%s, '')"), new RosterChanges.Field("name_masked", "varchar"),
            new RosterChanges.Field("person_category", "varchar"), new RosterChanges.Field("hukou_local", "boolean"),
            new RosterChanges.Field("residence_permit", "boolean")));

    /** The fields a figure counts by, kept with the times they stood from in {@code roster_history} (V35). */
    private static final List<String> HISTORY = List.of("township", "village", "school", "person_category", "hukou_local");

    /** The values of {@link #HISTORY} a relation holds, as tuples {@code (field, at, value)} at {@code at}; '' is none. */
    private static String held(String relation, String at) {
        return HISTORY.stream().map(field -> "('%1$s', %2$s, coalesce(cast(%3$s.%1$s as varchar), ''))".formatted(field, at, relation))
                .collect(Collectors.joining(", "));
    }

    private final JdbcClient jdbc;

    ReadModelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest version of the campaign, and the earliest event time any version of it was defined at. */
    void campaign(CampaignDefined campaign, Instant at) {
        jdbc.sql("""
                insert into campaign (region, coverage_year, version, definition, first_defined_at)
                values (:region, :coverageYear, :version, cast(:definition as json), :at)
                on conflict (region, coverage_year) do update set
                    version = greatest(campaign.version, excluded.version),
                    definition = case when campaign.version <= excluded.version then excluded.definition else campaign.definition end,
                    first_defined_at = least(campaign.first_defined_at, excluded.first_defined_at)""")
                .param("region", campaign.region()).param("coverageYear", campaign.coverageYear())
                .param("version", campaign.version()).param("definition", EventJson.write(campaign)).param("at", Timestamp.from(at))
                .update();
    }

    /** The campaign's targets, whole, unless newer ones are already applied (by event time): a replayed older set changes nothing. */
    void targets(TargetsSet targets, Instant at) {
        boolean newer = jdbc.sql("""
                insert into targets_applied (region, coverage_year, at) values (:region, :coverageYear, :at)
                on conflict (region, coverage_year) do update set at = excluded.at where targets_applied.at <= excluded.at""")
                .param("region", targets.region()).param("coverageYear", targets.coverageYear()).param("at", Timestamp.from(at))
                .update() == 1;
        if (!newer) {
            return;
        }
        boolean revision = jdbc.sql("select exists (select 1 from township_target where region = :region and coverage_year = :coverageYear)")
                .param("region", targets.region()).param("coverageYear", targets.coverageYear()).query(Boolean.class).single();
        for (String table : List.of("township_target", "unit_target")) {
            // a second revision of the same instant replaces the one of that instant outright: no moment lies between them (a
            // campaign's first set, in force from the beginning, is closed at it instead)
            jdbc.sql("delete from " + table + " where region = :region and coverage_year = :coverageYear and valid_from = :at")
                    .param("region", targets.region()).param("coverageYear", targets.coverageYear()).param("at", Timestamp.from(at))
                    .update();
            jdbc.sql("update " + table + " set valid_to = :at where region = :region and coverage_year = :coverageYear and "
                    + Definitions.TARGETS_IN_FORCE)
                    .param("region", targets.region()).param("coverageYear", targets.coverageYear()).param("at", Timestamp.from(at))
                    .update();
        }
        Timestamp validFrom = revision ? Timestamp.from(at) : null;
        for (TargetsSet.Target target : targets.targets()) {
            jdbc.sql("""
                    insert into township_target (region, coverage_year, township, township_name, target, e_voucher_target, unit_type,
                        target_local_hukou, target_non_local, valid_from)
                    values (:region, :coverageYear, :township, :townshipName, :target, :eVoucherTarget, :unitType,
                        :targetLocalHukou, :targetNonLocal, coalesce(cast(:validFrom as timestamptz), timestamptz '-infinity'))""")
                    .param("region", targets.region()).param("coverageYear", targets.coverageYear())
                    .param("township", target.township()).param("townshipName", target.townshipName()).param("target", target.target())
                    .param("eVoucherTarget", target.eVoucherTarget(), Types.INTEGER)
                    .param("unitType", target.type() == null ? null : target.type().name(), Types.VARCHAR)
                    .param("targetLocalHukou", target.targetLocalHukou(), Types.INTEGER)
                    .param("targetNonLocal", target.targetNonLocal(), Types.INTEGER)
                    .param("validFrom", validFrom, Types.TIMESTAMP)
                    .update();
        }
        for (TargetsSet.Unit unit : targets.units()) {
            jdbc.sql("""
                    insert into unit_target (region, coverage_year, unit, unit_name, unit_type, parent, target, target_local_hukou,
                        target_non_local, e_voucher_target, valid_from)
                    values (:region, :coverageYear, :unit, :unitName, :unitType, :parent, :target, :targetLocalHukou,
                        :targetNonLocal, :eVoucherTarget, coalesce(cast(:validFrom as timestamptz), timestamptz '-infinity'))""")
                    .param("region", targets.region()).param("coverageYear", targets.coverageYear())
                    .param("unit", unit.unit()).param("unitName", unit.unitName()).param("unitType", unit.type().name())
                    .param("parent", unit.parent(), Types.VARCHAR).param("target", unit.target())
                    .param("targetLocalHukou", unit.targetLocalHukou(), Types.INTEGER)
                    .param("targetNonLocal", unit.targetNonLocal(), Types.INTEGER)
                    .param("eVoucherTarget", unit.eVoucherTarget(), Types.INTEGER)
                    .param("validFrom", validFrom, Types.TIMESTAMP)
                    .update();
        }
    }

    /**
     * An enrolment is the current registration for the year, also after an earlier withdrawal; one
     * older than the roster fact already applied (a replayed dead letter) changes nothing, unless that
     * fact was a withdrawal of a person not registered yet: then it registers them, withdrawn as the
     * newer fact says. One statement each for the person-years and the contacts of a run of enrolments.
     *
     * <p>A registration after a withdrawal is settled anew ({@code settled_anew_at}, a fact of {@link SettlementRule}'s
     * timeline): the earlier registration's settled payable no longer caps what this one owes.
     *
     * @return the person-years registered after a withdrawal, whose settlement is to be judged again
     */
    Set<PersonYear> registered(List<Timed<PersonEnrolled>> run) {
        List<Timed<PersonEnrolled>> latest = Timed.latestPer(run, person -> new PersonYear(person.personId(), person.coverageYear()));
        Set<PersonYear> settledAnew = new HashSet<>(jdbc.sql("""
                with enrolled as (
                select * from unnest(cast(:personIds as varchar[]), cast(:coverageYears as int[]), cast(:regions as varchar[]),
                            cast(:townships as varchar[]), cast(:villages as varchar[]), cast(:schools as varchar[]),
                            cast(:idNumbersMasked as varchar[]), cast(:namesMasked as varchar[]), cast(:categories as varchar[]),
                            cast(:hukouLocal as boolean[]), cast(:residencePermits as boolean[]), cast(:at as timestamptz[]),
                            cast(:enrolledOn as date[]), cast(:coverageFromBirth as boolean[]), cast(:coverageStarts as date[]),
                            cast(:coverageRules as varchar[]), cast(:payBy as date[]), cast(:schoolClasses as varchar[]),
                            cast(:revokes as boolean[]))
                    as enrolled(person_id, coverage_year, region, township, village, school, id_number_masked, name_masked,
                                person_category, hukou_local, residence_permit, at, enrolled_on, coverage_from_birth, coverage_start,
                                coverage_rule, pay_by, school_class, revokes)
                ),
                -- a registration replacing another (registered again, or a revoked withdrawal's enrolment announced again),
                -- read as it was before the upsert below replaces it, in the upsert's statement
                replaced as (
                select person_year.*, enrolled.enrolled_on as replaced_on from enrolled
                join person_year on person_year.person_id = enrolled.person_id and person_year.coverage_year = enrolled.coverage_year
                where person_year.registered_at < enrolled.at and person_year.roster_at <= enrolled.at
                ),
                -- both join the history, each with its values at its time, so that a past moment counts the person as the
                -- registration of then had them
                history as (
                insert into roster_history (person_id, coverage_year, field, at, value)
                select replaced.person_id, replaced.coverage_year, held.field, held.at, held.value
                from replaced
                join enrolled on enrolled.person_id = replaced.person_id and enrolled.coverage_year = replaced.coverage_year
                cross join lateral (values\s""" + held("replaced", "replaced.registered_at") + ",\n"
                + held("enrolled", "enrolled.at") + """
                ) as held(field, at, value)
                on conflict do nothing),
                -- the registration replaced, with the withdrawal that ended it where known, the day the new one began and the
                -- moment it settled: a past moment in it still counts the person, held to what they had settled at
                ended as (
                insert into registration_ended (person_id, coverage_year, registered_at, enrolled_on, withdrawn_on, replaced_on, settled_at)
                select person_id, coverage_year, registered_at, enrolled_on, withdrawn_on, replaced_on, settled_at from replaced
                where enrolled_on is not null
                on conflict do nothing),
                registered as (
                insert into person_year (person_id, coverage_year, region, township, village, school, school_class, id_number_masked,
                    name_masked, person_category, hukou_local, residence_permit, registered_at, enrolled_on, roster_at,
                    coverage_from_birth, coverage_from_year_start, coverage_rule, pay_by, registration_revokes)
                select person_id, coverage_year, region, township, village, school, school_class, id_number_masked, name_masked,
                    person_category, hukou_local, residence_permit, at, enrolled_on, at, coverage_from_birth,
                    coalesce(coverage_start = make_date(coverage_year, 1, 1), false), coverage_rule, pay_by, revokes
                from enrolled
                on conflict (person_id, coverage_year) do update set region = excluded.region, township = excluded.township,
                    village = excluded.village, school = excluded.school, school_class = excluded.school_class,
                    id_number_masked = excluded.id_number_masked,
                    name_masked = excluded.name_masked,
                    person_category = excluded.person_category, hukou_local = excluded.hukou_local,
                    residence_permit = excluded.residence_permit, registered_at = excluded.registered_at,
                    enrolled_on = excluded.enrolled_on, roster_at = greatest(person_year.roster_at, excluded.roster_at),
                    coverage_from_birth = excluded.coverage_from_birth, coverage_from_year_start = excluded.coverage_from_year_start,
                    coverage_rule = excluded.coverage_rule,
                    pay_by = excluded.pay_by, registration_revokes = excluded.registration_revokes,
                    withdrawn_on = case when person_year.roster_at > excluded.roster_at then person_year.withdrawn_on end,
                    withdrawal_reason = case when person_year.roster_at > excluded.roster_at then person_year.withdrawal_reason end,
                    -- registered again on or after the day the withdrawal took effect; a revoked withdrawal (撤销终止参保)
                    -- announces the enrolment it ended again (withdrawalRevoked; an older enrollment-service's, told by its own
                    -- earlier day alone): the registration goes on, settlement and all
                    settled_anew_at = case when person_year.withdrawn_on is not null and person_year.roster_at <= excluded.roster_at
                                                and not excluded.registration_revokes
                                                and excluded.enrolled_on >= person_year.withdrawn_on
                                           then excluded.registered_at else person_year.settled_anew_at end,
                    roster_changed = person_year.roster_changed or coalesce(person_year.registered_at < excluded.registered_at, false)
                -- an enrolment older than a withdrawal that overtook it (dead-lettered, replayed) still registers the person, who
                -- counted until the withdrawal: it was dropped, and the person never counted anywhere, their money unattributed
                where person_year.roster_at <= excluded.roster_at or person_year.registered_at is null
                returning person_id, coverage_year, settled_anew_at = registered_at as anew)
                select person_id, coverage_year from registered where anew""")
                .param("personIds", latest.stream().map(one -> one.event().personId()).toArray(String[]::new))
                .param("coverageYears", latest.stream().map(one -> one.event().coverageYear()).toArray(Integer[]::new))
                .param("regions", latest.stream().map(one -> one.event().region()).toArray(String[]::new))
                .param("townships", latest.stream().map(one -> one.event().township()).toArray(String[]::new))
                .param("villages", latest.stream().map(one -> one.event().village()).toArray(String[]::new))
                .param("schools", latest.stream().map(one -> one.event().school()).toArray(String[]::new))
                .param("idNumbersMasked", latest.stream().map(one -> one.event().idNumberMasked()).toArray(String[]::new))
                .param("namesMasked", latest.stream().map(one -> one.event().nameMasked()).toArray(String[]::new))
                .param("categories", latest.stream().map(one -> one.event().personCategory().name()).toArray(String[]::new))
                .param("hukouLocal", latest.stream().map(one -> String.valueOf(one.event().hukouLocal())).toArray(String[]::new))
                .param("residencePermits", latest.stream().map(one -> String.valueOf(one.event().residencePermit())).toArray(String[]::new))
                .param("at", latest.stream().map(one -> one.time().toString()).toArray(String[]::new))
                .param("enrolledOn", latest.stream().map(one -> (one.event().enrolledOn() != null ? one.event().enrolledOn()
                        : one.time().atZone(BusinessTime.ZONE).toLocalDate()).toString()).toArray(String[]::new))
                .param("coverageFromBirth", latest.stream().map(one -> String.valueOf(Boolean.TRUE.equals(one.event().coverageFromBirth())))
                        .toArray(String[]::new))
                .param("coverageStarts", latest.stream().map(one -> one.event().coverageStart() == null ? null
                        : one.event().coverageStart().toString()).toArray(String[]::new))
                .param("coverageRules", latest.stream().map(one -> one.event().coverageRule()).toArray(String[]::new))
                .param("payBy", latest.stream().map(one -> payBy(one.event())).toArray(String[]::new))
                .param("schoolClasses", latest.stream().map(one -> one.event().schoolClass()).toArray(String[]::new))
                .param("revokes", latest.stream().map(one -> one.event().revokesAWithdrawal()).toArray(Boolean[]::new))
                .query(PersonYear.class).list());
        contacts(Timed.latestPer(run.stream().filter(one -> one.event().contactSealed() != null).toList(),
                        person -> new PersonYear(person.personId(), person.coverageYear())).stream()
                .map(one -> new Contact(one.event().personId(), one.event().coverageYear(), one.event().contactSealed(), one.time()))
                .toList());
        applyChanges(latest.stream().map(one -> one.event().personId()).toArray(String[]::new),
                latest.stream().map(one -> one.event().coverageYear()).toArray(Integer[]::new));
        return settledAnew;
    }

    /** The levy list's payBy: the last day a payment still starts coverage within the year, where the start waits for it. */
    private static String payBy(PersonEnrolled person) {
        if (person.coverageFrom() == null) {
            return null;
        }
        LocalDate last = new EnrolmentPolicy.Coverage(person.coverageFrom(), null, person.waitingPeriodDays(),
                person.waitingPeriodMonths() == null ? 0 : person.waitingPeriodMonths()).lastPaymentDayWithin(person.coverageYear());
        return last == null ? null : last.toString();
    }

    /** A name and phone sealed for this service, and the time of the roster fact that brought them. */
    private record Contact(String personId, int coverageYear, String sealed, Instant at) {
    }

    /**
     * The names and phones sealed for this service, kept apart from the figures' rows, at most one
     * per person-year; an older fact does not replace a newer one.
     */
    private void contacts(List<Contact> current) {
        if (current.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into person_contact (person_id, coverage_year, contact_sealed, roster_at)
                select * from unnest(cast(:personIds as varchar[]), cast(:coverageYears as int[]), cast(:contacts as varchar[]),
                                     cast(:at as timestamptz[]))
                on conflict (person_id, coverage_year) do update set contact_sealed = excluded.contact_sealed,
                    roster_at = excluded.roster_at
                where person_contact.roster_at <= excluded.roster_at""")
                .param("personIds", current.stream().map(Contact::personId).toArray(String[]::new))
                .param("coverageYears", current.stream().map(Contact::coverageYear).toArray(Integer[]::new))
                .param("contacts", current.stream().map(Contact::sealed).toArray(String[]::new))
                .param("at", current.stream().map(contact -> contact.at().toString()).toArray(String[]::new))
                .update();
    }

    /**
     * A school of "" is one the person left (docs/events.md). The change is kept field by field ({@link #CHANGES}) and
     * applied to the person-year where registered by then: a change that overtook its own dead-lettered enrolment applies
     * when the enrolment registers the person, one replayed after a newer change keeps the fields that one left.
     */
    void updated(PersonUpdated person, Instant at) {
        // a HashMap, since a field the change leaves as it was is null
        Map<String, Object> values = new HashMap<>();
        values.put("township", person.township());
        values.put("village", person.village());
        values.put("school", person.school());
        values.put("name_masked", person.nameMasked());
        values.put("person_category", person.personCategory() == null ? null : person.personCategory().name());
        values.put("hukou_local", person.hukouLocal());
        values.put("residence_permit", person.residencePermit());
        if (CHANGES.namesAny(values)) {
            jdbc.sql(CHANGES.keep()).params(values)
                    .param("at", Timestamp.from(at)).param("personId", person.personId()).param("coverageYear", person.coverageYear())
                    .update();
            applyChanges(new String[] {person.personId()}, new Integer[] {person.coverageYear()});
            List<String> named = HISTORY.stream().filter(field -> values.get(field) != null).toList();
            if (!named.isEmpty()) {
                jdbc.sql("""
                        insert into roster_history (person_id, coverage_year, field, at, value)
                        select :personId, :coverageYear, named.field, :at, named.value
                        from unnest(cast(:fields as varchar[]), cast(:values as varchar[])) as named(field, value)
                        on conflict (person_id, coverage_year, field, at) do update set value = excluded.value""")
                        .param("personId", person.personId()).param("coverageYear", person.coverageYear()).param("at", Timestamp.from(at))
                        .param("fields", named.toArray(String[]::new))
                        .param("values", named.stream().map(field -> String.valueOf(values.get(field))).toArray(String[]::new))
                        .update();
            }
        }
        if (person.contactSealed() != null) {
            contacts(List.of(new Contact(person.personId(), person.coverageYear(), person.contactSealed(), at)));
        }
    }

    /**
     * The kept changes of these person-years, applied where newer than the registration. Before they are, the
     * registration's values of a person-year a change named join its history ({@code roster_history}, V35) at the
     * registration's time, once: no change has been applied over them yet, as any change applied since that registration
     * wrote them first (but one applied before V35, whose values then stand for the registration's: the first are kept
     * nowhere). Each change then joins it at its own time ({@link #updated}); a registration replacing another joins it
     * in {@link #registered}. Either marks the person-year {@code roster_changed}, whose figures then read the history.
     */
    private void applyChanges(String[] personIds, Integer[] coverageYears) {
        jdbc.sql("""
                with named as (
                    -- from the changes kept, as the changes' own statement: a run of enrolments reads no person-year here
                    select person_year.person_id, person_year.coverage_year from person_update change
                    join person_year on person_year.person_id = change.person_id and person_year.coverage_year = change.coverage_year
                    where change.person_id = any(cast(:personIds as varchar[]))
                      and (change.person_id, change.coverage_year)
                          in (select * from unnest(cast(:personIds as varchar[]), cast(:coverageYears as int[])))
                      and person_year.registered_at is not null
                ), kept as (
                insert into roster_history (person_id, coverage_year, field, at, value)
                select person_year.person_id, person_year.coverage_year, held.field, held.at, held.value
                from person_year join named using (person_id, coverage_year)
                cross join lateral (values\s""" + held("person_year", "person_year.registered_at") + """
                ) as held(field, at, value)
                on conflict do nothing)
                update person_year set roster_changed = true
                from named where person_year.person_id = named.person_id and person_year.coverage_year = named.coverage_year
                  and not person_year.roster_changed""")
                .param("personIds", personIds).param("coverageYears", coverageYears)
                .update();
        // a class is of its school: a change naming another school (or none) leaves the class unknown, as PersonUpdated carries none
        jdbc.sql(CHANGES.apply("person_year", "person_year.registered_at", "person_year.registered_at is not null", """
                school_class = case when %s and nullif(change.school, '') is distinct from person_year.school then null
                                    else person_year.school_class end,"""
                .formatted(RosterChanges.newer("school", "person_year.registered_at"))))
                .param("personIds", personIds).param("coverageYears", coverageYears)
                .update();
    }

    /**
     * A withdrawal older than the registration the person-year holds (replayed from the dead letters after it) changes
     * nothing on the roster, but it ended the registration that registration replaced ({@code registration_ended}), and
     * that registration, made on or after the day the withdrawal took effect, followed it: it is settled anew from its time,
     * as in order, unless it announced the enrolment again after the withdrawal was revoked.
     *
     * @return the person-year, where its registration is now settled anew and its settlement is to be judged again
     */
    Set<PersonYear> withdrawn(PersonWithdrawn person, Instant at) {
        ensurePersonYears(List.of(person));
        jdbc.sql("""
                update person_year set withdrawn_on = :effectiveDate, withdrawal_reason = :reason, roster_at = :at
                where person_id = :personId and coverage_year = :coverageYear and roster_at <= :at""")
                .param("effectiveDate", person.effectiveOn()).param("reason", person.reason().name()).param("at", Timestamp.from(at))
                .param("personId", person.personId()).param("coverageYear", person.coverageYear())
                .update();
        jdbc.sql("""
                update registration_ended ended set withdrawn_on = :effectiveDate
                where ended.person_id = :personId and ended.coverage_year = :coverageYear and ended.withdrawn_on is null
                  and ended.registered_at = (select max(e.registered_at) from registration_ended e
                                             where e.person_id = :personId and e.coverage_year = :coverageYear and e.registered_at < :at)
                  and exists (select 1 from person_year
                              where person_id = :personId and coverage_year = :coverageYear and registered_at > :at)""")
                .param("effectiveDate", person.effectiveOn()).param("at", Timestamp.from(at))
                .param("personId", person.personId()).param("coverageYear", person.coverageYear())
                .update();
        return new HashSet<>(jdbc.sql("""
                update person_year set settled_anew_at = registered_at
                where person_id = :personId and coverage_year = :coverageYear
                  and registered_at > :at and enrolled_on >= :effectiveDate and not registration_revokes
                  and settled_anew_at is distinct from registered_at
                returning person_id, coverage_year""")
                .param("at", Timestamp.from(at)).param("effectiveDate", person.effectiveOn())
                .param("personId", person.personId()).param("coverageYear", person.coverageYear())
                .query(PersonYear.class).list());
    }

    /** An assessment and its event time. */
    record Assessed(ContributionAssessed assessment, Instant at) {
    }

    /**
     * Every assessment joins the history (settlement is judged by event time); the current one of a
     * person-year is the latest, whichever arrived last. Two statements for a whole batch: the
     * history, and the current assessments upserted (the person-year exists from the first fact).
     */
    void assessed(List<Assessed> batch) {
        jdbc.sql("""
                insert into assessment_history (person_id, coverage_year, assessed_at, payable_amount, subsidy_amount,
                                                assistance_category, standard_amount)
                select * from unnest(cast(:personIds as varchar[]), cast(:coverageYears as int[]), cast(:at as timestamptz[]),
                                     cast(:payable as numeric[]), cast(:subsidy as numeric[]), cast(:categories as varchar[]),
                                     cast(:standard as numeric[]))
                on conflict do nothing""")
                .param("personIds", batch.stream().map(one -> one.assessment().personId()).toArray(String[]::new))
                .param("coverageYears", batch.stream().map(one -> one.assessment().coverageYear()).toArray(Integer[]::new))
                .param("at", batch.stream().map(one -> one.at().toString()).toArray(String[]::new))
                .param("payable", batch.stream().map(one -> one.assessment().payableAmount().toPlainString()).toArray(String[]::new))
                .param("subsidy", batch.stream().map(one -> one.assessment().subsidyAmount().toPlainString()).toArray(String[]::new))
                // '' is none: null is an assessment kept before V35, whose category is not known
                .param("categories", batch.stream().map(one -> one.assessment().assistanceCategory() == null ? ""
                        : one.assessment().assistanceCategory().name()).toArray(String[]::new))
                .param("standard", batch.stream().map(one -> one.assessment().standardAmount().toPlainString()).toArray(String[]::new))
                .update();
        // one row per person-year: an upsert may change a row once
        Map<PersonYear, Assessed> latest = new LinkedHashMap<>();
        batch.forEach(one -> latest.merge(new PersonYear(one.assessment().personId(), one.assessment().coverageYear()), one,
                (kept, other) -> other.at().isAfter(kept.at()) ? other : kept));
        List<Assessed> current = List.copyOf(latest.values());
        jdbc.sql("""
                insert into person_year (person_id, coverage_year, region, standard_amount, subsidy_amount, payable_amount,
                                         assistance_category, assessed_at)
                select * from unnest(cast(:personIds as varchar[]), cast(:coverageYears as int[]), cast(:regions as varchar[]),
                                     cast(:standard as numeric[]), cast(:subsidy as numeric[]), cast(:payable as numeric[]),
                                     cast(:categories as varchar[]), cast(:at as timestamptz[]))
                on conflict (person_id, coverage_year) do update
                set standard_amount = excluded.standard_amount, subsidy_amount = excluded.subsidy_amount,
                    payable_amount = excluded.payable_amount, assistance_category = excluded.assistance_category,
                    assessed_at = excluded.assessed_at
                where person_year.assessed_at <= excluded.assessed_at""")
                .param("personIds", current.stream().map(one -> one.assessment().personId()).toArray(String[]::new))
                .param("coverageYears", current.stream().map(one -> one.assessment().coverageYear()).toArray(Integer[]::new))
                .param("regions", current.stream().map(one -> one.assessment().region()).toArray(String[]::new))
                .param("standard", current.stream().map(one -> one.assessment().standardAmount().toPlainString()).toArray(String[]::new))
                .param("subsidy", current.stream().map(one -> one.assessment().subsidyAmount().toPlainString()).toArray(String[]::new))
                .param("payable", current.stream().map(one -> one.assessment().payableAmount().toPlainString()).toArray(String[]::new))
                .param("categories", current.stream().map(one -> one.assessment().assistanceCategory() == null ? null
                        : one.assessment().assistanceCategory().name()).toArray(String[]::new))
                .param("at", current.stream().map(one -> one.at().toString()).toArray(String[]::new))
                .update();
    }

    /**
     * A run of certification rows in one statement, in their order, each kept once as it first came. A row effective from
     * birth is kept as the earliest day there is: nothing takes effect before a birth, and it counts on any day asked.
     */
    void adjusted(List<Timed<EligibilityAdjusted>> run) {
        List<EligibilityAdjusted> rows = run.stream().map(Timed::event).toList();
        jdbc.sql("""
                insert into eligibility_adjustment (person_id, coverage_year, region, batch_id, agency, category, subcategory, action,
                    effective_date, township, village, contact_sealed)
                select person_id, coverage_year, region, batch_id, agency, category, coalesce(subcategory, ''), action,
                       coalesce(effective_date, date '-infinity'), township, village, contact_sealed
                from unnest(cast(:personIds as varchar[]), cast(:coverageYears as int[]), cast(:regions as varchar[]),
                            cast(:batchIds as varchar[]), cast(:agencies as varchar[]), cast(:categories as varchar[]),
                            cast(:subcategories as varchar[]), cast(:actions as varchar[]), cast(:effectiveDates as date[]),
                            cast(:townships as varchar[]), cast(:villages as varchar[]), cast(:contacts as text[])) with ordinality
                    as adjusted(person_id, coverage_year, region, batch_id, agency, category, subcategory, action, effective_date,
                                township, village, contact_sealed, position)
                order by position
                on conflict do nothing""")
                .param("personIds", rows.stream().map(EligibilityAdjusted::personId).toArray(String[]::new))
                .param("coverageYears", rows.stream().map(EligibilityAdjusted::coverageYear).toArray(Integer[]::new))
                .param("regions", rows.stream().map(EligibilityAdjusted::region).toArray(String[]::new))
                .param("batchIds", rows.stream().map(EligibilityAdjusted::batchId).toArray(String[]::new))
                .param("agencies", rows.stream().map(row -> row.agency().name()).toArray(String[]::new))
                .param("categories", rows.stream().map(row -> row.category().name()).toArray(String[]::new))
                .param("subcategories", rows.stream().map(row -> row.subcategory() == null ? null : row.subcategory().name())
                        .toArray(String[]::new))
                .param("actions", rows.stream().map(row -> row.action().name()).toArray(String[]::new))
                .param("effectiveDates", rows.stream()
                        .map(row -> row.effectiveDate() == null ? null : row.effectiveDate().toString()).toArray(String[]::new))
                .param("townships", rows.stream().map(EligibilityAdjusted::township).toArray(String[]::new))
                .param("villages", rows.stream().map(EligibilityAdjusted::village).toArray(String[]::new))
                .param("contacts", rows.stream().map(EligibilityAdjusted::contactSealed).toArray(String[]::new))
                .update();
    }

    /**
     * 医保电子凭证激活: once per person, the first date kept; a run of them in one statement, in their order. One from the birth
     * is kept as the earliest day there is, as a certification from the birth is: it counts on any day asked.
     */
    void activated(List<Timed<EVoucherActivated>> run) {
        jdbc.sql("""
                insert into e_voucher (person_id, activated_on)
                select person_id, coalesce(activated_on, date '-infinity')
                from unnest(cast(:personIds as varchar[]), cast(:activatedOn as date[])) with ordinality as activated(person_id, activated_on, position)
                order by position
                on conflict (person_id) do nothing""")
                .param("personIds", run.stream().map(one -> one.event().personId()).toArray(String[]::new))
                .param("activatedOn", run.stream().map(one -> one.event().activatedOn() == null ? null : one.event().activatedOn().toString())
                        .toArray(String[]::new))
                .update();
    }

    /**
     * A voucher counts once, even when the tax adapter published it twice under two event ids. The
     * fund's money is counted apart from the person's own (Definitions.SETTLED); the person-year
     * exists from the first fact, a payment before the enrolment included. Two statements for a
     * whole batch: the vouchers, and the sums the new vouchers add upserted.
     */
    void paid(List<PaymentConfirmed> payments) {
        Set<String> newVouchers = new HashSet<>(jdbc.sql("""
                insert into payment (voucher_no, person_id, coverage_year, amount, channel, paid_at)
                select * from unnest(cast(:voucherNos as varchar[]), cast(:personIds as varchar[]), cast(:coverageYears as int[]),
                                     cast(:amounts as numeric[]), cast(:channels as varchar[]), cast(:paidAt as timestamptz[]))
                on conflict (voucher_no) do nothing
                returning voucher_no""")
                .param("voucherNos", payments.stream().map(PaymentConfirmed::voucherNo).toArray(String[]::new))
                .param("personIds", payments.stream().map(PaymentConfirmed::personId).toArray(String[]::new))
                .param("coverageYears", payments.stream().map(PaymentConfirmed::coverageYear).toArray(Integer[]::new))
                .param("amounts", payments.stream().map(payment -> payment.amount().toPlainString()).toArray(String[]::new))
                .param("channels", payments.stream().map(payment -> payment.channel().name()).toArray(String[]::new))
                .param("paidAt", payments.stream().map(payment -> payment.paidAt().toString()).toArray(String[]::new))
                .query(String.class).list());
        Map<String, BigDecimal> refundedFirst = refundedBefore(payments.stream()
                .filter(payment -> payment.channel() == PaymentChannel.ASSISTANCE_FUND && newVouchers.contains(payment.voucherNo()))
                .map(PaymentConfirmed::voucherNo).toList());
        Map<PersonYear, Added> added = new LinkedHashMap<>();
        for (PaymentConfirmed payment : payments) {
            // removed once counted: the same voucher twice in the batch adds once
            if (newVouchers.remove(payment.voucherNo())) {
                boolean byTheFund = payment.channel() == PaymentChannel.ASSISTANCE_FUND;
                // a refund of this fund voucher that came first (the voucher dead-lettered, replayed) was booked as the person's
                // own money back: it is the fund's
                BigDecimal moved = byTheFund ? refundedFirst.getOrDefault(payment.voucherNo(), BigDecimal.ZERO) : BigDecimal.ZERO;
                added.merge(new PersonYear(payment.personId(), payment.coverageYear()),
                        new Added(payment.region(), byTheFund ? BigDecimal.ZERO : payment.amount(),
                                byTheFund ? payment.amount().subtract(moved) : BigDecimal.ZERO, moved),
                        Added::plus);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        List<PersonYear> keys = List.copyOf(added.keySet());
        jdbc.sql("""
                insert into person_year (person_id, coverage_year, region, paid_amount, fund_paid_amount, refunded_amount)
                select person_id, coverage_year, region, own, fund, -moved
                from unnest(cast(:personIds as varchar[]), cast(:coverageYears as int[]), cast(:regions as varchar[]),
                            cast(:own as numeric[]), cast(:fund as numeric[]), cast(:moved as numeric[]))
                    as added(person_id, coverage_year, region, own, fund, moved)
                on conflict (person_id, coverage_year) do update
                set paid_amount = person_year.paid_amount + excluded.paid_amount,
                    fund_paid_amount = person_year.fund_paid_amount + excluded.fund_paid_amount,
                    refunded_amount = person_year.refunded_amount + excluded.refunded_amount""")
                .param("personIds", keys.stream().map(PersonYear::personId).toArray(String[]::new))
                .param("coverageYears", keys.stream().map(PersonYear::coverageYear).toArray(Integer[]::new))
                .param("regions", keys.stream().map(key -> added.get(key).region()).toArray(String[]::new))
                .param("own", keys.stream().map(key -> added.get(key).own().toPlainString()).toArray(String[]::new))
                .param("fund", keys.stream().map(key -> added.get(key).fund().toPlainString()).toArray(String[]::new))
                .param("moved", keys.stream().map(key -> added.get(key).movedRefunds().toPlainString()).toArray(String[]::new))
                .update();
    }

    /** What was refunded already of each of these vouchers, by voucher. */
    private Map<String, BigDecimal> refundedBefore(List<String> voucherNos) {
        Map<String, BigDecimal> refunded = new HashMap<>();
        if (!voucherNos.isEmpty()) {
            jdbc.sql("select voucher_no, sum(amount) from refund where voucher_no = any(cast(:voucherNos as varchar[])) group by voucher_no")
                    .param("voucherNos", voucherNos.toArray(String[]::new))
                    .query(row -> {
                        refunded.put(row.getString(1), row.getBigDecimal(2));
                    });
        }
        return refunded;
    }

    /**
     * What a batch's new vouchers add to a person-year: the person's own money and the fund's apart, and the refunds of the
     * fund's vouchers that came before them, moved from the person's refunds to the fund's.
     */
    private record Added(String region, BigDecimal own, BigDecimal fund, BigDecimal movedRefunds) {

        Added plus(Added other) {
            return new Added(region, own.add(other.own), fund.add(other.fund), movedRefunds.add(other.movedRefunds));
        }
    }

    void refunded(PaymentRefunded refund) {
        ensurePersonYears(List.of(refund));
        boolean newRefund = jdbc.sql("""
                insert into refund (refund_no, voucher_no, person_id, coverage_year, amount, refunded_at)
                values (:refundNo, :voucherNo, :personId, :coverageYear, :amount, :refundedAt)
                on conflict (refund_no) do nothing""")
                .param("refundNo", refund.refundNo()).param("voucherNo", refund.voucherNo()).param("personId", refund.personId())
                .param("coverageYear", refund.coverageYear()).param("amount", refund.amount())
                .param("refundedAt", Timestamp.from(refund.refundedAt()))
                .update() == 1;
        if (newRefund) {
            boolean toTheFund = jdbc.sql("select channel from payment where voucher_no = :voucherNo")
                    .param("voucherNo", refund.voucherNo()).query(String.class).optional()
                    .filter(PaymentChannel.ASSISTANCE_FUND.name()::equals).isPresent();
            jdbc.sql(toTheFund ? """
                    update person_year set fund_paid_amount = fund_paid_amount - :amount
                    where person_id = :personId and coverage_year = :coverageYear""" : """
                    update person_year set refunded_amount = refunded_amount + :amount
                    where person_id = :personId and coverage_year = :coverageYear""")
                    .param("amount", refund.amount()).param("personId", refund.personId())
                    .param("coverageYear", refund.coverageYear())
                    .update();
        }
    }

    /**
     * Re-judges the settlement of each person-year from all its payables and payments
     * ({@link SettlementRule}): one read of their facts and one write for those whose settlement
     * moved. The people's other years are read too and left alone: the person id finds the facts
     * by index.
     */
    void settle(Set<PersonYear> keys) {
        Map<PersonYear, List<SettlementRule.Fact>> facts = new HashMap<>();
        keys.forEach(key -> facts.put(key, new ArrayList<>()));
        String[] personIds = keys.stream().map(PersonYear::personId).distinct().toArray(String[]::new);
        jdbc.sql("""
                select person_id, coverage_year, 'PAYABLE' as fact, assessed_at as at, payable_amount as amount, standard_amount
                from assessment_history
                where person_id = any(cast(:personIds as varchar[]))
                union all
                select person_id, coverage_year, 'MONEY', paid_at, amount, null from payment
                where person_id = any(cast(:personIds as varchar[])) and channel <> 'ASSISTANCE_FUND'
                union all
                -- money of an earlier registration refunded after the registration that followed its withdrawal is gone when
                -- that registration is settled anew (SettlementRule: money before a registration at the same instant)
                select r.person_id, r.coverage_year, 'MONEY',
                       case when p.paid_at < y.settled_anew_at and r.refunded_at > y.settled_anew_at then y.settled_anew_at
                            else r.refunded_at end,
                       -r.amount, null
                from refund r left join payment p on p.voucher_no = r.voucher_no
                     left join person_year y on y.person_id = r.person_id and y.coverage_year = r.coverage_year
                where r.person_id = any(cast(:personIds as varchar[])) and p.channel is distinct from 'ASSISTANCE_FUND'
                union all
                select person_id, coverage_year, 'REGISTERED_AGAIN', settled_anew_at, null, null from person_year
                where person_id = any(cast(:personIds as varchar[])) and settled_anew_at is not null""")
                .param("personIds", personIds)
                .query(row -> {
                    List<SettlementRule.Fact> ofKey = facts.get(new PersonYear(row.getString(1), row.getInt(2)));
                    if (ofKey != null) {
                        Instant at = row.getTimestamp(4).toInstant();
                        ofKey.add(switch (row.getString(3)) {
                            case "PAYABLE" -> SettlementRule.Fact.assessed(at, row.getBigDecimal(5), row.getBigDecimal(6));
                            case "MONEY" -> SettlementRule.Fact.paid(at, row.getBigDecimal(5));
                            case "REGISTERED_AGAIN" -> SettlementRule.Fact.registeredAgain(at);
                            default -> throw new IllegalStateException("a settlement's fact of no known kind: " + row.getString(3));
                        });
                    }
                });
        List<PersonYear> judged = List.copyOf(facts.keySet());
        List<SettlementRule.Settlement> settlements = judged.stream().map(key -> SettlementRule.of(facts.get(key))).toList();
        jdbc.sql("""
                update person_year set settled_payable = judged.settled, settled_at = judged.settled_at
                from unnest(cast(:personIds as varchar[]), cast(:coverageYears as int[]), cast(:settled as numeric[]),
                            cast(:settledAt as timestamptz[]))
                     as judged(person_id, coverage_year, settled, settled_at)
                where person_year.person_id = any(cast(:personIds as varchar[]))
                  and person_year.person_id = judged.person_id and person_year.coverage_year = judged.coverage_year
                  and (person_year.settled_payable is distinct from judged.settled
                       or person_year.settled_at is distinct from judged.settled_at)""")
                .param("personIds", judged.stream().map(PersonYear::personId).toArray(String[]::new))
                .param("coverageYears", judged.stream().map(PersonYear::coverageYear).toArray(Integer[]::new))
                .param("settled", settlements.stream().map(settled -> settled == null ? null : settled.payable().toPlainString())
                        .toArray(String[]::new))
                .param("settledAt", settlements.stream().map(settled -> settled == null ? null : settled.at().toString())
                        .toArray(String[]::new))
                .update();
    }

    /** Up to {@code limit} person-years settled before V17 recorded when (settled_at), for {@link SettlementMomentService}. */
    Set<PersonYear> settledWithoutMoment(int limit) {
        return new HashSet<>(jdbc.sql("""
                select person_id, coverage_year from person_year where settled_payable is not null and settled_at is null limit :limit""")
                .param("limit", limit).query(PersonYear.class).list());
    }

    /**
     * Those of the person-years that have money of their own paid or refunded (the fund's is not theirs: Definitions.SETTLED),
     * or have settled (at a payable of zero: a change of the standard moves what they are held to).
     */
    Set<PersonYear> withMoneyOfTheirOwnOrSettled(Set<PersonYear> keys) {
        Set<PersonYear> judged = new HashSet<>();
        PersonYears.bind(jdbc.sql("""
                select person_id, coverage_year from person_year
                where %s
                  and (paid_amount <> 0 or refunded_amount <> 0 or settled_payable is not null)""".formatted(PersonYears.MATCH)), keys, PersonYear::personId,
                PersonYear::coverageYear)
                .query(row -> {
                    judged.add(new PersonYear(row.getString(1), row.getInt(2)));
                });
        return judged;
    }

    /** A person and coverage year of the read model. */
    record PersonYear(String personId, int coverageYear) {
    }

    /**
     * The tax adapter's last word on a start that waits for the payment, by event time: a start announced, or taken back
     * ({@code revoked}), whichever was said last (a word replayed from a dead letter after a newer one changes nothing; of
     * two at one instant, a revocation and the start announced anew after it in the tax adapter's one transaction, the
     * start stands). The person-year exists from the word, should it overtake the enrolment.
     */
    void startTakenBack(PersonEvent word, boolean revoked, Instant at) {
        ensurePersonYears(List.of(word));
        jdbc.sql("""
                update person_year set coverage_revoked = :revoked, coverage_word_at = :at
                where person_id = :personId and coverage_year = :coverageYear
                  and (coverage_word_at is null or coverage_word_at < :at or coverage_word_at = :at and not :revoked)""")
                .param("revoked", revoked).param("at", Timestamp.from(at))
                .param("personId", word.personId()).param("coverageYear", word.coverageYear())
                .update();
    }

    /** A payment or an assessment may come before the enrolment: the person-year exists from the first fact. */
    private void ensurePersonYears(List<? extends PersonEvent> facts) {
        jdbc.sql("""
                insert into person_year (person_id, coverage_year, region)
                select * from unnest(cast(:personIds as varchar[]), cast(:coverageYears as int[]), cast(:regions as varchar[]))
                on conflict do nothing""")
                .param("personIds", facts.stream().map(PersonEvent::personId).toArray(String[]::new))
                .param("coverageYears", facts.stream().map(PersonEvent::coverageYear).toArray(Integer[]::new))
                .param("regions", facts.stream().map(PersonEvent::region).toArray(String[]::new))
                .update();
    }

}
