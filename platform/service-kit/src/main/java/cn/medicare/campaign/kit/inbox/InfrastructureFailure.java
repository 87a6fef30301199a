package cn.medicare.campaign.kit.inbox;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Whether a consumer's failure is the database's or the network's rather than its record's: retried until they are back, never dead-lettered. */
public final class InfrastructureFailure {

    /** PostgreSQL's state for a lock not granted in time (a {@code nowait} or a {@code lock_timeout}). */
    static final String LOCK_NOT_AVAILABLE = "55P03";
    /** A lock refused, a serialization failure, a deadlock, where Spring did not translate them. */
    private static final Set<String> LOCK_CONFLICTS = Set.of(LOCK_NOT_AVAILABLE, "40001", "40P01");

    private InfrastructureFailure() {
    }

    /**
     * Another transaction was in the way: a lock refused, a deadlock, a serialization failure. It passes whatever the work's
     * size, so the same work tried again gets through, unlike a failure of resources (memory, a statement too complex) that
     * a smaller piece of the work might avoid.
     */
    public static boolean lockConflict(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof ConcurrencyFailureException
                || (cause instanceof SQLException sql && LOCK_CONFLICTS.contains(String.valueOf(sql.getSQLState()))));
    }

    /**
     * A failure of the database or the network rather than of the record: this includes a rollback
     * that fails because the connection is gone, and the SQL states of lost connections (08),
     * shutdowns (57P), exhausted resources (53) and {@linkplain #lockConflict lock conflicts}, which PostgreSQL's driver
     * reports in plain SQLExceptions; Spring's default translation since 6.0 leaves a lock refused (55P03) uncategorised.
     */
    public static boolean in(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof TransientDataAccessException
                || cause instanceof RecoverableDataAccessException || cause instanceof DataAccessResourceFailureException
                || cause instanceof CannotCreateTransactionException || cause instanceof TransactionSystemException
                || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                || cause instanceof ConnectException
                || (cause instanceof SQLException sql && isInfrastructureState(sql.getSQLState())));
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInfrastructureState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.startsWith("53")
                || LOCK_CONFLICTS.contains(sqlState));
    }
}
