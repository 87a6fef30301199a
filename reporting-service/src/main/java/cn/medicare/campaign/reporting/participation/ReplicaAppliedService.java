package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.kit.EveryReplica;
import cn.medicare.campaign.kit.inbox.Inbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The read model's freshness as a whole, not the answering replica's: each replica applies its own partitions, so with two
 * the dashboard's "最近计入" and lag alternated between them, one every five seconds, whichever the call reached. Each
 * replica records its last batch every couple of seconds, and the answer is the latest of them and of this replica's own.
 */
@Service
class ReplicaAppliedService {

    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final Duration FORGET_EVERY = Duration.ofHours(1);

    private final Inbox inbox;
    private final ReplicaAppliedStore store;
    /** This replica: its pod name where there is one, told apart from an earlier start of the same pod. */
    private final String replica = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("replica") + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    private volatile Inbox.LastApplied recorded;
    private Instant forgotten = Instant.EPOCH;

    ReplicaAppliedService(Inbox inbox, ReplicaAppliedStore store) {
        this.inbox = inbox;
        this.store = store;
    }

    /** Every replica writes its own row, of what only it knows (its batches, kept in its memory), hence no cluster lock. */
    @Scheduled(fixedDelayString = "${insurance.reporting.replica-applied-every:PT2S}")
    @EveryReplica
    public void record() {
        inbox.lastApplied().filter(last -> !last.equals(recorded)).ifPresent(last -> {
            store.record(replica, last);
            recorded = last;
        });
        Instant now = Instant.now();
        if (now.isAfter(forgotten.plus(FORGET_EVERY))) {
            store.forgetBefore(now.minus(FORGET_AFTER));
            forgotten = now;
        }
    }

    /** The last batch applied by any replica, this one's own as it is now. */
    Optional<Inbox.LastApplied> newest() {
        return Stream.concat(inbox.lastApplied().stream(), store.newest().stream()).max(Comparator.comparing(Inbox.LastApplied::at));
    }
}
