package cn.medicare.campaign.subsidy.adjustment;

/**
 * One row of an agency's monthly list (动态调整名单) as typed: every column is text so that a bad
 * value is that row's problem, not the whole batch's.
 */
record AdjustmentRowInput(String township, String village, String idNumber, String phone, String action, String category,
        String effectiveDate) {

    /** What a batch shows for a date that is the birth date of the row's ID number. */
    static final String FROM_BIRTH = "出生之日";

    /** The row as the batch shows it, the date replaced: a date that is the birth date, next to the masked number, nearly is the number. */
    AdjustmentRowInput shownFromBirth() {
        return new AdjustmentRowInput(township, village, idNumber, phone, action, category, FROM_BIRTH);
    }

    /** Rows end up in exception messages; the ID number and phone must not. */
    @Override
    public String toString() {
        return "AdjustmentRowInput[township=" + township + ", village=" + village + ", action=" + action
                + ", category=" + category + ", effectiveDate=" + effectiveDate + "]";
    }
}
