package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.kit.kafka.ConsumerProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 数据时效: how fresh the figures of a campaign are, for the dashboard's "data as of" beside every
 * figure: when this service last applied a fact, when the newest fact of the campaign happened, the
 * delay between the two (the pipeline's lag for the newest fact), and whether facts are still waiting.
 */
@RestController
class FreshnessController {

    /**
     * @param lastAppliedAt when this service last applied a fact (any campaign)
     * @param newestFactAt the event time of the campaign's newest roster fact or assessment
     * @param lagSeconds lastAppliedAt − newestFactAt, never negative: how long the newest fact took to count
     * @param caughtUp whether every fact now on the topics has been applied
     */
    record Freshness(Instant asOf, Instant lastAppliedAt, Instant newestFactAt, Double lagSeconds, boolean caughtUp) {
    }

    private final ParticipationStore store;
    private final ConsumerProgress progress;
    private final Clock clock;

    FreshnessController(ParticipationStore store, ConsumerProgress progress, Clock clock) {
        this.store = store;
        this.progress = progress;
        this.clock = clock;
    }

    @GetMapping("/api/v1/freshness")
    @PreAuthorize("hasAnyRole('BUREAU','VIEWER','TOWNSHIP')")
    // no transaction: one statement, and the broker's answers below held a pooled connection up to seconds, every 5 s a tab
    Freshness freshness(@RequestParam String region, @RequestParam int coverageYear) {
        ParticipationStore.Freshness times = store.freshness(region, coverageYear);
        Double lag = times.lastAppliedAt() == null || times.newestFactAt() == null ? null
                : Math.max(0, Duration.between(times.newestFactAt(), times.lastAppliedAt()).toMillis()) / 1000.0;
        ConsumerProgress.CaughtUp caughtUp = progress.forOneRequest();
        return new Freshness(clock.instant(), times.lastAppliedAt(), times.newestFactAt(), lag,
                ReadModelProgress.CONSUMED.stream().allMatch(caughtUp::caughtUp));
    }
}
