package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.EnrolmentChannel;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.Sex;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class EnrolmentStore {

    private final JdbcTemplate jdbc;

    EnrolmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the person is already on the roster for that year */
    boolean add(Enrolment enrolment, Instant at) {
        return jdbc.update("""
                insert into enrolment (person_id, coverage_year, region, id_number_sealed, id_number_masked, name, phone,
                    birth_date, sex, person_category, township, village, school, hukou_local, residence_permit, channel,
                    enrolled_on, coverage_start, waiting_period_days, enrolled_by, enrolled_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (person_id, coverage_year) do nothing""",
                enrolment.personId(), enrolment.coverageYear(), enrolment.region(), enrolment.idNumberSealed(),
                enrolment.idNumberMasked(), enrolment.name(), enrolment.phone(), enrolment.birthDate(), enrolment.sex().name(),
                enrolment.personCategory().name(), enrolment.township(), enrolment.village(), enrolment.school(),
                enrolment.hukouLocal(), enrolment.residencePermit(), enrolment.channel().name(), enrolment.enrolledOn(),
                enrolment.coverageStart(), enrolment.waitingPeriodDays(), enrolment.enrolledBy(), Timestamp.from(at)) == 1;
    }

    Optional<Enrolment> find(String personId, int coverageYear) {
        return jdbc.query("select * from enrolment where person_id = ? and coverage_year = ?", EnrolmentStore::read, personId, coverageYear)
                .stream().findFirst();
    }

    private static Enrolment read(ResultSet row, int n) throws SQLException {
        return new Enrolment(row.getString("person_id"), row.getInt("coverage_year"), row.getString("region"),
                row.getString("id_number_sealed"), row.getString("id_number_masked"), row.getString("name"), row.getString("phone"),
                row.getObject("birth_date", java.time.LocalDate.class), Sex.valueOf(row.getString("sex")),
                PersonCategory.valueOf(row.getString("person_category")), row.getString("township"), row.getString("village"),
                row.getString("school"), row.getBoolean("hukou_local"), row.getBoolean("residence_permit"),
                EnrolmentChannel.valueOf(row.getString("channel")), row.getObject("enrolled_on", java.time.LocalDate.class),
                row.getObject("coverage_start", java.time.LocalDate.class), row.getInt("waiting_period_days"), row.getString("enrolled_by"));
    }
}
