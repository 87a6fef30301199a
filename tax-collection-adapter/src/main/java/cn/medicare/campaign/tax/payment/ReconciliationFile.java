package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.kit.intake.ListColumns;
import cn.medicare.campaign.kit.intake.ListIntake;
import cn.medicare.campaign.kit.intake.ListRow;
import cn.medicare.campaign.kit.web.InputError;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the tax bureau's daily file (入库对账), {@code text/csv} with the header
 * {@code voucherNo,idNumber,coverageYear,amount,channel,paidAt}, through the kit's intake. Each row
 * is checked exactly like a payment confirmation; a bad row is reported by its number (1 = the
 * first data row, as in every list) and does not stop the others.
 */
final class ReconciliationFile {

    static final List<String> HEADER = List.of("voucherNo", "idNumber", "coverageYear", "amount", "channel", "paidAt");
    private static final ListColumns COLUMNS = ListColumns.of(HEADER, List.of());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReconciliationFile() {
    }

    /** A bad row of the file; {@code row} counts data rows from 1. */
    record RowRejection(int row, List<InputError> errors) {
    }

    /**
     * @param valid each with its row number as index
     * @param vouchersOnRejectedRows the voucher numbers that could be read on rejected rows: the file names those payments,
     *     even if wrongly, so they are not "unknown to the tax bureau"
     */
    record Rows(List<Confirmation> valid, List<RowRejection> rejected, Set<String> vouchersOnRejectedRows) {
    }

    /** A data row as the confirmation check reads it, or its rejection when its fields do not line up with the header. */
    private record Line(int row, ObjectNode confirmation, RowRejection rejection, String voucherNo) {
    }

    static Rows read(ListIntake intake, byte[] body, String contentType, Clock clock) {
        List<Line> lines = intake.csv(new ByteArrayInputStream(body), contentType, COLUMNS, ReconciliationFile::line);
        ArrayNode confirmations = JSON.createArrayNode();
        List<Integer> rowOf = new ArrayList<>();
        List<RowRejection> rejected = new ArrayList<>();
        Set<String> vouchersOnRejectedRows = new HashSet<>();
        for (Line line : lines) {
            if (line.rejection() != null) {
                rejected.add(line.rejection());
                if (line.voucherNo() != null && !line.voucherNo().isBlank()) {
                    vouchersOnRejectedRows.add(line.voucherNo().strip());
                }
            } else {
                confirmations.add(line.confirmation());
                rowOf.add(line.row());
            }
        }
        ObjectNode wrapped = JSON.createObjectNode();
        wrapped.set("confirmations", confirmations);
        ConfirmationReader.Rows rows = ConfirmationReader.read(wrapped, clock);
        List<Confirmation> valid = rows.valid().stream()
                .map(c -> new Confirmation(rowOf.get(c.index()), c.voucherNo(), c.idNumber(), c.birthDate(), c.coverageYear(), c.amount(), c.channel(),
                        c.paidAt()))
                .toList();
        rows.rejected().forEach(rejection -> {
            String voucherNo = confirmations.get(rejection.index()).path("voucherNo").asString("").strip();
            if (!voucherNo.isEmpty()) {
                vouchersOnRejectedRows.add(voucherNo);
            }
            int row = rowOf.get(rejection.index());
            rejected.add(new RowRejection(row, rejection.errors().stream()
                    .map(error -> InputError.row(row, error.field(), error.message())).toList()));
        });
        rejected.sort((a, b) -> Integer.compare(a.row(), b.row()));
        return new Rows(valid, rejected, vouchersOnRejectedRows);
    }

    private static Line line(ListRow cells) {
        if (cells.cellCount() != cells.headerWidth()) {
            return new Line(cells.number(), null,
                    new RowRejection(cells.number(), List.of(InputError.row(cells.number(), "row", cells.widthMismatch()))),
                    cells.get("voucherNo"));
        }
        ObjectNode confirmation = JSON.createObjectNode();
        HEADER.forEach(column -> confirmation.put(column, cells.get(column) == null ? "" : cells.get(column)));
        return new Line(cells.number(), confirmation, null, cells.get("voucherNo"));
    }
}
