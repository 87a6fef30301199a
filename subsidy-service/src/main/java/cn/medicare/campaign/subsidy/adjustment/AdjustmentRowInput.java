package cn.medicare.campaign.subsidy.adjustment;

/**
 * One row of an agency's monthly list (动态调整名单) as typed: every column is text so that a bad
 * value is that row's problem, not the whole batch's.
 */
record AdjustmentRowInput(String township, String village, String idNumber, String phone, String action, String category,
        String effectiveDate) {

    /** One label for the birth day and the days after it: two would tell which, and so where the birth falls. */
    static final String FROM_BIRTH = "出生之日或其后数日";

    /**
     * The row as the batch shows it, the date replaced: a date that is the birth date, next to the masked number, nearly
     * is the number; one within days of it, next to the newborn's enrolment, too ({@link ValidRow#nearBirth}).
     */
    AdjustmentRowInput shownNearBirth() {
        return new AdjustmentRowInput(township, village, idNumber, phone, action, category, FROM_BIRTH);
    }

    /** Rows end up in exception messages; the ID number and phone must not. */
    @Override
    public String toString() {
        return "AdjustmentRowInput[township=" + township + ", village=" + village + ", action=" + action
                + ", category=" + category + ", effectiveDate=" + effectiveDate + "]";
    }
}
