package cn.medicare.campaign.infra.testing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Counts the ID numbers consistent with everything one record or one list row says about a person
 * (EVENTS.md: no reader without the tax bureau's rights may narrow a number below 10,000). What a
 * record can say: a masked number (each shown character fixes a position), a region, a birth date
 * or year, a sex, and dates: a person exists before any fact about them, so every other date and
 * instant in the record, and the time it was published, bound the birth date from above. A record
 * that says the person is a newborn bounds it from below too: a coverage from birth starts only for
 * a birth after 1 January of the coverage year, and the NEWBORN category only for one after the
 * collection period opened. The mask's rule is public too (PersonIds.maskIdNumber): the county alone says
 * the birth lies after a year before the first collection day, 6+1 that it lies on or before that day.
 */
public final class IdNumberCandidates {

    /** The least a record may leave. */
    public static final long REQUIRED = 10_000;

    private static final Pattern MASK = Pattern.compile("[0-9*]{17}[0-9X*]");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern INSTANT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T.*Z");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    // ResidentIdNumber's check character, inlined on char arrays: through its string API, counting
    // hundreds of thousands of numbers for each of hundreds of records took minutes
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private IdNumberCandidates() {
    }

    /**
     * What a record tells, gathered from all its fields (nested ones too).
     *
     * @param earliestPossibleBirth null where the record says nothing that bounds the birth from below
     */
    public record Knowledge(char[] positions, Integer birthYear, String sex, LocalDate latestPossibleBirth, LocalDate birthDate,
            LocalDate earliestPossibleBirth) {

        /**
         * What two records of one person tell together (they share its person id, the records' key): EVENTS.md's rule is
         * about everything a reader holds. A newborn's enrolment bounds the birth from below, an agency's row from above.
         */
        public Knowledge and(Knowledge other) {
            char[] both = positions.clone();
            for (int i = 0; i < both.length; i++) {
                if (both[i] == '*') {
                    both[i] = other.positions[i];
                }
            }
            return new Knowledge(both, birthYear != null ? birthYear : other.birthYear, sex != null ? sex : other.sex,
                    min(latestPossibleBirth, other.latestPossibleBirth), birthDate != null ? birthDate : other.birthDate,
                    max(earliestPossibleBirth, other.earliestPossibleBirth));
        }

        /** True when the record says anything about an ID number at all. */
        public boolean aboutAnIdNumber() {
            for (char c : positions) {
                if (c != '*') {
                    return true;
                }
            }
            return false;
        }
    }

    /** @param published when the record was published (its {@code time} header), or null */
    public static Knowledge knowledge(JsonNode record, Instant published, LocalDate today) {
        return knowledge(record, published, today, null);
    }

    /**
     * @param published when the record was published (its {@code time} header), or null
     * @param newbornsBornFrom the day the campaign's collection period opened, which a NEWBORN is born after (the
     *     campaign is public), and the first collection day the masks' threshold is a year before; null to take a year
     *     before the latest possible birth, and no threshold
     */
    public static Knowledge knowledge(JsonNode record, Instant published, LocalDate today, LocalDate newbornsBornFrom) {
        char[] positions = "*".repeat(18).toCharArray();
        Integer[] birthYear = {null};
        Integer[] coverageYear = {null};
        boolean[] newborn = {false};
        boolean[] masked = {false};
        boolean[] fromBirth = {false};
        String[] sex = {null};
        LocalDate[] latest = {published == null ? today : published.atZone(BEIJING).toLocalDate()};
        LocalDate[] birthDate = {null};
        LocalDate[] enrolledOn = {null};
        walk(record, (name, value) -> {
            if (value.isString()) {
                String text = value.asString();
                if (MASK.matcher(text).matches() && text.contains("*")) {
                    masked[0] = true;
                    for (int i = 0; i < 18; i++) {
                        if (text.charAt(i) != '*') {
                            positions[i] = text.charAt(i);
                        }
                    }
                } else if ("region".equals(name) && text.matches("[0-9]{6}")) {
                    text.getChars(0, 6, positions, 0);
                } else if ("sex".equals(name)) {
                    sex[0] = text;
                } else if (("personCategory".equals(name) || "coverageRule".equals(name)) && "NEWBORN".equals(text)) {
                    newborn[0] = true;
                } else if ("birthDate".equals(name) && DATE.matcher(text).matches()) {
                    birthDate[0] = date(text);
                } else if ("enrolledOn".equals(name) && DATE.matcher(text).matches()) {
                    enrolledOn[0] = date(text);
                    latest[0] = min(latest[0], enrolledOn[0]);
                } else if (DATE.matcher(text).matches() || INSTANT.matcher(text).matches()) {
                    LocalDate date = date(text);
                    if (date != null && date.isBefore(latest[0])) {
                        latest[0] = date;
                    }
                }
            } else if ("birthYear".equals(name) && value.isNumber()) {
                birthYear[0] = value.asInt();
            } else if ("coverageYear".equals(name) && value.isNumber()) {
                coverageYear[0] = value.asInt();
            } else if ("coverageFromBirth".equals(name) && value.isBoolean()) {
                fromBirth[0] = value.asBoolean();
            }
        }, null);
        // the roster's rule is public: a check character shown on an enrolment of someone not a newborn says the person was a
        // year old that day
        if (enrolledOn[0] != null && positions[17] != '*' && !newborn[0] && !fromBirth[0]) {
            latest[0] = min(latest[0], enrolledOn[0].minusYears(1));
        }
        LocalDate earliest = null;
        if (newborn[0]) {
            earliest = newbornsBornFrom != null ? newbornsBornFrom : latest[0].minusYears(1);
        }
        if (masked[0] && newbornsBornFrom != null) {
            LocalDate threshold = newbornsBornFrom.minusYears(1);
            if (positions[17] == '*') {
                earliest = max(earliest, threshold.plusDays(1));
            } else {
                latest[0] = min(latest[0], threshold);
            }
        }
        if (fromBirth[0] && coverageYear[0] != null) {
            earliest = max(earliest, LocalDate.of(coverageYear[0], 1, 2));
        }
        return new Knowledge(positions, birthYear[0], sex[0], latest[0], birthDate[0], earliest);
    }

    /** Counts candidates, stopping at {@code enough} (counting all of them can take long without a birth year). */
    public static long count(Knowledge knowledge, long enough) {
        LocalDate from = knowledge.birthYear() == null ? EARLIEST : LocalDate.of(knowledge.birthYear(), 1, 1);
        LocalDate to = knowledge.birthYear() == null ? knowledge.latestPossibleBirth()
                : min(LocalDate.of(knowledge.birthYear(), 12, 31), knowledge.latestPossibleBirth());
        from = max(from, knowledge.earliestPossibleBirth());
        if (knowledge.birthDate() != null) {
            from = knowledge.birthDate();
            to = knowledge.birthDate();
        }
        char[] known = knowledge.positions();
        char[] candidate = new char[17];
        long count = 0;
        for (String region : regions(known)) {
            region.getChars(0, 6, candidate, 0);
            for (LocalDate birth = to; !birth.isBefore(from); birth = birth.minusDays(1)) {
                writeDigits(birth.getYear() * 10_000 + birth.getMonthValue() * 100 + birth.getDayOfMonth(), candidate, 6, 8);
                if (!matches(known, candidate, 6, 14)) {
                    continue;
                }
                int partial = weightedSum(candidate, 0, 14);
                for (int sequence = 0; sequence < 1000; sequence++) {
                    boolean male = sequence % 2 == 1;
                    if (knowledge.sex() != null && male != "MALE".equals(knowledge.sex())) {
                        continue;
                    }
                    writeDigits(sequence, candidate, 14, 3);
                    if (!matches(known, candidate, 14, 17)) {
                        continue;
                    }
                    char check = CHECK_CHARACTERS.charAt((partial + weightedSum(candidate, 14, 17)) % 11);
                    if (known[17] == '*' || known[17] == check) {
                        count++;
                    }
                }
                if (count >= enough) {
                    return count;
                }
            }
        }
        return count;
    }

    private static void writeDigits(int value, char[] into, int offset, int digits) {
        for (int i = offset + digits - 1; i >= offset; i--) {
            into[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int weightedSum(char[] digits, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += (digits[i] - '0') * WEIGHTS[i];
        }
        return sum;
    }

    private static boolean matches(char[] known, char[] candidate, int from, int to) {
        for (int i = from; i < to; i++) {
            if (known[i] != '*' && known[i] != candidate[i]) {
                return false;
            }
        }
        return true;
    }

    /** True when the record holds the real number's birth date in clear, as any date field. */
    public static boolean showsBirthDate(JsonNode record, LocalDate birthDate) {
        boolean[] shown = {false};
        walk(record, (name, value) -> {
            if (value.isString() && birthDate.equals(date(value.asString()))) {
                shown[0] = true;
            }
        }, null);
        return shown[0];
    }

    private static List<String> regions(char[] known) {
        List<String> regions = new ArrayList<>();
        String region = new String(known, 0, 6);
        if (region.indexOf('*') < 0) {
            return List.of(region);
        }
        // an unknown county: a thousand plausible ones within the province are enough to pass
        for (int i = 0; i < 1000; i++) {
            regions.add("35" + String.format("%04d", i));
        }
        return regions;
    }

    private static LocalDate date(String text) {
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
            if (INSTANT.matcher(text).matches()) {
                return Instant.parse(text).atZone(BEIJING).toLocalDate();
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** The later of the two; a null one bounds nothing. */
    private static LocalDate max(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isAfter(b) ? a : b;
    }

    private interface Visitor {
        void visit(String name, JsonNode value);
    }

    private static void walk(JsonNode node, Visitor visitor, String name) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                walk(field.getValue(), visitor, field.getKey());
            }
        } else if (node.isArray()) {
            node.forEach(element -> walk(element, visitor, name));
        } else {
            visitor.visit(name, node);
        }
    }
}
