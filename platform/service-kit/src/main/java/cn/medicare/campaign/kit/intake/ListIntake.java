package cn.medicare.campaign.kit.intake;

import cn.medicare.campaign.kit.web.InputError;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way a service reads an uploaded list (名单): CSV, the first sheet of an .xlsx, or JSON
 * rows, each streamed and bounded by {@link IntakeLimits}. Rows are numbered the same way in every
 * format: 1 is the first data row. What it cannot take it answers as problem+json, in Chinese and
 * English: 400 naming the header, row or column, 413 beyond a size limit. docs/intake.md
 */
public final class ListIntake {

    private final IntakeLimits limits;
    private final JsonMapper json;

    public ListIntake(IntakeLimits limits, JsonMapper json) {
        this.limits = limits;
        this.json = json;
    }

    /**
     * @param contentType the request's Content-Type: its charset, when named, wins over detection
     * @return the mapped rows in order, empty when the file holds a header alone
     */
    public <T> List<T> csv(InputStream body, String contentType, ListColumns columns, Function<ListRow, T> row) {
        return CsvRows.read(body, contentType, new RowAssembler<>(columns, limits, row));
    }

    /** @return the mapped rows of the first sheet in order, empty when the sheet holds a header alone */
    public <T> List<T> xlsx(InputStream body, ListColumns columns, Function<ListRow, T> row) {
        return XlsxRows.read(body, limits, new RowAssembler<>(columns, limits, row));
    }

    /**
     * @param field the field of the top-level object that holds the array, or null when the body is the array
     * @return the rows in order, null where the array holds null; empty for an empty array (an empty body, or an absent,
     *     null or repeated field, is a 400 naming it)
     */
    public <T> List<T> jsonRows(InputStream body, String field, Class<T> type) {
        return JsonRows.read(json, body, field, type, limits);
    }

    /**
     * A JSON list's row as bound: its value, or the row's error (numbered from 1, the field named within the row) where a
     * value has the wrong type.
     *
     * @param value null where the array holds null or the row could not be bound
     * @param problem null when the row was bound
     */
    public record JsonRow<T>(T value, InputError problem) {
    }

    /**
     * The same rows, each bound on its own: a row with a value of the wrong type is reported by its number and the
     * others kept, for the lists whose valid rows are applied and invalid rows reported (API.md).
     */
    public <T> List<JsonRow<T>> jsonRowsEach(InputStream body, String field, Class<T> type) {
        return JsonRows.readEach(json, body, field, type, limits);
    }
}
