package cn.medicare.campaign.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
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
    void aLockRefusedOrATransactionTheDatabaseRolledBackIsAnInfrastructureFailure() {
        UncategorizedSQLException refused = new UncategorizedSQLException("select", "select id from gate for update nowait",
                new SQLException("could not obtain lock on row in relation \"gate\"", "55P03"));
        UncategorizedSQLException deadlock = new UncategorizedSQLException("update", "update levy_item",
                new SQLException("deadlock detected", "40P01"));
        UncategorizedSQLException serialization = new UncategorizedSQLException("update", "update levy_item",
                new SQLException("could not serialize access due to concurrent update", "40001"));

        assertThat(InfrastructureFailure.in(refused)).isTrue();
        assertThat(InfrastructureFailure.in(deadlock)).isTrue();
        assertThat(InfrastructureFailure.in(serialization)).isTrue();
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
