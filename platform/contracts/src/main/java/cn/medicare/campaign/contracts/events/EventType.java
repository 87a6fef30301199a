package cn.medicare.campaign.contracts.events;

import cn.medicare.campaign.contracts.Topics;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of EVENTS.md with its topic, its payload record and the service that publishes it. */
public enum EventType {
    CAMPAIGN_DEFINED("CampaignDefined", Topics.CAMPAIGN, CampaignDefined.class, "enrollment-service"),
    TARGETS_SET("TargetsSet", Topics.CAMPAIGN, TargetsSet.class, "enrollment-service"),
    PERSON_ENROLLED("PersonEnrolled", Topics.ROSTER, PersonEnrolled.class, "enrollment-service"),
    PERSON_UPDATED("PersonUpdated", Topics.ROSTER, PersonUpdated.class, "enrollment-service"),
    PERSON_WITHDRAWN("PersonWithdrawn", Topics.ROSTER, PersonWithdrawn.class, "enrollment-service"),
    E_VOUCHER_ACTIVATED("EVoucherActivated", Topics.ROSTER, EVoucherActivated.class, "enrollment-service"),
    ELIGIBILITY_ADJUSTED("EligibilityAdjusted", Topics.ELIGIBILITY, EligibilityAdjusted.class, "subsidy-service"),
    CONTRIBUTION_ASSESSED("ContributionAssessed", Topics.ELIGIBILITY, ContributionAssessed.class, "subsidy-service"),
    PAYMENT_CONFIRMED("PaymentConfirmed", Topics.PAYMENTS, PaymentConfirmed.class, "tax-collection-adapter"),
    PAYMENT_REFUNDED("PaymentRefunded", Topics.PAYMENTS, PaymentRefunded.class, "tax-collection-adapter"),
    REFUND_DUE("RefundDue", Topics.PAYMENTS, RefundDue.class, "tax-collection-adapter"),
    COVERAGE_STARTED("CoverageStarted", Topics.PAYMENTS, CoverageStarted.class, "tax-collection-adapter"),
    COVERAGE_REVOKED("CoverageRevoked", Topics.PAYMENTS, CoverageRevoked.class, "tax-collection-adapter"),
    RECONCILIATION_COMPLETED("ReconciliationCompleted", Topics.RECONCILIATION, ReconciliationCompleted.class, "tax-collection-adapter"),
    REPORT_PUBLISHED("ReportPublished", Topics.REPORTS, ReportPublished.class, "reporting-service"),
    LISTS_ISSUED("ListsIssued", Topics.REPORTS, ListsIssued.class, "reporting-service");

    private static final Map<String, EventType> BY_TYPE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));

    private final String typeName;
    private final String topic;
    private final Class<? extends Event> payloadClass;
    private final String producer;

    EventType(String typeName, String topic, Class<? extends Event> payloadClass, String producer) {
        this.typeName = typeName;
        this.topic = topic;
        this.payloadClass = payloadClass;
        this.producer = producer;
    }

    /** The one service that publishes this type (its {@code source} header, its outbox). */
    public String producer() {
        return producer;
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
