package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.contracts.identity.NearBirthRule;

/**
 * One row of an agency's monthly list (动态调整名单) as typed: every column is text so that a bad
 * value is that row's problem, not the whole batch's.
 */
record AdjustmentRowInput(String township, String village, String idNumber, String phone, String action, String category,
        String effectiveDate) {

    /**
     * The row as the batch shows it, the date replaced: a date that is the birth date, next to the masked number, nearly
     * is the number; one within days of it, next to the newborn's enrolment, too ({@link NearBirthRule}).
     */
    AdjustmentRowInput shownNearBirth() {
        return new AdjustmentRowInput(township, village, idNumber, phone, action, category, NearBirthRule.SHOWN);
    }

    /** Rows end up in exception messages; the ID number and phone must not. */
    @Override
    public String toString() {
        return "AdjustmentRowInput[township=" + township + ", village=" + village + ", action=" + action
                + ", category=" + category + ", effectiveDate=" + effectiveDate + "]";
    }
}
