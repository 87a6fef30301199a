package cn.medicare.campaign.contracts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every topic of the suite, dead-letter topics included, with its partitions, clean-up policy and
 * retention (EVENTS.md, "Topics"): the one place the local stack creates them from and the
 * Kubernetes manifests are checked against. A dead letter keeps its source's 400 days, because it
 * waits for its replay.
 */
public final class TopicDeclarations {

    /** How long the suite keeps what it publishes. */
    public static final Duration RETENTION = Duration.ofDays(400);

    /** Which consumer group reads which topics: each pair has its dead-letter topic. */
    public static final Map<String, List<String>> CONSUMERS = Map.of(
            "enrollment-service", List.of(Topics.ELIGIBILITY, Topics.PAYMENTS),
            "subsidy-service", List.of(Topics.CAMPAIGN, Topics.ROSTER),
            "tax-collection-adapter", List.of(Topics.CAMPAIGN, Topics.ROSTER, Topics.ELIGIBILITY),
            "reporting-service", List.of(Topics.CAMPAIGN, Topics.ROSTER, Topics.ELIGIBILITY, Topics.PAYMENTS));

    /** One topic as it is created. {@code retention} is null for a compacted topic. */
    public record Declaration(String name, int partitions, String cleanupPolicy, Duration retention) {

        public Map<String, String> configs() {
            return retention == null ? Map.of("cleanup.policy", cleanupPolicy)
                    : Map.of("cleanup.policy", cleanupPolicy, "retention.ms", Long.toString(retention.toMillis()));
        }
    }

    private TopicDeclarations() {
    }

    public static List<Declaration> all() {
        List<Declaration> all = new ArrayList<>(List.of(
                new Declaration(Topics.CAMPAIGN, 3, "compact", null),
                new Declaration(Topics.ROSTER, 12, "delete", RETENTION),
                new Declaration(Topics.ELIGIBILITY, 12, "delete", RETENTION),
                new Declaration(Topics.PAYMENTS, 12, "delete", RETENTION),
                new Declaration(Topics.RECONCILIATION, 3, "delete", RETENTION),
                new Declaration(Topics.REPORTS, 3, "delete", RETENTION)));
        CONSUMERS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(consumer -> consumer.getValue().forEach(topic ->
                all.add(new Declaration(Topics.deadLetter(topic, consumer.getKey()), 3, "delete", RETENTION))));
        return List.copyOf(all);
    }
}
