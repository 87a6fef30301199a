package cn.medicare.campaign.contracts.events;

import cn.medicare.campaign.contracts.Topics;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of EVENTS.md with its topic and payload record. */
public enum EventType {
    CAMPAIGN_DEFINED("CampaignDefined", Topics.CAMPAIGN, CampaignDefined.class),
    TARGETS_SET("TargetsSet", Topics.CAMPAIGN, TargetsSet.class),
    PERSON_ENROLLED("PersonEnrolled", Topics.ROSTER, PersonEnrolled.class),
    PERSON_UPDATED("PersonUpdated", Topics.ROSTER, PersonUpdated.class),
    PERSON_WITHDRAWN("PersonWithdrawn", Topics.ROSTER, PersonWithdrawn.class),
    E_VOUCHER_ACTIVATED("EVoucherActivated", Topics.ROSTER, EVoucherActivated.class),
    ELIGIBILITY_ADJUSTED("EligibilityAdjusted", Topics.ELIGIBILITY, EligibilityAdjusted.class),
    CONTRIBUTION_ASSESSED("ContributionAssessed", Topics.ELIGIBILITY, ContributionAssessed.class),
    PAYMENT_CONFIRMED("PaymentConfirmed", Topics.PAYMENTS, PaymentConfirmed.class),
    PAYMENT_REFUNDED("PaymentRefunded", Topics.PAYMENTS, PaymentRefunded.class),
    REFUND_DUE("RefundDue", Topics.PAYMENTS, RefundDue.class),
    COVERAGE_STARTED("CoverageStarted", Topics.PAYMENTS, CoverageStarted.class),
    RECONCILIATION_COMPLETED("ReconciliationCompleted", Topics.RECONCILIATION, ReconciliationCompleted.class),
    REPORT_PUBLISHED("ReportPublished", Topics.REPORTS, ReportPublished.class),
    LISTS_ISSUED("ListsIssued", Topics.REPORTS, ListsIssued.class);

    private static final Map<String, EventType> BY_TYPE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));

    private final String typeName;
    private final String topic;
    private final Class<? extends Event> payloadClass;

    EventType(String typeName, String topic, Class<? extends Event> payloadClass) {
        this.typeName = typeName;
        this.topic = topic;
        this.payloadClass = payloadClass;
    }

    /** The name in the {@code type} header, e.g. {@code PersonEnrolled}. */
    public String typeName() {
        return typeName;
    }

    public String topic() {
        return topic;
    }

    /** The value of the {@code schemaVersion} header; it changes only with a new topic version. */
    public int schemaVersion() {
        return 1;
    }

    public Class<? extends Event> payloadClass() {
        return payloadClass;
    }

    public static EventType ofTypeName(String typeName) {
        EventType type = BY_TYPE_NAME.get(typeName);
        if (type == null) {
            throw new IllegalArgumentException("unknown event type: " + typeName);
        }
        return type;
    }
}
