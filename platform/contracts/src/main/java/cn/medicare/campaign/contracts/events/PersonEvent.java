package cn.medicare.campaign.contracts.events;

/**
 * An event about one person in one coverage year, keyed by personId so that all facts about a
 * person stay in order on their topic.
 */
public sealed interface PersonEvent extends Event
        permits PersonEnrolled, PersonUpdated, PersonWithdrawn, EligibilityAdjusted, ContributionAssessed,
                PaymentConfirmed, PaymentRefunded, RefundDue, CoverageStarted, CoverageRevoked,
                EVoucherActivated {

    String personId();

    int coverageYear();

    /** The 6-digit county code (县级行政区划代码). */
    String region();

    @Override
    default String key() {
        return personId();
    }
}
