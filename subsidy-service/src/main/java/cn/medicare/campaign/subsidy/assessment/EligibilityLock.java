package cn.medicare.campaign.subsidy.assessment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Serialises the transactions that change people's eligibility or roster state (an agency batch
 * and the roster consumer): without it, a certification and an enrolment committed at the same
 * moment could each miss the other and leave a stale assessment. One service-wide lock rather than
 * one per person, because the consumer meets people in arrival order and a batch in another: two
 * writers locking the same people in different orders would deadlock. Held until the transaction ends.
 */
@Component
public class EligibilityLock {

    /** Any fixed key: the lock guards this service's own database only. */
    private static final long ELIGIBILITY_WRITERS = 0x5355_4253_4944_5931L;

    private final JdbcClient jdbc;

    EligibilityLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Re-entrant within a transaction, so each event of a consumer batch may take it again. */
    public void lock() {
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", ELIGIBILITY_WRITERS).query().singleRow();
    }
}
