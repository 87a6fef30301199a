package cn.medicare.campaign.kit.intake;

import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON list, the array itself or the array of one field of an object, read element by element:
 * one row's tree at a time is in memory besides the rows already bound.
 */
final class JsonRows {


    private JsonRows() {
    }

    /**
     * @param field the field holding the array, or null when the body is the array
     * @return the rows in order, null where the array holds null; empty for an empty array, a list with no rows
     * @throws ApiException 400 naming the first row and field that could not be bound, or the list's field where it is
     *     missing (an agency's {@code {}} taken for its nil return would have hidden a misspelt field), null or given twice:
     *     the body is refused whole
     */
    static <T> List<T> read(JsonMapper json, InputStream body, String field, Class<T> type, IntakeLimits limits) {
        String prefix = field == null ? "" : field;
        List<ListIntake.JsonRow<T>> rows = readEach(json, body, field, type, limits);
        List<T> values = new ArrayList<>(rows.size());
        for (int index = 0; index < rows.size(); index++) {
            InputError problem = rows.get(index).problem();
            if (problem != null) {
                String within = problem.field() == null ? "" : problem.field().startsWith("[") ? problem.field() : "." + problem.field();
                throw ApiException.invalid(prefix + "[" + index + "]" + within, problem.message());
            }
            values.add(rows.get(index).value());
        }
        return values;
    }

    /**
     * The same rows, a row whose value cannot be bound (a boolean written 是, an unknown category) reported by its number
     * instead of refusing the body: for the lists whose valid rows are applied and whose invalid rows are reported.
     */
    static <T> List<ListIntake.JsonRow<T>> readEach(JsonMapper json, InputStream body, String field, Class<T> type,
            IntakeLimits limits) {
        String shape = field == null ? "[{...}]" : "{\"" + field + "\":[{...}]}";
        List<ListIntake.JsonRow<T>> rows = new ArrayList<>();
        List<InputError> tooLong = new ArrayList<>();
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw ApiException.invalid("body", "请求体为空，名单没有行时请发送空数组 / the body is empty: a list with no rows is " + empty(field));
            }
            if (field != null && !toField(parser, field)) {
                throw ApiException.invalid(field, "必填，名单没有行时请发送空数组 / is required: a list with no rows is " + empty(field));
            }
            JsonToken array = field == null ? first : parser.nextToken();
            if (array != JsonToken.START_ARRAY) {
                throw ApiException.invalid(field == null ? "body" : field, "应为数组 / is an array of objects: " + shape);
            }
            ObjectReader rowReader = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                int index = rows.size();
                if (index >= limits.maxRows()) {
                    throw Refusals.tooManyRows(limits.maxRows());
                }
                if (token == JsonToken.VALUE_NULL) {
                    rows.add(new ListIntake.JsonRow<>(null, null));
                    continue;
                }
                JsonNode row = rowReader.readValue(parser);
                longText(row, "", index + 1, limits.maxCellLength(), tooLong);
                if (tooLong.size() >= RowAssembler.MAX_REPORTED) {
                    throw Refusals.cells(tooLong);
                }
                rows.add(bind(json, row, type, index + 1));
            }
            nothingAfter(parser, field);
        } catch (JacksonException e) {
            throw Refusals.within(e).orElseGet(() -> Refusals.notJson(shape));
        }
        if (!tooLong.isEmpty()) {
            throw Refusals.cells(tooLong);
        }
        return rows;
    }

    private static String empty(String field) {
        return field == null ? "[]" : "{\"" + field + "\":[]}";
    }

    /**
     * The rest of the body after the array: the object's other fields, never the list's field again (a JSON reader takes
     * the first or the last of two, so which rows were meant is unknown), and nothing after the body's own end.
     */
    private static void nothingAfter(JsonParser parser, String field) {
        if (field != null) {
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                if (field.equals(parser.currentName())) {
                    throw ApiException.invalid(field, "出现了两次，只能有一个名单 / appears twice: a body holds one list");
                }
                parser.nextToken();
                parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            throw ApiException.invalid("body", "名单之后还有其他内容 / holds more after the list: one JSON value is expected");
        }
    }

    /** Moves to the value of the field in the top-level object; false when the object has no such field. */
    private static boolean toField(JsonParser parser, String field) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw ApiException.invalid("body", "应为对象 / is an object {\"" + field + "\":[...]}");
        }
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            if (field.equals(parser.currentName())) {
                return true;
            }
            parser.nextToken();
            parser.skipChildren();
        }
        return false;
    }

    private static <T> ListIntake.JsonRow<T> bind(JsonMapper json, JsonNode row, Class<T> type, int number) {
        try {
            return new ListIntake.JsonRow<>(json.treeToValue(row, type), null);
        } catch (DatabindException e) {
            String field = path(e);
            String within = field.isEmpty() ? null : field.startsWith(".") ? field.substring(1) : field;
            return new ListIntake.JsonRow<>(null, InputError.row(number, within, expectation(e)));
        }
    }

    /** What the wrong field should be; the contracts' own checks say it in words that never quote the value. */
    private static String expectation(DatabindException e) {
        Throwable rule = e.getCause();
        if (rule instanceof NullPointerException) {
            return "为必填项 / is required";
        }
        if (rule instanceof IllegalArgumentException && rule.getMessage() != null) {
            return rule.getMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target == Boolean.class || target == boolean.class) {
                return "应为 true 或 false / is true or false";
            }
            if (target.isEnum()) {
                String values = Arrays.toString(target.getEnumConstants());
                return "应为 " + values + " 之一 / is one of " + values;
            }
            return "格式不正确 / is not a valid " + target.getSimpleName();
        }
        return "格式不对：行是对象，值是文本 / has the wrong shape: each row is an object whose values are text";
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            path.append(reference.getPropertyName() != null ? "." + reference.getPropertyName() : "[" + reference.getIndex() + "]");
        }
        return path.toString();
    }

    private static void longText(JsonNode node, String path, int row, int maxLength, List<InputError> tooLong) {
        if (node.isString() && node.asString().length() > maxLength) {
            tooLong.add(Refusals.cellTooLong(row, path.isEmpty() ? null : path, maxLength));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                longText(property.getValue(), path.isEmpty() ? property.getKey() : path + "." + property.getKey(), row, maxLength,
                        tooLong);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                longText(node.get(i), path + "[" + i + "]", row, maxLength, tooLong);
            }
        }
    }
}
