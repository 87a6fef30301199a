package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.kit.EveryReplica;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code insurance_participation_rate{region,coverage_year,township}} for operations, recomputed
 * from the read model within seconds of a batch being applied: more often than Prometheus scrapes,
 * and never once per batch. A recomputation reads every person-year of the campaign (at county
 * scale, 277,000, about a second alone on two cores and several while the consumers load the
 * database), so it waits after each until it has taken no more than {@code gauge-max-share} of the
 * time since: the gauges never take the database's cores from the consumers whose work they show.
 */
@Component
public class ParticipationGauges {

    private final ParticipationStore query;
    private final Clock clock;
    private final MultiGauge rates;
    private final AtomicBoolean stale = new AtomicBoolean(true);
    private final Duration maxAge;
    private final double maxShare;
    private volatile Instant refreshedAt = Instant.MIN;
    private volatile long lastTookNanos;
    private volatile long lastEndedNanos;

    ParticipationGauges(ParticipationStore query, Clock clock, MeterRegistry meters,
            @Value("${insurance.reporting.gauge-max-age:PT1M}") Duration maxAge,
            @Value("${insurance.reporting.gauge-max-share:0.1}") double maxShare) {
        this.query = query;
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxShare = maxShare;
        this.rates = MultiGauge.builder("insurance.participation.rate")
                .description("Enrolled (registered and settled) / target, per township")
                .register(meters);
    }

    /** The read model changed: the gauges follow at the next refresh. */
    public void markStale() {
        stale.set(true);
    }

    /**
     * Each replica exposes its own gauges to Prometheus, so each refreshes them: at once when it
     * applied a batch itself, and at least every {@code gauge-max-age} for what the other replicas
     * of its consumer group applied to the shared read model.
     */
    @Scheduled(fixedDelayString = "${insurance.reporting.gauge-refresh-ms:5000}")
    @EveryReplica
    void refreshIfStale() {
        if (lastTookNanos > 0 && System.nanoTime() - lastEndedNanos < lastTookNanos * (1 / maxShare - 1)) {
            return;
        }
        if (stale.getAndSet(false) || refreshedAt.isBefore(clock.instant().minus(maxAge))) {
            refreshedAt = clock.instant();
            long started = System.nanoTime();
            refresh();
            lastEndedNanos = System.nanoTime();
            lastTookNanos = lastEndedNanos - started;
        }
    }

    private void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (ParticipationStore.RegionYear campaign : query.campaigns()) {
            for (Figures township : query.townships(campaign.region(), campaign.coverageYear(), Moment.now(clock))) {
                rows.add(MultiGauge.Row.of(Tags.of("region", campaign.region(),
                        "coverage_year", String.valueOf(campaign.coverageYear()),
                        "township", township.township()), township.rate().doubleValue()));
            }
        }
        rates.register(rows, true);
    }
}
