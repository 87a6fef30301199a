package cn.medicare.campaign.reporting.readmodel;

/**
 * The suite's definitions (DOMAIN.md) as SQL conditions on {@code person_year}, so that every
 * figure and every list applies exactly the same ones.
 */
public final class Definitions {

    /** Registered for the year and not withdrawn by the day bound to the one parameter (today). */
    public static final String REGISTERED = "(registered_at is not null and (withdrawn_on is null or withdrawn_on > ?))";

    /**
     * Settled: paid, net of refunds, at least the payable, or the payable at first settlement when
     * assistance ended after it ({@link Settlement}).
     */
    public static final String SETTLED = """
            (payable_amount is not null
             and paid_amount - refunded_amount >= least(payable_amount, coalesce(settled_payable, payable_amount)))""";

    private Definitions() {
    }
}
