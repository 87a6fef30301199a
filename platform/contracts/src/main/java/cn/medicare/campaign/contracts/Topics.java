package cn.medicare.campaign.contracts;

import java.util.List;
import java.util.Objects;

/**
 * Kafka topic names of EVENTS.md. A breaking change of a payload is a new topic version
 * ({@code .v2}), never an edit of these names.
 */
public final class Topics {

    /** Campaigns and township targets (compacted), keyed {@code region:coverageYear:campaign} and {@code ...:targets}. */
    public static final String CAMPAIGN = "insurance.campaign.v1";
    /** The roster (参保登记), keyed by personId. */
    public static final String ROSTER = "insurance.roster.v1";
    /** Assistance eligibility (资助参保) and assessed contributions, keyed by personId. */
    public static final String ELIGIBILITY = "insurance.eligibility.v1";
    /** Payments reported back by the tax bureau (缴费信息回传), keyed by personId. */
    public static final String PAYMENTS = "insurance.payments.v1";
    /** Daily treasury reconciliation (入库对账), keyed by date. */
    public static final String RECONCILIATION = "insurance.reconciliation.v1";
    /** Published reports (通报), keyed by report id. */
    public static final String REPORTS = "insurance.reports.v1";

    public static final List<String> ALL =
            List.of(CAMPAIGN, ROSTER, ELIGIBILITY, PAYMENTS, RECONCILIATION, REPORTS);

    private Topics() {
    }

    /**
     * The dead-letter topic of one consumer group: each group gets its own so that a record one
     * consumer rejects never disturbs another consumer of the same topic.
     */
    public static String deadLetter(String topic, String consumerGroup) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(consumerGroup, "consumerGroup");
        return topic + "." + consumerGroup + ".dlt";
    }
}
