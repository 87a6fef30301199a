package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.AmountRule;
import cn.medicare.campaign.contracts.codes.CoverageFrom;
import cn.medicare.campaign.contracts.codes.SpecialCase;
import cn.medicare.campaign.contracts.codes.EnrolmentChannel;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.Sex;
import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EnrolmentStore {

    /** The day an EMPLOYEE_INSURANCE_LAPSE enrolment's employee insurance ended, else null. */
    private static final String LAPSE_DATE = "case when special_case = 'EMPLOYEE_INSURANCE_LAPSE' then special_case_date end";

    private static final String INSERT_COLUMNS = """
            insert into enrolment (person_id, coverage_year, region, id_number_sealed, id_number_masked, name, phone,
                birth_date, sex, person_category, township, village, school, hukou_local, residence_permit, channel,
                enrolled_on, coverage_start, waiting_period_days, enrolled_by, enrolled_at, school_class, remarks, special_case,
                special_case_date, employee_years, coverage_from, waiting_period_months, coverage_case, coverage_explanation,
                amount_rule)
            """;
    /** Each column's parameter and SQL type, in the order of INSERT_COLUMNS: addAll binds one array per column. */
    private static final String[][] COLUMNS = {{"personId", "varchar"}, {"coverageYear", "int"}, {"region", "varchar"},
            {"idNumberSealed", "text"}, {"idNumberMasked", "varchar"}, {"name", "varchar"}, {"phone", "varchar"},
            {"birthDate", "date"}, {"sex", "varchar"}, {"personCategory", "varchar"}, {"township", "varchar"},
            {"village", "varchar"}, {"school", "varchar"}, {"hukouLocal", "boolean"}, {"residencePermit", "boolean"},
            {"channel", "varchar"}, {"enrolledOn", "date"}, {"coverageStart", "date"}, {"waitingPeriodDays", "int"},
            {"enrolledBy", "varchar"}, {"enrolledAt", "timestamptz"}, {"schoolClass", "varchar"}, {"remarks", "varchar"},
            {"specialCase", "varchar"}, {"specialCaseDate", "date"}, {"employeeYears", "int"}, {"coverageFrom", "varchar"},
            {"waitingPeriodMonths", "int"}, {"coverageCase", "varchar"}, {"coverageExplanation", "varchar"},
            {"amountRule", "varchar"}};
    private static final List<String> PARAMETERS = Arrays.stream(COLUMNS).map(column -> column[0]).toList();

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    EnrolmentStore(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.batch = named;
    }

    /** @return false when the person is already on the roster for that year */
    boolean add(Enrolment enrolment, Instant at) {
        List<Object> values = values(enrolment, at);
        // a HashMap, since some values may be null
        Map<String, Object> columns = new HashMap<>();
        for (int i = 0; i < PARAMETERS.size(); i++) {
            columns.put(PARAMETERS.get(i), values.get(i));
        }
        return jdbc.sql(INSERT_COLUMNS + PARAMETERS.stream().map(name -> ":" + name).collect(Collectors.joining(", ", "values (", ")"))
                + ON_CONFLICT).params(columns).update() == 1;
    }

    /**
     * A person-year withdrawn because the person moved away or joined employee insurance may be
     * enrolled again (the row is the new enrolment); any other existing row stays as it is.
     */
    private static final String ON_CONFLICT = " on conflict (person_id, coverage_year) do update set "
            + PARAMETERS.stream().filter(name -> !name.equals("personId") && !name.equals("coverageYear"))
                    .map(name -> column(name) + " = excluded." + column(name)).collect(Collectors.joining(", "))
            // the tax adapter's word on the earlier registration's start is not this one's
            + ", withdrawn_on = null, withdrawal_reason = null, withdrawn_from_birth = false, coverage_start_decided_at = null"
            + " where enrolment.withdrawal_reason in ('MOVED_AWAY', 'EMPLOYEE_INSURANCE')";

    private static String column(String parameter) {
        return parameter.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    /** One row's values, in the order of PARAMETERS. */
    private static List<Object> values(Enrolment enrolment, Instant at) {
        Enrolment.Terms terms = enrolment.terms();
        return Arrays.asList(enrolment.personId(), enrolment.coverageYear(), enrolment.region(),
                enrolment.idNumberSealed(), enrolment.idNumberMasked(), enrolment.name(), enrolment.phone(),
                enrolment.birthDate(), enrolment.sex().name(), enrolment.personCategory().name(), enrolment.township(),
                enrolment.village(), enrolment.school(), enrolment.hukouLocal(), enrolment.residencePermit(),
                enrolment.channel().name(), enrolment.enrolledOn(), enrolment.coverageStart(), enrolment.waitingPeriodDays(),
                enrolment.enrolledBy(), Timestamp.from(at), terms.schoolClass(), terms.remarks(), name(terms.specialCase()),
                terms.specialCaseDate(), terms.employeeYears(), name(terms.coverageFrom()), terms.waitingPeriodMonths(),
                terms.coverageCase(), terms.coverageExplanation(), terms.amountRule().name());
    }

    /** Every column as one array: the statement is the same for any number of rows, and so are its parameters. */
    private static final String INSERT_ALL = INSERT_COLUMNS + "select * from unnest("
            + Arrays.stream(COLUMNS).map(column -> "cast(:" + column[0] + " as " + column[1] + "[])").collect(Collectors.joining(", "))
            + ")" + ON_CONFLICT + " returning person_id || ':' || coverage_year";

    /**
     * Adds many enrolments in one statement; the list holds each person-year once.
     *
     * @return the person-years actually added ({@link Enrolment#personYear()}): the others were on the roster for that year
     *     already
     */
    Set<String> addAll(List<Enrolment> enrolments, Instant at) {
        if (enrolments.isEmpty()) {
            return new HashSet<>();
        }
        String[][] columns = new String[PARAMETERS.size()][enrolments.size()];
        for (int row = 0; row < enrolments.size(); row++) {
            List<Object> values = values(enrolments.get(row), at);
            for (int column = 0; column < columns.length; column++) {
                Object value = values.get(column);
                columns[column][row] = value == null ? null
                        : value instanceof Timestamp timestamp ? timestamp.toInstant().toString() : value.toString();
            }
        }
        Map<String, Object> parameters = new HashMap<>();
        for (int column = 0; column < columns.length; column++) {
            parameters.put(PARAMETERS.get(column), columns[column]);
        }
        return new HashSet<>(jdbc.sql(INSERT_ALL).params(parameters).query(String.class).list());
    }

    /** The enrolment, locked until the transaction ends: two clerks withdrawing the same person take turns. */
    Optional<Enrolment> findForUpdate(String personId, int coverageYear) {
        return jdbc.sql("select * from enrolment where person_id = :personId and coverage_year = :coverageYear for update")
                .param("personId", personId).param("coverageYear", coverageYear).query(EnrolmentStore::read).optional();
    }

    void withdraw(String personId, int coverageYear, WithdrawalReason reason, LocalDate effectiveDate, boolean fromBirth) {
        jdbc.sql("""
                update enrolment set withdrawn_on = :effectiveDate, withdrawal_reason = :reason, withdrawn_from_birth = :fromBirth
                where person_id = :personId and coverage_year = :coverageYear""")
                .param("effectiveDate", effectiveDate).param("reason", reason.name()).param("fromBirth", fromBirth)
                .param("personId", personId).param("coverageYear", coverageYear)
                .update();
    }

    /**
     * A person-year on the roster and not withdrawn, as far as a list from another agency needs it.
     *
     * @param employeeInsuranceEnded the lapse date of an EMPLOYEE_INSURANCE_LAPSE enrolment, else null
     * @param idNumberMasked and {@code birthDate}: what a date about the person may say ({@link NearBirthService})
     */
    record Active(String personId, int coverageYear, String region, LocalDate employeeInsuranceEnded, LocalDate birthDate,
            String idNumberMasked) {
    }

    /** The standing enrolments of these people; of one coverage year, or of every year when {@code coverageYear} is null. */
    List<Active> activeAmong(List<String> personIds, Integer coverageYear) {
        return jdbc.sql("""
                select person_id, coverage_year, region, %s as employee_insurance_ended, birth_date, id_number_masked from enrolment
                where person_id = any(:personIds) and withdrawn_on is null
                  and (cast(:coverageYear as integer) is null or coverage_year = :coverageYear)
                for update""".formatted(LAPSE_DATE))
                .param("personIds", personIds.toArray(String[]::new)).param("coverageYear", coverageYear)
                .query(Active.class).list();
    }

    /** An enrolment under the NEWBORN case: one within the case's window says when the child was born at the earliest. */
    record NewbornCase(String region, int coverageYear, LocalDate enrolledOn) {
    }

    /** Every enrolment of the person's under the NEWBORN case, withdrawn ones too: their announcements stay public. */
    List<NewbornCase> newbornCases(String personId) {
        return jdbc.sql("select region, coverage_year, enrolled_on from enrolment where person_id = :personId and coverage_case = 'NEWBORN'")
                .param("personId", personId).query(NewbornCase.class).list();
    }

    /**
     * Many withdrawals in one statement (a list from another agency).
     *
     * @param fromBirth the enrolments whose withdrawal is dated near the birth ({@link NearBirthService})
     */
    void withdrawAll(List<Active> enrolments, WithdrawalReason reason, Map<String, LocalDate> effectiveDates, Set<Active> fromBirth) {
        // JdbcClient has no batch: the named-parameter template binds the same way for many rows
        batch.batchUpdate("""
                update enrolment set withdrawn_on = :effectiveDate, withdrawal_reason = :reason, withdrawn_from_birth = :fromBirth
                where person_id = :personId and coverage_year = :coverageYear and withdrawn_on is null""",
                enrolments.stream().map(active -> new MapSqlParameterSource()
                        .addValue("effectiveDate", effectiveDates.get(active.personId())).addValue("reason", reason.name())
                        .addValue("fromBirth", fromBirth.contains(active))
                        .addValue("personId", active.personId()).addValue("coverageYear", active.coverageYear()))
                        .toArray(SqlParameterSource[]::new));
    }

    void update(Enrolment changed) {
        jdbc.sql("""
                update enrolment set name = :name, phone = :phone, person_category = :personCategory, township = :township,
                    village = :village, school = :school, hukou_local = :hukouLocal, residence_permit = :residencePermit
                where person_id = :personId and coverage_year = :coverageYear""")
                .param("name", changed.name()).param("phone", changed.phone())
                .param("personCategory", changed.personCategory().name()).param("township", changed.township())
                .param("village", changed.village()).param("school", changed.school())
                .param("hukouLocal", changed.hukouLocal()).param("residencePermit", changed.residencePermit())
                .param("personId", changed.personId()).param("coverageYear", changed.coverageYear())
                .update();
    }

    /**
     * The mask the enrolments of each of these people already show, where they have any: the county alone if any of them
     * does (a roll-over copies a mask; the rule that made one may have been older than today's).
     */
    Map<String, String> masksOf(List<String> personIds) {
        Map<String, String> masks = new HashMap<>();
        jdbc.sql("""
                select person_id, case when bool_or(right(id_number_masked, 1) = '*')
                                       then left(min(id_number_masked), 6) || repeat('*', 12) else min(id_number_masked) end
                from enrolment where person_id = any(:personIds) group by person_id""")
                .param("personIds", personIds.toArray(String[]::new))
                .query(row -> {
                    masks.put(row.getString(1), row.getString(2));
                });
        return masks;
    }

    /** The day of death of those of the people withdrawn as deceased (and not revoked). Read for a whole list at once. */
    Map<String, LocalDate> deceasedOn(List<String> personIds) {
        Map<String, LocalDate> deaths = new HashMap<>();
        // bound as one SQL array: a List would be expanded into one parameter per element
        jdbc.sql("""
                select person_id, min(withdrawn_on) from enrolment
                where withdrawal_reason = 'DECEASED' and person_id = any(:personIds) group by person_id""")
                .param("personIds", personIds.toArray(String[]::new))
                .query(row -> {
                    deaths.put(row.getString(1), row.getObject(2, LocalDate.class));
                });
        return deaths;
    }

    /** The years of the person withdrawn for this reason on this day: one death withdraws the years from its own on. */
    List<Integer> yearsWithdrawn(String personId, WithdrawalReason reason, LocalDate effectiveDate) {
        return jdbc.sql("""
                select coverage_year from enrolment
                where person_id = :personId and withdrawal_reason = :reason and withdrawn_on = :effectiveDate
                order by coverage_year
                for update""")
                .param("personId", personId).param("reason", reason.name()).param("effectiveDate", effectiveDate)
                .query(Integer.class).list();
    }

    void revokeWithdrawal(String personId, int coverageYear) {
        jdbc.sql("""
                update enrolment set withdrawn_on = null, withdrawal_reason = null, withdrawn_from_birth = false
                where person_id = :personId and coverage_year = :coverageYear""")
                .param("personId", personId).param("coverageYear", coverageYear)
                .update();
    }

    /**
     * A page of last year's standing enrolments of the region with no enrolment for {@code coverageYear}
     * yet, in personId order after {@code afterPersonId}: whom a roll-over registers.
     */
    List<Enrolment> notYetRenewed(String region, int coverageYear, String afterPersonId, int limit) {
        return jdbc.sql("""
                select * from enrolment last
                where last.region = :region and last.coverage_year = :lastYear and last.withdrawn_on is null
                  and last.person_id > :after
                  and not exists (select 1 from enrolment this where this.person_id = last.person_id and this.coverage_year = :coverageYear)
                order by last.person_id
                limit :limit""")
                .param("region", region).param("lastYear", coverageYear - 1).param("coverageYear", coverageYear)
                .param("after", afterPersonId).param("limit", limit)
                .query(EnrolmentStore::read).list();
    }

    /**
     * The standing enrolments of these townships, by township and village, whose village is none of {@code listed}
     * (township and village side by side, exactly as written), leaving pupils out (the 村/社区/班级 cell is the class).
     * Candidates only: {@link UnitRule} decides, as enrolment does.
     */
    List<Enrolment> inVillagesOtherThan(String region, int coverageYear, List<String> townships, List<String[]> listed) {
        return jdbc.sql("""
                select * from enrolment
                where region = :region and coverage_year = :coverageYear and township = any(:townships) and withdrawn_on is null
                  and (school is null or school = '')
                  and (township, village) not in (select * from unnest(cast(:listedTownships as varchar[]), cast(:listedVillages as varchar[])))
                order by township, village, person_id""")
                .param("region", region).param("coverageYear", coverageYear).param("townships", townships.toArray(String[]::new))
                .param("listedTownships", listed.stream().map(pair -> pair[0]).toArray(String[]::new))
                .param("listedVillages", listed.stream().map(pair -> pair[1]).toArray(String[]::new))
                .query(EnrolmentStore::read).list();
    }

    /** The standing enrolments of a township none of {@code listed} (of {@code only}, if given), by township and village. */
    List<Enrolment> inTownshipsOtherThan(String region, int coverageYear, Set<String> listed, String only) {
        return jdbc.sql("""
                select * from enrolment
                where region = :region and coverage_year = :coverageYear and withdrawn_on is null
                  and township <> all(:listed) and (cast(:only as varchar) is null or township = :only)
                order by township, village, person_id""")
                .param("region", region).param("coverageYear", coverageYear).param("listed", listed.toArray(String[]::new))
                .param("only", only, Types.VARCHAR)
                .query(EnrolmentStore::read).list();
    }

    /** A person-year withdrawn for a reason after which the person may be enrolled again ({@link #ON_CONFLICT}). */
    record Returnable(String personYear, LocalDate withdrawnOn, WithdrawalReason reason) {
    }

    /** Those of the enrolments' person-years withdrawn as moved away or in employee insurance, by person-year. */
    Map<String, Returnable> returnableAmong(List<Enrolment> enrolments) {
        return jdbc.sql("""
                select e.person_id || ':' || e.coverage_year, e.withdrawn_on, e.withdrawal_reason
                from enrolment e join unnest(cast(:personIds as varchar[]), cast(:coverageYears as int[])) as wanted(person_id, coverage_year)
                  on e.person_id = wanted.person_id and e.coverage_year = wanted.coverage_year
                where e.withdrawal_reason in ('MOVED_AWAY', 'EMPLOYEE_INSURANCE')""")
                .param("personIds", enrolments.stream().map(Enrolment::personId).toArray(String[]::new))
                .param("coverageYears", enrolments.stream().map(Enrolment::coverageYear).toArray(Integer[]::new))
                .query((row, n) -> new Returnable(row.getString(1), row.getObject(2, LocalDate.class),
                        WithdrawalReason.valueOf(row.getString(3)))).list().stream()
                // a list may name a person twice for one year (the repeat is reported): one row each
                .collect(Collectors.toMap(Returnable::personYear, returnable -> returnable, (first, repeat) -> first));
    }

    /** Those of these people who have a row for the year, withdrawn or not. */
    Set<String> registeredAmong(List<String> personIds, int coverageYear) {
        return new HashSet<>(jdbc.sql("select person_id from enrolment where person_id = any(:personIds) and coverage_year = :coverageYear")
                .param("personIds", personIds.toArray(String[]::new)).param("coverageYear", coverageYear)
                .query(String.class).list());
    }

    /** The person's latest standing enrolment (any year), of the people given: whose e-voucher counts where. */
    List<Active> latestAmong(List<String> personIds) {
        return jdbc.sql("""
                select distinct on (person_id) person_id, coverage_year, region, %s as employee_insurance_ended, birth_date, id_number_masked from enrolment
                where person_id = any(:personIds) and withdrawn_on is null
                order by person_id, coverage_year desc""".formatted(LAPSE_DATE))
                .param("personIds", personIds.toArray(String[]::new))
                .query(Active.class).list();
    }

    /**
     * Keeps the list's activations not known yet, in one statement; those of people on the roster are
     * announced now, the others when the person is enrolled ({@link #announceKeptActivations}). A kept one
     * sent again for someone now on the roster is announced now: an enrolment that committed while the list
     * was being read could not see it, and the list sent again mends that.
     *
     * @return the people of the list whose activation was recorded or is to be announced now, with the day first kept
     */
    Map<String, LocalDate> activateAll(Map<String, LocalDate> activatedOn, Set<String> enrolled, Instant at) {
        List<String> people = new ArrayList<>(activatedOn.keySet());
        return jdbc.sql("""
                insert into e_voucher_activation (person_id, activated_on, received_at, announced_at)
                select person_id, activated_on, :at, case when announced then cast(:at as timestamptz) end
                from unnest(cast(:personIds as varchar[]), cast(:activatedOn as date[]), cast(:announced as boolean[]))
                     as list (person_id, activated_on, announced)
                on conflict (person_id) do update set announced_at = excluded.announced_at
                    where e_voucher_activation.announced_at is null and excluded.announced_at is not null
                returning person_id, activated_on""")
                .param("personIds", people.toArray(String[]::new))
                .param("activatedOn", people.stream().map(person -> activatedOn.get(person).toString()).toArray(String[]::new))
                .param("announced", people.stream().map(enrolled::contains).toArray(Boolean[]::new))
                .param("at", Timestamp.from(at))
                .query((row, n) -> Map.entry(row.getString(1), row.getObject(2, LocalDate.class))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** @return the activation day of each of these people whose activation was kept unannounced, now marked announced */
    Map<String, LocalDate> announceKeptActivations(Collection<String> personIds, Instant at) {
        return jdbc.sql("""
                update e_voucher_activation set announced_at = :at
                where person_id = any(:personIds) and announced_at is null
                returning person_id, activated_on""")
                .param("personIds", personIds.toArray(String[]::new)).param("at", Timestamp.from(at))
                .query((row, n) -> Map.entry(row.getString(1), row.getObject(2, LocalDate.class))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Optional<Enrolment> find(String personId, int coverageYear) {
        return jdbc.sql("select * from enrolment where person_id = :personId and coverage_year = :coverageYear")
                .param("personId", personId).param("coverageYear", coverageYear).query(EnrolmentStore::read).optional();
    }

    private static Enrolment read(ResultSet row, int n) throws SQLException {
        return new Enrolment(row.getString("person_id"), row.getInt("coverage_year"), row.getString("region"),
                row.getString("id_number_sealed"), row.getString("id_number_masked"), row.getString("name"), row.getString("phone"),
                row.getObject("birth_date", LocalDate.class), Sex.valueOf(row.getString("sex")),
                PersonCategory.valueOf(row.getString("person_category")), row.getString("township"), row.getString("village"),
                row.getString("school"), row.getBoolean("hukou_local"), row.getBoolean("residence_permit"),
                EnrolmentChannel.valueOf(row.getString("channel")), row.getObject("enrolled_on", LocalDate.class),
                row.getObject("coverage_start", LocalDate.class), row.getInt("waiting_period_days"), row.getString("enrolled_by"),
                row.getObject("withdrawn_on", LocalDate.class),
                row.getString("withdrawal_reason") == null ? null : WithdrawalReason.valueOf(row.getString("withdrawal_reason")),
                row.getBoolean("withdrawn_from_birth"),
                new Enrolment.Terms(row.getString("school_class"), row.getString("remarks"),
                        row.getString("special_case") == null ? null : SpecialCase.valueOf(row.getString("special_case")),
                        row.getObject("special_case_date", LocalDate.class), (Integer) row.getObject("employee_years"),
                        row.getString("coverage_from") == null ? null : CoverageFrom.valueOf(row.getString("coverage_from")),
                        row.getInt("waiting_period_months"), row.getString("coverage_case"), row.getString("coverage_explanation"),
                        AmountRule.valueOf(row.getString("amount_rule"))));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /**
     * The coverage start of an enrolment that waited for its payment. The tax adapter's newer word wins: a start it announced
     * after taking an earlier one back replaces that one (the revocation may be dead-lettered), while a start redelivered or
     * replayed after a newer start or revocation changes nothing; a start the enrolment knew itself stays.
     *
     * @return false when there was nothing to set
     */
    boolean startCoverage(String personId, int coverageYear, LocalDate start, Instant at) {
        return jdbc.sql("""
                update enrolment set coverage_start = :start, coverage_start_decided_at = :at
                where person_id = :personId and coverage_year = :coverageYear
                  and (coverage_start is null and coverage_start_decided_at is null or coverage_start_decided_at < :at)""")
                .param("start", start).param("at", Timestamp.from(at)).param("personId", personId).param("coverageYear", coverageYear)
                .update() == 1;
    }

    /**
     * Takes back the start CoverageStarted set, where it is still that start; a revocation that overtook its start (the
     * start dead-lettered) is kept as the newer word, so that the start replayed later sets nothing.
     *
     * @return false when the enrolment did not hold that start
     */
    boolean revokeCoverage(String personId, int coverageYear, LocalDate start, Instant at) {
        return jdbc.sql("""
                with held as (select coverage_start from enrolment where person_id = :personId and coverage_year = :coverageYear)
                update enrolment set coverage_start = null, coverage_start_decided_at = :at
                where person_id = :personId and coverage_year = :coverageYear and (coverage_start is null or coverage_start = :start)
                  and (coverage_start_decided_at is null or coverage_start_decided_at <= :at)
                returning (select coverage_start from held) is not null""")
                .param("start", start).param("at", Timestamp.from(at)).param("personId", personId).param("coverageYear", coverageYear)
                .query(Boolean.class).optional().orElse(false);
    }
}
