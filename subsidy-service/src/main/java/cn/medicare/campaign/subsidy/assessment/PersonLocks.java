package cn.medicare.campaign.subsidy.assessment;

import java.util.Collection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Serialises the transactions that touch one person (an agency batch and the roster consumer):
 * without it, a certification and an enrolment committed at the same moment could each miss the
 * other and leave a stale assessment. Held until the transaction ends.
 */
@Component
public class PersonLocks {

    private final JdbcTemplate jdbc;

    PersonLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the locks in personId order, so that two transactions locking the same people cannot deadlock. */
    public void lock(Collection<String> personIds) {
        personIds.stream().distinct().sorted().forEach(personId ->
                jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", row -> {
                }, personId));
    }
}
