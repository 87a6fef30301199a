package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.kit.BusinessTime;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code insurance_participation_rate{region,coverage_year,township}} for operations: recomputed
 * from the read model after every batch the consumer commits, so Prometheus sees what the API shows.
 */
@Component
public class ParticipationGauges {

    private final ParticipationQuery query;
    private final Clock clock;
    private final MultiGauge rates;

    ParticipationGauges(ParticipationQuery query, Clock clock, MeterRegistry meters) {
        this.query = query;
        this.clock = clock;
        this.rates = MultiGauge.builder("insurance.participation.rate")
                .description("Enrolled (registered and settled) / target, per township")
                .register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (ParticipationQuery.RegionYear campaign : query.campaigns()) {
            for (Figures township : query.townships(campaign.region(), campaign.coverageYear(), BusinessTime.today(clock))) {
                rows.add(MultiGauge.Row.of(Tags.of("region", campaign.region(),
                        "coverage_year", String.valueOf(campaign.coverageYear()),
                        "township", township.township()), township.rate().doubleValue()));
            }
        }
        rates.register(rows, true);
    }
}
