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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EnrolmentStore {

    private static final String INSERT_COLUMNS = """
            insert into enrolment (person_id, coverage_year, region, id_number_sealed, id_number_masked, name, phone,
                birth_date, sex, person_category, township, village, school, hukou_local, residence_permit, channel,
                enrolled_on, coverage_start, waiting_period_days, enrolled_by, enrolled_at, school_class, remarks, special_case,
                special_case_date, employee_years, coverage_from, waiting_period_months, coverage_case, coverage_explanation,
                amount_rule)
            values """;
    /** The parameter of each column, in the order of INSERT_COLUMNS. */
    private static final List<String> PARAMETERS = List.of("personId", "coverageYear", "region", "idNumberSealed",
            "idNumberMasked", "name", "phone", "birthDate", "sex", "personCategory", "township", "village", "school",
            "hukouLocal", "residencePermit", "channel", "enrolledOn", "coverageStart", "waitingPeriodDays", "enrolledBy",
            "enrolledAt", "schoolClass", "remarks", "specialCase", "specialCaseDate", "employeeYears", "coverageFrom",
            "waitingPeriodMonths", "coverageCase", "coverageExplanation", "amountRule");
    /** 31 parameters a row: well below PostgreSQL's 65,535 per statement. */
    private static final int CHUNK = 1_000;

    private final JdbcClient jdbc;
    /**
     * For addAll, whose statement differs with each chunk's size: parsed anew each time, not kept in the
     * shared cache of parsed SQL, where every size ever seen would hold up to 21,000 parameter names.
     */
    private final JdbcClient uncached;

    EnrolmentStore(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        NamedParameterJdbcTemplate uncachedTemplate = new NamedParameterJdbcTemplate(named.getJdbcOperations());
        uncachedTemplate.setCacheLimit(0);
        this.uncached = JdbcClient.create(uncachedTemplate);
    }

    /** @return false when the person is already on the roster for that year */
    boolean add(Enrolment enrolment, Instant at) {
        return jdbc.sql(INSERT_COLUMNS + values("") + " on conflict (person_id, coverage_year) do nothing")
                .params(columns(enrolment, at, "")).update() == 1;
    }

    /** One row's placeholders: each column's parameter, its name followed by the suffix, so that many rows fit one statement. */
    private static String values(String suffix) {
        return PARAMETERS.stream().map(name -> ":" + name + suffix).collect(Collectors.joining(", ", "(", ")"));
    }

    /** One row's values, by the names values(suffix) gives them. */
    private static Map<String, Object> columns(Enrolment enrolment, Instant at, String suffix) {
        Enrolment.Terms terms = enrolment.terms();
        List<Object> inOrder = Arrays.asList(enrolment.personId(), enrolment.coverageYear(), enrolment.region(),
                enrolment.idNumberSealed(), enrolment.idNumberMasked(), enrolment.name(), enrolment.phone(),
                enrolment.birthDate(), enrolment.sex().name(), enrolment.personCategory().name(), enrolment.township(),
                enrolment.village(), enrolment.school(), enrolment.hukouLocal(), enrolment.residencePermit(),
                enrolment.channel().name(), enrolment.enrolledOn(), enrolment.coverageStart(), enrolment.waitingPeriodDays(),
                enrolment.enrolledBy(), Timestamp.from(at), terms.schoolClass(), terms.remarks(), name(terms.specialCase()),
                terms.specialCaseDate(), terms.employeeYears(), name(terms.coverageFrom()), terms.waitingPeriodMonths(),
                terms.coverageCase(), terms.coverageExplanation(), terms.amountRule().name());
        // a HashMap, since some values may be null
        Map<String, Object> columns = new HashMap<>();
        for (int i = 0; i < PARAMETERS.size(); i++) {
            columns.put(PARAMETERS.get(i) + suffix, inOrder.get(i));
        }
        return columns;
    }

    /**
     * Adds many enrolments in a few statements.
     *
     * @return the personIds actually added: the others were on the roster for that year already
     */
    Set<String> addAll(List<Enrolment> enrolments, Instant at) {
        Set<String> added = new HashSet<>();
        for (int from = 0; from < enrolments.size(); from += CHUNK) {
            List<Enrolment> chunk = enrolments.subList(from, Math.min(enrolments.size(), from + CHUNK));
            List<String> rows = new ArrayList<>(chunk.size());
            Map<String, Object> parameters = new HashMap<>();
            for (int row = 0; row < chunk.size(); row++) {
                rows.add(values(String.valueOf(row)));
                parameters.putAll(columns(chunk.get(row), at, String.valueOf(row)));
            }
            String insert = INSERT_COLUMNS + String.join(",", rows)
                    + " on conflict (person_id, coverage_year) do nothing returning person_id";
            added.addAll(uncached.sql(insert).params(parameters).query(String.class).list());
        }
        return added;
    }

    /** The enrolment, locked until the transaction ends: two clerks withdrawing the same person take turns. */
    Optional<Enrolment> findForUpdate(String personId, int coverageYear) {
        return jdbc.sql("select * from enrolment where person_id = :personId and coverage_year = :coverageYear for update")
                .param("personId", personId).param("coverageYear", coverageYear).query(EnrolmentStore::read).optional();
    }

    void withdraw(String personId, int coverageYear, WithdrawalReason reason, LocalDate effectiveDate) {
        jdbc.sql("""
                update enrolment set withdrawn_on = :effectiveDate, withdrawal_reason = :reason
                where person_id = :personId and coverage_year = :coverageYear""")
                .param("effectiveDate", effectiveDate).param("reason", reason.name())
                .param("personId", personId).param("coverageYear", coverageYear)
                .update();
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

    /** Those of the people ever withdrawn as deceased: nobody enrols them again. Read for a whole list at once. */
    Set<String> deceasedAmong(List<String> personIds) {
        // bound as one SQL array: a List would be expanded into one parameter per element
        return new HashSet<>(jdbc.sql("""
                select distinct person_id from enrolment
                where withdrawal_reason = 'DECEASED' and person_id = any(:personIds)""")
                .param("personIds", personIds.toArray(String[]::new)).query(String.class).list());
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
     * The coverage start of an enrolment that waited for its payment, once; an enrolment whose start
     * is known already keeps it (CoverageStarted redelivered or replayed changes nothing).
     *
     * @return false when there was nothing to set
     */
    boolean startCoverage(String personId, int coverageYear, LocalDate start) {
        return jdbc.sql("""
                update enrolment set coverage_start = :start
                where person_id = :personId and coverage_year = :coverageYear and coverage_start is null""")
                .param("start", start).param("personId", personId).param("coverageYear", coverageYear)
                .update() == 1;
    }
}
