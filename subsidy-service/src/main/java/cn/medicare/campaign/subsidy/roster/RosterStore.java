package cn.medicare.campaign.subsidy.roster;

import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The local copy of the roster: who is enrolled (参保登记) for which year, in which category. */
@Repository
public class RosterStore {

    private static final RowMapper<Enrolment> ENROLMENT = (row, n) -> new Enrolment(row.getString("person_id"),
            row.getInt("coverage_year"), row.getString("region"),
            row.getString("person_category") == null ? null : PersonCategory.valueOf(row.getString("person_category")),
            row.getString("township"), row.getString("village"), row.getBoolean("withdrawn"));

    private final JdbcTemplate jdbc;

    RosterStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A repeated enrolment (e.g. after a DUPLICATE withdrawal) registers the person again; an
     * enrolment older than the roster fact already applied (a replayed dead letter) changes nothing.
     *
     * @param at the event's time
     * @return true when the person is now enrolled by this event
     */
    public boolean enrol(PersonEnrolled enrolled, Instant at) {
        return jdbc.update("""
                insert into enrolment (person_id, coverage_year, region, person_category, township, village, withdrawn, roster_at)
                values (?, ?, ?, ?, ?, ?, false, ?)
                on conflict (person_id, coverage_year) do update
                set region = excluded.region, person_category = excluded.person_category, township = excluded.township,
                    village = excluded.village, withdrawn = false, roster_at = excluded.roster_at
                where enrolment.roster_at <= excluded.roster_at""",
                enrolled.personId(), enrolled.coverageYear(), enrolled.region(), enrolled.personCategory().name(),
                enrolled.township(), enrolled.village(), Timestamp.from(at)) == 1;
    }

    /** @return true when the person is on the roster for that year and the change is not older than what it holds */
    public boolean update(PersonUpdated updated, Instant at) {
        return jdbc.update("""
                update enrolment
                set person_category = coalesce(?, person_category), township = coalesce(?, township), village = coalesce(?, village),
                    roster_at = ?
                where person_id = ? and coverage_year = ? and not withdrawn and roster_at <= ?""",
                updated.personCategory() == null ? null : updated.personCategory().name(), updated.township(),
                updated.village(), Timestamp.from(at), updated.personId(), updated.coverageYear(), Timestamp.from(at)) == 1;
    }

    /** Kept even before the enrolment arrives, so that the late enrolment stays out. */
    public void withdraw(PersonWithdrawn withdrawn, Instant at) {
        jdbc.update("""
                insert into enrolment (person_id, coverage_year, region, withdrawn, roster_at) values (?, ?, ?, true, ?)
                on conflict (person_id, coverage_year) do update set withdrawn = true, roster_at = excluded.roster_at
                where enrolment.roster_at <= excluded.roster_at""",
                withdrawn.personId(), withdrawn.coverageYear(), withdrawn.region(), Timestamp.from(at));
    }

    public Optional<Enrolment> find(String personId, int coverageYear) {
        return jdbc.query("select * from enrolment where person_id = ? and coverage_year = ?", ENROLMENT, personId, coverageYear)
                .stream().findFirst();
    }

    /** The years the person is enrolled for and not withdrawn from. */
    public List<Integer> activeYears(String personId) {
        return jdbc.queryForList("select coverage_year from enrolment where person_id = ? and not withdrawn order by coverage_year",
                Integer.class, personId);
    }

    /** Everyone enrolled and not withdrawn under one campaign, in personId order (the order locks are taken in). */
    public List<String> activePersons(String region, int coverageYear) {
        return jdbc.queryForList("""
                select person_id from enrolment where region = ? and coverage_year = ? and not withdrawn order by person_id""",
                String.class, region, coverageYear);
    }
}
