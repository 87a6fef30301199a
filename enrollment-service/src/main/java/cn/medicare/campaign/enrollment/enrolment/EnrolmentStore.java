package cn.medicare.campaign.enrollment.enrolment;

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
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class EnrolmentStore {

    private static final String INSERT_COLUMNS = """
            insert into enrolment (person_id, coverage_year, region, id_number_sealed, id_number_masked, name, phone,
                birth_date, sex, person_category, township, village, school, hukou_local, residence_permit, channel,
                enrolled_on, coverage_start, waiting_period_days, enrolled_by, enrolled_at)
            values """;
    /** 21 parameters a row: well below PostgreSQL's 65,535 per statement. */
    private static final int CHUNK = 1_000;

    private final JdbcTemplate jdbc;

    EnrolmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the person is already on the roster for that year */
    boolean add(Enrolment enrolment, Instant at) {
        return jdbc.update(INSERT_COLUMNS + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (person_id, coverage_year) do nothing",
                columns(enrolment, at).toArray()) == 1;
    }

    private static List<Object> columns(Enrolment enrolment, Instant at) {
        return Arrays.asList(enrolment.personId(), enrolment.coverageYear(), enrolment.region(), enrolment.idNumberSealed(),
                enrolment.idNumberMasked(), enrolment.name(), enrolment.phone(), enrolment.birthDate(), enrolment.sex().name(),
                enrolment.personCategory().name(), enrolment.township(), enrolment.village(), enrolment.school(),
                enrolment.hukouLocal(), enrolment.residencePermit(), enrolment.channel().name(), enrolment.enrolledOn(),
                enrolment.coverageStart(), enrolment.waitingPeriodDays(), enrolment.enrolledBy(), Timestamp.from(at));
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
            String values = String.join(",", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            List<Object> parameters = new ArrayList<>(chunk.size() * 21);
            chunk.forEach(enrolment -> parameters.addAll(columns(enrolment, at)));
            added.addAll(jdbc.queryForList(INSERT_COLUMNS + values + " on conflict (person_id, coverage_year) do nothing returning person_id",
                    String.class, parameters.toArray()));
        }
        return added;
    }

    /** The enrolment, locked until the transaction ends: two clerks withdrawing the same person take turns. */
    Optional<Enrolment> findForUpdate(String personId, int coverageYear) {
        return jdbc.query("select * from enrolment where person_id = ? and coverage_year = ? for update", EnrolmentStore::read,
                personId, coverageYear).stream().findFirst();
    }

    void withdraw(String personId, int coverageYear, WithdrawalReason reason, LocalDate effectiveDate) {
        jdbc.update("update enrolment set withdrawn_on = ?, withdrawal_reason = ? where person_id = ? and coverage_year = ?",
                effectiveDate, reason.name(), personId, coverageYear);
    }

    void update(Enrolment changed) {
        jdbc.update("""
                update enrolment set name = ?, phone = ?, person_category = ?, township = ?, village = ?, school = ?,
                    hukou_local = ?, residence_permit = ?
                where person_id = ? and coverage_year = ?""",
                changed.name(), changed.phone(), changed.personCategory().name(), changed.township(), changed.village(),
                changed.school(), changed.hukouLocal(), changed.residencePermit(), changed.personId(), changed.coverageYear());
    }

    /** Those of the people ever withdrawn as deceased: nobody enrols them again. Read for a whole list at once. */
    Set<String> deceasedAmong(List<String> personIds) {
        return new HashSet<>(jdbc.queryForList(
                "select distinct person_id from enrolment where withdrawal_reason = 'DECEASED' and person_id = any(?)",
                String.class, (Object) personIds.toArray(String[]::new)));
    }

    Optional<Enrolment> find(String personId, int coverageYear) {
        return jdbc.query("select * from enrolment where person_id = ? and coverage_year = ?", EnrolmentStore::read, personId, coverageYear)
                .stream().findFirst();
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
                row.getString("withdrawal_reason") == null ? null : WithdrawalReason.valueOf(row.getString("withdrawal_reason")));
    }
}
