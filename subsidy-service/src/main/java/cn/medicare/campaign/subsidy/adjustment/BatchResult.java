package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.kit.web.InputError;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** The answer to a submitted list: how many rows were applied and why the others were not. */
record BatchResult(String batchId, Agency agency, String month, boolean onTime, int accepted, List<RejectedRow> rejected) {

    record RejectedRow(int row, List<InputError> errors) {
    }

    /** The answer to a list just applied, from its rows in hand: reading 5,000 stored outcomes back told nothing more. */
    static BatchResult of(UUID batchId, Agency agency, YearMonth month, boolean onTime, List<CheckedRow> rows) {
        return new BatchResult(batchId.toString(), agency, month.toString(), onTime, (int) rows.stream().filter(CheckedRow::accepted).count(),
                rows.stream().filter(row -> !row.accepted()).map(row -> new RejectedRow(row.row(), row.errors())).toList());
    }

    /** The answer to a repeated list: the first one's, as stored. */
    static BatchResult of(BatchDetails batch) {
        return new BatchResult(batch.batchId(), batch.agency(), batch.month(), batch.onTime(), batch.accepted(),
                batch.rows().stream()
                        .filter(row -> row.status() == BatchDetails.Status.REJECTED)
                        .map(row -> new RejectedRow(row.row(), row.errors()))
                        .toList());
    }
}
