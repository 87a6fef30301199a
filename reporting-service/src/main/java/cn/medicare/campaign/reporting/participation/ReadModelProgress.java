package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.kit.kafka.ConsumerProgress;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the read model has applied the facts a judgement is made on: what is settled or published once
 * (stages, period standings, bulletins) waits for it, since a consumer stopped over the night would
 * otherwise fix a township's figures on part of its payments. Kafka's side only: a relay that is down
 * keeps its service's events in the outbox, which OutboxRelayDown pages for.
 */
@Component
public class ReadModelProgress {

    /** The topics the figures are made of (the read model's listener). */
    static final List<String> CONSUMED = List.of(Topics.CAMPAIGN, Topics.ROSTER, Topics.ELIGIBILITY, Topics.PAYMENTS);

    private final ConsumerProgress progress;
    private final Duration inFlight;

    /**
     * @param inFlight the consumer's batch in flight when asked: a record that reached Kafka within it is not committed yet,
     *     which under a steady stream would keep every run waiting
     */
    ReadModelProgress(ConsumerProgress progress, @Value("${insurance.reporting.in-flight:PT1M}") Duration inFlight) {
        this.progress = progress;
        this.inFlight = inFlight;
    }

    /**
     * @return whether every record that reached the topics {@code in-flight} (a minute) or more ago was applied: by the wall
     *     clock, Kafka's, whatever day the business clock says
     */
    public boolean caughtUp() {
        return CONSUMED.stream().allMatch(topic -> progress.caughtUpExcept(topic, inFlight));
    }
}
