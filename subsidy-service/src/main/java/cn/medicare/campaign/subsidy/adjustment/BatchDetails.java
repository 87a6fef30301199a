package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.kit.web.InputError;
import java.time.Instant;
import java.util.List;

/** A stored batch with the outcome of every row; ID numbers only masked. */
record BatchDetails(String batchId, Agency agency, String month, boolean onTime, Instant submittedAt, int accepted,
        List<RowOutcome> rows) {

    enum Status { ACCEPTED, REJECTED }

    /** The row's values as submitted, except the ID number (masked) and the phone (not kept). */
    record RowOutcome(int row, String idNumberMasked, String township, String village, String action, String category,
            String effectiveDate, Status status, List<InputError> errors) {
    }
}
