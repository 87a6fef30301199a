package cn.medicare.campaign.kit.inbox;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Whether a consumer's failure is the database's or the network's rather than its record's: retried until they are back, never dead-lettered. */
public final class InfrastructureFailure {

    private InfrastructureFailure() {
    }

    /**
     * A failure of the database or the network rather than of the record: this includes a rollback
     * that fails because the connection is gone, and the SQL states of lost connections (08),
     * shutdowns (57P), exhausted resources (53), a transaction the database rolled back (40: a deadlock, a serialization
     * failure) and a lock it refused (55P03), which PostgreSQL's driver reports in plain SQLExceptions and Spring's
     * default translation since 6.0 leaves uncategorised.
     */
    public static boolean in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransactionSystemException || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException || cause instanceof ConnectException
                    || (cause instanceof SQLException sql && isInfrastructureState(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInfrastructureState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.startsWith("53")
                || sqlState.startsWith("40") || sqlState.equals("55P03"));
    }
}
