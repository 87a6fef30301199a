package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.kit.web.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an agency list exported as CSV (RFC 4180 quoting) with the header
 * {@code township,village,idNumber,phone,action,category,effectiveDate}; columns are found by name,
 * {@code phone} may be left out.
 */
final class AdjustmentCsv {

    static final List<String> REQUIRED = List.of("township", "village", "idNumber", "action", "category", "effectiveDate");

    private AdjustmentCsv() {
    }

    static List<AdjustmentRowInput> read(String text) {
        return rows(records(text.startsWith("\uFEFF") ? text.substring(1) : text));
    }

    /** The rows of a list already split into cells, the first being the header: from CSV or from a workbook. */
    static List<AdjustmentRowInput> rows(List<List<String>> records) {
        if (records.isEmpty()) {
            throw ApiException.invalid("body", "the list is empty: a header line and at least one row are expected");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip(), i);
        }
        List<String> missing = REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw ApiException.invalid("header", "the header lacks the columns " + String.join(",", missing)
                    + "; expected township,village,idNumber,phone,action,category,effectiveDate");
        }
        List<AdjustmentRowInput> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            rows.add(new AdjustmentRowInput(cell(record, columns.get("township")), cell(record, columns.get("village")),
                    cell(record, columns.get("idNumber")), cell(record, columns.get("phone")),
                    cell(record, columns.get("action")), cell(record, columns.get("category")),
                    cell(record, columns.get("effectiveDate"))));
        }
        return rows;
    }

    private static String cell(List<String> record, Integer column) {
        return column == null || column >= record.size() ? null : record.get(column);
    }

    /** Records without the blank lines spreadsheets leave at the end. */
    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellWasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
                cellWasQuoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                cellWasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(records, record, cell, cellWasQuoted);
                record = new ArrayList<>();
                cell.setLength(0);
                cellWasQuoted = false;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw ApiException.invalid("body", "a quoted cell is never closed: the file is cut off or a quote is missing");
        }
        endRecord(records, record, cell, cellWasQuoted);
        return records;
    }

    private static void endRecord(List<List<String>> records, List<String> record, StringBuilder cell, boolean cellWasQuoted) {
        if (record.isEmpty() && cell.toString().isBlank() && !cellWasQuoted) {
            return;
        }
        record.add(cell.toString());
        records.add(record);
    }
}
