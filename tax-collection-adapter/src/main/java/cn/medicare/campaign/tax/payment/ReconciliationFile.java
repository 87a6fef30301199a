package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the tax bureau's daily file (入库对账), {@code text/csv} with the header
 * {@code voucherNo,idNumber,coverageYear,amount,channel,paidAt}. Each row is checked exactly like
 * a payment confirmation; a bad row is reported by its line number and does not stop the others.
 */
final class ReconciliationFile {

    static final List<String> HEADER = List.of("voucherNo", "idNumber", "coverageYear", "amount", "channel", "paidAt");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReconciliationFile() {
    }

    /** A bad row of the file; {@code row} is the line number, the header being line 1. */
    record RowRejection(int row, List<InputError> errors) {
    }

    /** @param valid each with its line number as index */
    record Rows(List<Confirmation> valid, List<RowRejection> rejected) {
    }

    static Rows read(byte[] body, LocalDate today) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !cells(lines.get(0)).equals(HEADER)) {
            throw ApiException.invalid("header", "is the first line: " + String.join(",", HEADER));
        }
        ArrayNode confirmations = JSON.createArrayNode();
        List<Integer> lineOf = new ArrayList<>();
        List<RowRejection> rejected = new ArrayList<>();
        for (int line = 2; line <= lines.size(); line++) {
            String content = lines.get(line - 1);
            if (content.isBlank()) {
                continue;
            }
            List<String> cells = cells(content);
            if (cells.size() != HEADER.size()) {
                rejected.add(new RowRejection(line, List.of(InputError.row(line, "row",
                        "has " + cells.size() + " fields; the header has " + HEADER.size()))));
                continue;
            }
            ObjectNode row = confirmations.addObject();
            for (int i = 0; i < HEADER.size(); i++) {
                row.put(HEADER.get(i), cells.get(i));
            }
            lineOf.add(line);
        }
        ObjectNode wrapped = JSON.createObjectNode();
        wrapped.set("confirmations", confirmations);
        ConfirmationReader.Rows rows = ConfirmationReader.read(wrapped, today);
        List<Confirmation> valid = rows.valid().stream()
                .map(c -> new Confirmation(lineOf.get(c.index()), c.voucherNo(), c.idNumber(), c.coverageYear(), c.amount(), c.channel(),
                        c.paidAt()))
                .toList();
        rows.rejected().forEach(rejection -> {
            int line = lineOf.get(rejection.index());
            rejected.add(new RowRejection(line, rejection.errors().stream()
                    .map(error -> InputError.row(line, error.field(), error.message())).toList()));
        });
        rejected.sort((a, b) -> Integer.compare(a.row(), b.row()));
        return new Rows(valid, rejected);
    }

    /** Fields never hold commas; quotes some spreadsheet exports add are dropped. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            String value = cell.strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1).strip();
            }
            cells.add(value);
        }
        return cells;
    }
}
