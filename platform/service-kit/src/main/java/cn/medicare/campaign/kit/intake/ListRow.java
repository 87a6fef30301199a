package cn.medicare.campaign.kit.intake;

import java.util.Map;

/**
 * One data row of an uploaded list. {@code number} counts data rows from 1 (the header is not a
 * data row, blank rows are skipped and not counted) in CSV, XLSX and JSON alike.
 */
public final class ListRow {

    private final int number;
    private final Map<String, String> cells;
    private final int cellCount;
    private final int headerWidth;
    private final boolean onTheForm;

    ListRow(int number, Map<String, String> cells, int cellCount, int headerWidth, boolean onTheForm) {
        this.number = number;
        this.cells = cells;
        this.cellCount = cellCount;
        this.headerWidth = headerWidth;
        this.onTheForm = onTheForm;
    }

    /** Whether the row comes from an official form as filled in (its header uses the form's labels), not from the API's list. */
    public boolean onTheForm() {
        return onTheForm;
    }

    public int number() {
        return number;
    }

    /** The cell of a column without surrounding spaces; null when the cell or the column is empty or absent. */
    public String get(String column) {
        return cells.get(column);
    }

    /** How many cells the row has: a CSV line may have fewer or more than the header. */
    public int cellCount() {
        return cellCount;
    }

    public int headerWidth() {
        return headerWidth;
    }

    /** The clerk's message for a row whose cells do not line up with the header. */
    public String widthMismatch() {
        return "有 " + cellCount + " 个字段，表头有 " + headerWidth + " 个 / has " + cellCount + " fields, the header has " + headerWidth;
    }
}
