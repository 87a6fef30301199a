package cn.medicare.campaign.kit.intake;

import cn.medicare.campaign.kit.web.InputError;
import cn.medicare.campaign.kit.web.RequestValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the records of a file, whatever its format, into numbered rows: the first non-blank
 * record is the header (after a form's title rows, where the list is an official form), blank
 * records (or with nothing but a 序号) are skipped, every other one is data row 1, 2, ... Bounds
 * the rows and the cells as it goes, so a refusal comes before the rest is read. A cell too long or
 * holding a control character (a NUL, which PostgreSQL cannot store; an .xlsx {@code _x0000_})
 * refuses the file, naming its row and column, as a JSON body's field is refused
 * ({@code RequestValues}): nothing of a damaged file is applied.
 */
final class RowAssembler<T> {

    /** Enough to show the clerk where the problem lies without answering with a list as long as the file. */
    static final int MAX_REPORTED = 100;

    private final ListColumns columns;
    private final IntakeLimits limits;
    private final Function<ListRow, T> mapper;
    private final List<T> rows = new ArrayList<>();
    private final List<InputError> refusedCells = new ArrayList<>();
    private Header header;
    private int titleRows;
    private int number;

    RowAssembler(ListColumns columns, IntakeLimits limits, Function<ListRow, T> mapper) {
        this.columns = columns;
        this.limits = limits;
        this.mapper = mapper;
    }

    /** The positions worth keeping for the next record: the header's width once it is known. */
    int keptWidth() {
        return header == null ? Integer.MAX_VALUE : header.width();
    }

    /** The number the next data row would get: where a reading failure is reported. */
    int nextRow() {
        return number + 1;
    }

    /** @param cells by position, null or blank for empty cells; {@code cellCount} counts the record's cells */
    void record(List<String> cells, int cellCount) {
        if (cells.stream().allMatch(cell -> cell == null || cell.isBlank())) {
            return;
        }
        if (header == null) {
            if (titleRows < ListColumns.MAX_TITLE_ROWS && columns.isTitle(cells)) {
                titleRows++;
                return;
            }
            header = Header.of(cells, columns);
            return;
        }
        if (nothingButASerialNumber(cells)) {
            return;
        }
        number++;
        if (number > limits.maxRows()) {
            throw Refusals.tooManyRows(limits.maxRows());
        }
        Map<String, String> byColumn = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String column = header.columnAt(i);
            String cell = cells.get(i) == null ? "" : cells.get(i).strip();
            if (column == null || cell.isEmpty()) {
                continue;
            }
            String problem = cell.length() > limits.maxCellLength() ? Refusals.tooLong(limits.maxCellLength())
                    : RequestValues.problemWithText(cell);
            if (problem != null) {
                refusedCells.add(InputError.row(number, column, problem));
                if (refusedCells.size() >= MAX_REPORTED) {
                    throw Refusals.cells(refusedCells);
                }
                continue;
            }
            byColumn.put(column, cell);
        }
        if (refusedCells.isEmpty()) {
            rows.add(mapper.apply(new ListRow(number, byColumn, cellCount, header.width(), header.onTheForm())));
        }
    }

    /**
     * A record with nothing but a 序号 is blank: a form's 序号 filled down past the last row (typed, or {@code =ROW()-4}),
     * on a nil return (零报告) too, is no row to refuse.
     */
    private boolean nothingButASerialNumber(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (!header.ignoresAt(i) && cells.get(i) != null && !cells.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The rows; an empty list when the file holds a header alone. */
    List<T> finish() {
        if (header == null) {
            throw Refusals.empty();
        }
        if (!refusedCells.isEmpty()) {
            throw Refusals.cells(refusedCells);
        }
        return rows;
    }
}
