package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.kit.inbox.Inbox;
import cn.medicare.campaign.kit.kafka.ConsumerProgress;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 数据时效: how fresh the figures of a campaign are, for the dashboard's "data as of" beside every
 * figure: when this service last applied a fact, how long the newest fact of that batch took from its
 * event to the figures (the pipeline's lag), when the campaign's newest fact happened, and whether facts
 * are still waiting.
 */
@RestController
class FreshnessController {

    /**
     * @param lastAppliedAt when the read model last applied a fact (any campaign, any replica); absent until one has
     * @param newestFactAt the event time of the campaign's newest roster fact or assessment
     * @param lagSeconds how long the newest fact of the last batch applied took from its event to the figures: before
     *     session 25 the last application of any fact less the campaign's newest, which a run of payments or another
     *     county's facts made a lag no fact had
     * @param caughtUp whether every fact now on the topics has been applied
     */
    record Freshness(Instant asOf, Instant lastAppliedAt, Instant newestFactAt, Double lagSeconds, boolean caughtUp) {
    }

    private final ParticipationStore store;
    private final ReplicaAppliedService applied;
    private final ConsumerProgress progress;
    private final Clock clock;

    FreshnessController(ParticipationStore store, ReplicaAppliedService applied, ConsumerProgress progress, Clock clock) {
        this.store = store;
        this.applied = applied;
        this.progress = progress;
        this.clock = clock;
    }

    @GetMapping("/api/v1/freshness")
    @PreAuthorize("hasAnyRole('BUREAU','VIEWER','TOWNSHIP')")
    // no transaction: two statements, and the broker's answers below held a pooled connection up to seconds, every 5 s a tab
    Freshness freshness(@RequestParam String region, @RequestParam int coverageYear) {
        Optional<Inbox.LastApplied> last = applied.newest();
        ConsumerProgress.CaughtUp caughtUp = progress.forOneRequest();
        return new Freshness(clock.instant(), last.map(Inbox.LastApplied::at).orElse(null), store.newestFact(region, coverageYear),
                last.map(applied -> applied.newestFactTook().toMillis() / 1000.0).orElse(null),
                ReadModelProgress.CONSUMED.stream().allMatch(caughtUp::caughtUp));
    }
}
