package cn.medicare.campaign.contracts.codes;

/** 待遇享受起始: the day a coverage rule starts a person's coverage from (before any waiting period). */
public enum CoverageFrom {
    /** 1 January of the coverage year */
    YEAR_START,
    /** the date of the special case's event (birth, lapse, discharge, release, admission, certification) */
    EVENT_DATE,
    /** the day of the enrolment */
    ENROLMENT_DATE,
    /** the day the person pays (缴费之日) */
    PAYMENT_DATE,
    /** the day after the person pays (缴费次日) */
    DAY_AFTER_PAYMENT,
    /** 1 September of the year before the coverage year (college freshmen) */
    PRIOR_SEPTEMBER_1;

    /** True when the start is known only once the person has paid. */
    public boolean atPayment() {
        return this == PAYMENT_DATE || this == DAY_AFTER_PAYMENT;
    }
}
