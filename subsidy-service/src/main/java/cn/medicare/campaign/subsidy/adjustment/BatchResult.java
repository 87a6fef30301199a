package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.kit.web.InputError;
import java.util.List;

/** The answer to a submitted list: how many rows were applied and why the others were not. */
record BatchResult(String batchId, Agency agency, String month, boolean onTime, int accepted, List<RejectedRow> rejected) {

    record RejectedRow(int row, List<InputError> errors) {
    }

    static BatchResult of(BatchDetails batch) {
        return new BatchResult(batch.batchId(), batch.agency(), batch.month(), batch.onTime(), batch.accepted(),
                batch.rows().stream()
                        .filter(row -> row.status() == BatchDetails.Status.REJECTED)
                        .map(row -> new RejectedRow(row.row(), row.errors()))
                        .toList());
    }
}
