package cn.medicare.campaign.infra.testing;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A table locked in SHARE mode by a transaction of the test's own: a writer of it waits there, inside its own transaction,
 * until the lock is let go. How a test of two writers at once holds the first one while the second runs as far as it
 * can, and then lets both finish, without a sleep ({@link #firstHeldWhileSecondRuns}).
 */
public final class LockedTable implements AutoCloseable {

    private final DataSource dataSource;
    private final Connection holder;

    private LockedTable(DataSource dataSource, Connection holder) {
        this.dataSource = dataSource;
        this.holder = holder;
    }

    private static LockedTable lock(DataSource dataSource, String table) throws SQLException {
        Connection holder = dataSource.getConnection();
        holder.setAutoCommit(false);
        try (Statement statement = holder.createStatement()) {
            statement.execute("lock table " + table + " in share mode");
        }
        return new LockedTable(dataSource, holder);
    }

    /**
     * The sessions of the database that wait for a lock while running a statement like {@code statement} (SQL LIKE), by
     * process id. Read on a connection of its own: a transaction reads the sessions' activity once and keeps that snapshot
     * until it ends.
     */
    private Set<Integer> waiting(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select pid from pg_stat_activity
                        where datname = current_database() and wait_event_type = 'Lock' and query like ?""")) {
            query.setString(1, statement);
            Set<Integer> sessions = new HashSet<>();
            try (ResultSet pids = query.executeQuery()) {
                while (pids.next()) {
                    sessions.add(pids.getInt(1));
                }
            }
            return sessions;
        }
    }

    /**
     * Two writers at once: runs {@code first} until it waits on {@code table} in a statement like {@code firstWaits} (SQL
     * LIKE), then {@code second} until it finishes or a session that was not waiting before it started waits in a statement
     * like {@code secondWaits} (the first may wait in the same statement), then lets both finish.
     *
     * @return their answers, first's then second's
     */
    public static <T> List<T> firstHeldWhileSecondRuns(DataSource dataSource, String table, Supplier<T> first, String firstWaits,
            Supplier<T> second, String secondWaits, Duration patience) throws Exception {
        CompletableFuture<T> firstAnswer;
        CompletableFuture<T> secondAnswer;
        try (LockedTable locked = lock(dataSource, table)) {
            firstAnswer = CompletableFuture.supplyAsync(first);
            await().atMost(patience).until(() -> !locked.waiting(firstWaits).isEmpty());
            Set<Integer> waitingBefore = locked.waiting(secondWaits);
            secondAnswer = CompletableFuture.supplyAsync(second);
            await().atMost(patience).until(() -> secondAnswer.isDone()
                    || locked.waiting(secondWaits).stream().anyMatch(session -> !waitingBefore.contains(session)));
        }
        return List.of(firstAnswer.get(patience.toSeconds(), TimeUnit.SECONDS), secondAnswer.get(patience.toSeconds(), TimeUnit.SECONDS));
    }

    /** Lets the writers waiting on the table go on. */
    @Override
    public void close() throws SQLException {
        try {
            holder.rollback();
        } finally {
            holder.close();
        }
    }
}
