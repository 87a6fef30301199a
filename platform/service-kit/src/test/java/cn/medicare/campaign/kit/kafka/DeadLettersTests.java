package cn.medicare.campaign.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.kit.inbox.PoisonRecordException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.TransactionSystemException;

class DeadLettersTests {

    @Test
    void aRollbackThatFailsBecauseTheDatabaseIsGoneIsAnInfrastructureFailure() {
        TransactionSystemException rollback = new TransactionSystemException("Could not roll back JDBC transaction",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        assertThat(DeadLetters.isInfrastructure(new BatchListenerFailedException("failed", rollback, 3))).isTrue();
    }

    @Test
    void aLostConnectionReportedAsAPlainSqlStateIsAnInfrastructureFailure() {
        UncategorizedSQLException lost = new UncategorizedSQLException("insert", "insert into inbox",
                new SQLException("This connection has been closed.", "08003"));
        UncategorizedSQLException shutdown = new UncategorizedSQLException("insert", "insert into inbox",
                new SQLException("terminating connection due to administrator command", "57P01"));

        assertThat(DeadLetters.isInfrastructure(lost)).isTrue();
        assertThat(DeadLetters.isInfrastructure(shutdown)).isTrue();
    }

    @Test
    void badDataIsNotAnInfrastructureFailure() {
        assertThat(DeadLetters.isInfrastructure(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DeadLetters.isInfrastructure(new PoisonRecordException("not JSON"))).isFalse();
    }
}
