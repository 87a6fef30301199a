package cn.medicare.campaign.subsidy.assessment;

import cn.medicare.campaign.kit.EveryReplica;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code insurance_reassessment_oldest_age_seconds}: how long the oldest campaign version has waited
 * for its people to be reassessed (0 while none waits). A county takes a minute or two; an age that
 * keeps growing means its chunks fail ({@code deploy/prometheus/alerts.yml}, ReassessmentStuck).
 */
@Component
class ReassessmentGauges {

    private static final Logger log = LoggerFactory.getLogger(ReassessmentGauges.class);

    private final ReassessmentStore requests;
    private final Clock clock;
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    ReassessmentGauges(ReassessmentStore requests, Clock clock, MeterRegistry meters) {
        this.requests = requests;
        this.clock = clock;
        Gauge.builder("insurance.reassessment.oldest.age.seconds", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("How long the oldest campaign version has waited for its people's reassessment").register(meters);
    }

    /** Read from the database, which every replica shares: whichever replica holds the job's lock, each tells the same. */
    @Scheduled(fixedDelayString = "${insurance.observability.refresh-ms:15000}")
    @EveryReplica
    public void refresh() {
        try {
            oldestAgeSeconds.set(requests.oldestRequest().map(at -> Duration.between(at, clock.instant()).toSeconds()).orElse(0L));
        } catch (DataAccessException e) {
            log.warn("Reassessment gauge not refreshed: {}", e.getMostSpecificCause().getMessage());
        }
    }
}
