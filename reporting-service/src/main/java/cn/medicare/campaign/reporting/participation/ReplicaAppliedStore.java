package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.kit.inbox.Inbox;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What each replica of the read model last applied ({@code replica_applied}). */
@Repository
class ReplicaAppliedStore {

    private final JdbcClient jdbc;

    ReplicaAppliedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps this replica's last batch. */
    void record(String replica, Inbox.LastApplied applied) {
        jdbc.sql("""
                insert into replica_applied (replica, applied_at, newest_event_time) values (:replica, :at, :newest)
                on conflict (replica) do update set applied_at = excluded.applied_at, newest_event_time = excluded.newest_event_time""")
                .param("replica", replica).param("at", Timestamp.from(applied.at()))
                .param("newest", Timestamp.from(applied.newestEventTime())).update();
    }

    /** Forgets the replicas that applied nothing since {@code before}: gone, most likely, at a rolling update. */
    void forgetBefore(Instant before) {
        jdbc.sql("delete from replica_applied where applied_at < :before").param("before", Timestamp.from(before)).update();
    }

    /** The last batch any replica applied, as it was last recorded. */
    Optional<Inbox.LastApplied> newest() {
        return jdbc.sql("select applied_at, newest_event_time from replica_applied order by applied_at desc limit 1")
                .query((row, n) -> new Inbox.LastApplied(row.getTimestamp(1).toInstant(), row.getTimestamp(2).toInstant())).optional();
    }
}
