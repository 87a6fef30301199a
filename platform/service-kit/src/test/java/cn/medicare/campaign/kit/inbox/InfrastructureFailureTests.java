package cn.medicare.campaign.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.TransactionSystemException;

class InfrastructureFailureTests {

    @Test
    void aRollbackThatFailsBecauseTheDatabaseIsGoneIsAnInfrastructureFailure() {
        TransactionSystemException rollback = new TransactionSystemException("Could not roll back JDBC transaction",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        assertThat(InfrastructureFailure.in(new BatchListenerFailedException("failed", rollback, 3))).isTrue();
    }

    @Test
    void aLostConnectionReportedAsAPlainSqlStateIsAnInfrastructureFailure() {
        UncategorizedSQLException lost = new UncategorizedSQLException("insert", "insert into inbox",
                new SQLException("This connection has been closed.", "08003"));
        UncategorizedSQLException shutdown = new UncategorizedSQLException("insert", "insert into inbox",
                new SQLException("terminating connection due to administrator command", "57P01"));

        assertThat(InfrastructureFailure.in(lost)).isTrue();
        assertThat(InfrastructureFailure.in(shutdown)).isTrue();
    }

    @Test
    void aLockConflictIsAnInfrastructureFailureThatTheSameWorkGetsPastOnceTheOtherTransactionEnds() {
        // Spring's translation since 6.0 leaves this one uncategorised
        UncategorizedSQLException refused = new UncategorizedSQLException("select", "select id from gate for update nowait",
                new SQLException("could not obtain lock on row in relation \"gate\"", "55P03"));
        PessimisticLockingFailureException deadlock = new PessimisticLockingFailureException("update levy_item",
                new SQLException("deadlock detected", "40P01"));
        DataAccessResourceFailureException outOfMemory = new DataAccessResourceFailureException("insert into inbox",
                new SQLException("out of memory", "53200"));

        assertThat(InfrastructureFailure.in(refused)).isTrue();
        assertThat(InfrastructureFailure.lockConflict(refused)).isTrue();
        assertThat(InfrastructureFailure.lockConflict(deadlock)).isTrue();
        // the database's failure too, but the same work may fail the same way again
        assertThat(InfrastructureFailure.in(outOfMemory)).isTrue();
        assertThat(InfrastructureFailure.lockConflict(outOfMemory)).isFalse();
    }

    @Test
    void badDataIsNotAnInfrastructureFailure() {
        assertThat(InfrastructureFailure.in(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(InfrastructureFailure.in(new PoisonRecordException("not JSON"))).isFalse();
        // another 55 state: an object in use by another command, not a lock a retry will get
        assertThat(InfrastructureFailure.in(new UncategorizedSQLException("drop", "drop table gate",
                new SQLException("cannot drop table gate because it is being used by active queries", "55006")))).isFalse();
    }
}
