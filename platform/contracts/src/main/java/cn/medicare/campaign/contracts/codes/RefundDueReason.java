package cn.medicare.campaign.contracts.codes;

/** Why the bureau owes a person money back (应退费). */
public enum RefundDueReason {
    /** 先缴后返: certified for assistance after paying in full. */
    ASSISTANCE_AFTER_PAYMENT,
    /** 重复缴费 */
    DUPLICATE_PAYMENT,
    /** 待遇期开始前退保 */
    WITHDRAWN_BEFORE_COVERAGE
}
