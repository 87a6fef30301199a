package cn.medicare.campaign.subsidy.adjustment;

/**
 * One row of an agency's monthly list (动态调整名单) as typed: every column is text so that a bad
 * value is that row's problem, not the whole batch's.
 */
record AdjustmentRowInput(String township, String village, String idNumber, String phone, String action, String category,
        String effectiveDate) {

    /** What a batch shows for a date that is the birth date of the row's ID number. */
    static final String FROM_BIRTH = "出生之日";

    static final String NEAR_BIRTH = "出生后" + ValidRow.DAYS_NEAR_BIRTH + "日内";

    /**
     * The row as the batch shows it, the date replaced: a date that is the birth date, next to the masked number, nearly
     * is the number; one within days of it, next to the newborn's enrolment, too (ValidRow.nearBirth).
     */
    AdjustmentRowInput shownNearBirth(boolean onTheBirthDay) {
        return new AdjustmentRowInput(township, village, idNumber, phone, action, category, onTheBirthDay ? FROM_BIRTH : NEAR_BIRTH);
    }

    /** Rows end up in exception messages; the ID number and phone must not. */
    @Override
    public String toString() {
        return "AdjustmentRowInput[township=" + township + ", village=" + village + ", action=" + action
                + ", category=" + category + ", effectiveDate=" + effectiveDate + "]";
    }
}
