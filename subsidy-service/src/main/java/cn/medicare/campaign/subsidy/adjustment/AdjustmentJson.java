package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.kit.web.ApiException;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code {"rows":[...]}}. Read here rather than by the framework so that an unreadable body
 * is a 400 naming the field, and so that no parser message repeats what was typed (an ID number).
 */
final class AdjustmentJson {

    record RowsBody(List<AdjustmentRowInput> rows) {
    }

    private AdjustmentJson() {
    }

    static List<AdjustmentRowInput> read(JsonMapper json, byte[] body) {
        if (body == null || body.length == 0) {
            return List.of();
        }
        try {
            RowsBody rows = json.readValue(body, RowsBody.class);
            return rows == null || rows.rows() == null ? List.of() : rows.rows();
        } catch (DatabindException e) {
            if (!e.getPath().isEmpty()) {
                throw ApiException.invalid(path(e), "has the wrong shape: rows is an array of objects whose values are text");
            }
            throw unreadable();
        } catch (JacksonException e) {
            throw unreadable();
        }
    }

    private static ApiException unreadable() {
        return ApiException.invalid("body", "the body is not valid JSON of the form {\"rows\":[{...}]}");
    }

    private static String path(DatabindException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? "." + reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
