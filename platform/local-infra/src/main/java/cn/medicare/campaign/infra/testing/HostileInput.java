package cn.medicare.campaign.infra.testing;

import cn.medicare.campaign.fixtures.Liancheng;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input for property tests of a service's HTTP API (jqwik generators): a valid request
 * body with one value replaced by something a careless or malicious client sends (NUL and other
 * control characters, text too long even after trimming, numbers beyond any column, dates
 * beyond PostgreSQL's range, instants at the ends of time, wrong JSON types, nulls in arrays,
 * unknown enum values, deep nesting), whole bodies that are no request at all, and hostile query
 * parameters, path segments and header values.
 */
public final class HostileInput {

    /** A request body and the content type it is sent with (null: no Content-Type header). */
    public record Body(String contentType, String text, String mutation) {

        @Override
        public String toString() {
            // jqwik prints the falsifying sample: show the mutation, not megabytes of nesting
            return mutation + " as " + contentType + " (" + text.length() + " chars)";
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MARK = "\u0001hostile\u0001";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern AMOUNT = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]+");

    /** A plain ID number with a valid check character: an answer must never echo one. */
    public static final String ID_NUMBER = Liancheng.idNumber(401);

    private HostileInput() {
    }

    /** Hostile text, as Java strings. */
    public static Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.of("\u0000", "abc\u0000def", "\u0001\u0002\u001b\u001f\u007f", "\u0085\u2028\u2029\u200b", "\t\r\n",
                        "", "   ", " ".repeat(300), "  " + "长".repeat(101) + "  ",
                        // as long as a 100- or 50-character column allows once trimmed, longer as sent
                        "\u3000" + "长".repeat(100) + "\u3000\u3000", " " + "名".repeat(50) + "\u00a0  ", "x".repeat(64) + "   ", "x".repeat(10_001), "\ud800", "\udfff\ud800",
                        "😀".repeat(60), "'; drop table outbox; --", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
                        ID_NUMBER, ID_NUMBER.toLowerCase() + "x", "%00", "\\u0000", "null", "350825\u0000100"),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars("a长 X\u007f").ofMaxLength(120),
                Arbitraries.strings().withChars("长x \u3000\u00a0").ofMinLength(51).ofMaxLength(400),
                Arbitraries.strings().all().ofMaxLength(60));
    }

    /** Hostile numbers, as JSON texts (some of them quoted, as amounts are sent). */
    public static Arbitrary<String> numbers() {
        Arbitrary<String> plain = Arbitraries.oneOf(
                Arbitraries.of("0", "-1", "-0", "1e308", "-1e308", "1e-400", "1e400", "9223372036854775807", "9223372036854775808",
                        "-9223372036854775809", "2147483647", "2147483648", "-2147483649", "0.001", "123.456", "1E+5",
                        "99999999999999999999.99", "100000000", "10000000000.00", "99999999.99", "100000000.00", "-0.01",
                        "12345678901234567890123456789012345678901234567890", "0." + "0".repeat(400) + "1"),
                Arbitraries.bigDecimals().between(new java.math.BigDecimal("-1e24"), new java.math.BigDecimal("1e24"))
                        .ofScale(3).map(java.math.BigDecimal::toPlainString),
                Arbitraries.longs().map(String::valueOf));
        return Arbitraries.oneOf(plain, plain.map(HostileInput::quoted),
                Arbitraries.of("\"NaN\"", "\"-Infinity\"", "\"1e400\"", "\"1,000.00\"", "\"１８０\"", "\"\"", "\" 180.00 \""));
    }

    /** Hostile dates, as JSON texts: beyond PostgreSQL's range (4713 BC to 5874897 AD) and not dates at all. */
    public static Arbitrary<String> dates() {
        return Arbitraries.oneOf(
                Arbitraries.of("0000-01-01", "-0001-01-01", "+294277-01-01", "+9999999-12-31", "-4714-11-23", "+5874898-01-01",
                        "-999999999-01-01", "+999999999-12-31", "2017-02-30", "2017-13-01", "20171009", "2017-10-09T00:00:00Z",
                        "9999-12-31", "0001-01-01", "1900-01-01", "2100-01-01", "10/09/2017", "").map(HostileInput::quoted),
                Arbitraries.of("20171009", "-1", "0", "[2017,10,9]", "1e10"),
                Arbitraries.integers().between(-1_000_000, 10_000_000)
                        .map(year -> quoted((year < 0 ? "-" : year > 9999 ? "+" : "") + pad(Math.abs(year)) + "-06-30")));
    }

    /** Instants at and beyond the ends of time, as JSON texts. */
    public static Arbitrary<String> instants() {
        return Arbitraries.oneOf(
                Arbitraries.of("-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
                        "0000-01-01T00:00:00Z", "+294277-01-01T00:00:00Z", "-4714-11-24T00:00:00Z", "2017-10-09T02:15:00",
                        "2017-10-09T02:15:00+25:00", "2017-10-09", "").map(HostileInput::quoted),
                Arbitraries.longs().between(-31557014167219200L, 31556889864403199L)
                        .map(seconds -> quoted(java.time.Instant.ofEpochSecond(seconds).toString())),
                Arbitraries.of("0", "-1", "9223372036854775807"));
    }

    /** Values of the wrong JSON type, nulls in arrays, deep nesting. */
    public static Arbitrary<String> wrongTypes() {
        return Arbitraries.of("true", "null", "[]", "{}", "[null]", "[null,null]", "{\"a\":null}", "1.5", "\"text\"", "[[[[]]]]",
                "[".repeat(3000) + "]".repeat(3000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000), "[1,\"a\",{},null]");
    }

    /** Code values that are no member of the enumeration. */
    public static Arbitrary<String> codes() {
        return Arbitraries.of("NOT_A_VALUE", "general", "", " GENERAL", "GENERAL\u0000", "新增", "GENERAL,STUDENT", "0")
                .map(HostileInput::quoted);
    }

    /** Any hostile JSON value, whatever the field. */
    public static Arbitrary<String> values() {
        return Arbitraries.oneOf(texts().map(HostileInput::quoted), numbers(), dates(), instants(), wrongTypes(), codes());
    }

    /**
     * Bodies that differ from {@code validJson} in one hostile place: one value replaced (by a
     * value of its own kind more often than not), one field dropped or repeated, or the body as a
     * whole broken or sent as another content type.
     */
    public static Arbitrary<Body> bodies(String validJson) {
        JsonNode template = JSON.readTree(validJson);
        List<String> paths = new ArrayList<>();
        collect(template, "", paths);
        Arbitrary<Body> replaced = Arbitraries.of(paths).flatMap(path -> {
            JsonNode at = template.at(path);
            return Arbitraries.oneOf(valuesLike(at), values())
                    .map(value -> new Body("application/json", replace(template, path, value), "replaced " + path + " by " + shown(value)));
        });
        Arbitrary<Body> dropped = Arbitraries.of(paths).filter(path -> !path.isEmpty() && !path.matches(".*/\\d+$"))
                .map(path -> new Body("application/json", remove(template, path), "dropped " + path));
        Arbitrary<Body> repeated = Arbitraries.of(paths).filter(path -> path.matches("/[^/]+")).flatMap(path -> values()
                .map(value -> new Body("application/json", "{\"" + path.substring(1) + "\":" + value + "," + validJson.strip().substring(1),
                        "repeated key " + path + " with " + shown(value))));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, replaced),
                net.jqwik.api.Tuple.of(1, dropped),
                net.jqwik.api.Tuple.of(1, repeated),
                net.jqwik.api.Tuple.of(1, wholeBodies(validJson)));
    }

    /** Bodies that are no request at all, and the valid body under content types it is not. */
    public static Arbitrary<Body> wholeBodies(String validJson) {
        Arbitrary<Body> broken = Arbitraries.of("", " ", "null", "[]", "{}", "{", "\u0000", "\"" + ID_NUMBER + "\"", "[" + validJson + "]",
                validJson + "}", validJson + validJson, "[".repeat(5000), "{\"a\":".repeat(5000),
                validJson.replace("\"", "'"), "\ufeff" + validJson, validJson.replaceFirst(":", ":\u0000"))
                .map(text -> new Body("application/json", text, "broken body"));
        Arbitrary<Body> otherType = Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data", "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1",
                "application/json; charset=nonsense", "*/*", "garbage", "application/problem+json", "text/csv")
                .map(type -> new Body(type, validJson, "content type " + type));
        return Arbitraries.oneOf(broken, otherType, Arbitraries.just(new Body(null, validJson, "no content type")));
    }

    /** Hostile values for one query parameter, already encoded for a URL (so that %00 reaches the server). */
    public static Arbitrary<String> queryValues() {
        return Arbitraries.oneOf(
                Arbitraries.oneOf(texts(), Arbitraries.of("-1", "0", "2147483648", "99999999999999999999", "1e3", "2018.0", " 2018",
                        "-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
                        "0000-01", "+294277-01", "2017-13", "9999999-01", "2018-1", "MONTHLY\u0000", "YEARLY", "TOWNSHIP", "x".repeat(3000)))
                        .map(text -> URLEncoder.encode(text, StandardCharsets.UTF_8)),
                Arbitraries.of("%00", "%ff%fe", "%c0%80", "%ed%a0%80", "350825%00", "2018%00", "%0a%0d", "&", "=", ""));
    }

    /** Hostile path segments, already encoded. */
    public static Arbitrary<String> pathSegments() {
        return Arbitraries.oneOf(
                Arbitraries.of("abc", "-1", "0", "2147483648", "99999999999999999999", "x".repeat(5000), "１２３", "2018.5", " 2018",
                        ID_NUMBER, "0".repeat(33), "null", "长".repeat(300))
                        .map(text -> URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20")),
                Arbitraries.of("%00", "350825%00", "%2F", "..", "%2e%2e", "%25", "%ff", "%c0%ae", "%3B", ";a=b", "a%0ab"));
    }

    /** Hostile header values (those an HTTP client lets through). */
    public static Arbitrary<String> headerValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "x".repeat(7000), "-1", "99999999999999999999", "1e400", "0", ID_NUMBER, "%00", "\u00ff\u00fe",
                        "abc def", "null", "'; drop table batch; --"),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(300));
    }

    /** A value as a failure report shows it: short, with control characters escaped. */
    private static String shown(String value) {
        String escaped = quoted(value.length() > 40 ? value.substring(0, 40) + "...(" + value.length() + " chars)" : value);
        return escaped.substring(1, escaped.length() - 1);
    }

    static String quoted(String text) {
        return JSON.writeValueAsString(text);
    }

    private static String pad(int year) {
        return String.format("%04d", year);
    }

    private static Arbitrary<String> valuesLike(JsonNode node) {
        if (node.isNumber()) {
            return Arbitraries.oneOf(numbers(), wrongTypes());
        }
        if (node.isBoolean()) {
            return Arbitraries.oneOf(wrongTypes(), texts().map(HostileInput::quoted));
        }
        if (node.isArray()) {
            return Arbitraries.oneOf(wrongTypes(), values().map(value -> "[" + value + "]"),
                    values().map(value -> "[" + (node.isEmpty() ? "" : node.get(0).toString() + ",") + value + "]"));
        }
        if (node.isString()) {
            String text = node.asString();
            if (INSTANT.matcher(text).matches()) {
                return instants();
            }
            if (DATE.matcher(text).matches()) {
                return dates();
            }
            if (MONTH.matcher(text).matches()) {
                return Arbitraries.oneOf(dates(), Arbitraries.of("\"0000-01\"", "\"+294277-01\"", "\"-0001-12\"", "\"2017-13\""));
            }
            if (AMOUNT.matcher(text).matches()) {
                return numbers();
            }
            if (CODE.matcher(text).matches()) {
                return codes();
            }
            return texts().map(HostileInput::quoted);
        }
        return wrongTypes();
    }

    private static void collect(JsonNode node, String path, List<String> paths) {
        paths.add(path);
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                collect(field.getValue(), path + "/" + field.getKey(), paths);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                collect(array.get(i), path + "/" + i, paths);
            }
        }
    }

    private static String replace(JsonNode template, String path, String value) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode copy = template.deepCopy();
        JsonNode parent = copy.at(path.substring(0, path.lastIndexOf('/')));
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (parent instanceof ObjectNode object) {
            object.put(last, MARK);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), MARK);
        }
        return copy.toString().replace(quoted(MARK), value);
    }

    private static String remove(JsonNode template, String path) {
        JsonNode copy = template.deepCopy();
        ((ObjectNode) copy.at(path.substring(0, path.lastIndexOf('/')))).remove(path.substring(path.lastIndexOf('/') + 1));
        return copy.toString();
    }

    /** {@code @ForAll(supplier = HostileInput.Segments.class)}: hostile path segments, and now and then {@code valid}. */
    public static final class Segments implements ArbitrarySupplier<String> {

        @Override
        public Arbitrary<String> get() {
            return Arbitraries.oneOf(pathSegments(), Arbitraries.just("valid"));
        }
    }

    /** {@code @ForAll(supplier = HostileInput.QueryValues.class)} */
    public static final class QueryValues implements ArbitrarySupplier<String> {

        @Override
        public Arbitrary<String> get() {
            return queryValues();
        }
    }

    /** {@code @ForAll(supplier = HostileInput.HeaderValues.class)} */
    public static final class HeaderValues implements ArbitrarySupplier<String> {

        @Override
        public Arbitrary<String> get() {
            return headerValues();
        }
    }
}
