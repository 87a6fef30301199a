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

    /**
     * The same definitions as they stood at a moment ({@code REGISTERED_BY}: the business day twice,
     * registered by then and not withdrawn by then; these joins: the coverage year and the moment
     * for payments, then for refunds). The enrolment counts from its business day; money from when
     * it was paid or refunded.
     */
    public static final String PEOPLE_AS_OF_JOINS = """
            left join (select person_id, sum(amount) as total from payment where coverage_year = ? and paid_at < ?
                       group by person_id) paid_by on paid_by.person_id = person_year.person_id
            left join (select person_id, sum(amount) as total from refund where coverage_year = ? and refunded_at < ?
                       group by person_id) refunded_by on refunded_by.person_id = person_year.person_id""";

    public static final String REGISTERED_BY = "(registered_at is not null and enrolled_on <= ? and (withdrawn_on is null or withdrawn_on > ?))";

    public static final String SETTLED_BY = """
            (payable_amount is not null
             and coalesce(paid_by.total, 0) - coalesce(refunded_by.total, 0)
                 >= least(payable_amount, coalesce(settled_payable, payable_amount)))""";

    private Definitions() {
    }
}
