package cn.medicare.campaign.infra.testing;

import cn.medicare.campaign.contracts.identity.ResidentIdNumber;
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
 * record can say: a masked number (each shown character fixes a position), a region, a birth year,
 * a sex, and dates: a person exists before any fact about them, so every date and instant in the
 * record, and the time it was published, bound the birth date from above.
 */
public final class IdNumberCandidates {

    /** The least a record may leave. */
    public static final long REQUIRED = 10_000;

    private static final Pattern MASK = Pattern.compile("[0-9*]{17}[0-9X*]");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern INSTANT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T.*Z");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private IdNumberCandidates() {
    }

    /** What a record tells, gathered from all its fields (nested ones too). */
    public record Knowledge(char[] positions, Integer birthYear, String sex, LocalDate latestPossibleBirth) {

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
        char[] positions = "*".repeat(18).toCharArray();
        Integer[] birthYear = {null};
        String[] sex = {null};
        LocalDate[] latest = {published == null ? today : published.atZone(BEIJING).toLocalDate()};
        walk(record, (name, value) -> {
            if (value.isString()) {
                String text = value.asString();
                if (MASK.matcher(text).matches() && text.contains("*")) {
                    for (int i = 0; i < 18; i++) {
                        if (text.charAt(i) != '*') {
                            positions[i] = text.charAt(i);
                        }
                    }
                } else if ("region".equals(name) && text.matches("[0-9]{6}")) {
                    text.getChars(0, 6, positions, 0);
                } else if ("sex".equals(name)) {
                    sex[0] = text;
                } else if (DATE.matcher(text).matches() || INSTANT.matcher(text).matches()) {
                    LocalDate date = date(text);
                    if (date != null && date.isBefore(latest[0])) {
                        latest[0] = date;
                    }
                }
            } else if ("birthYear".equals(name) && value.isNumber()) {
                birthYear[0] = value.asInt();
            }
        }, null);
        return new Knowledge(positions, birthYear[0], sex[0], latest[0]);
    }

    /** Counts candidates, stopping at {@code enough} (counting all of them can take long without a birth year). */
    public static long count(Knowledge knowledge, long enough) {
        LocalDate from = knowledge.birthYear() == null ? EARLIEST : LocalDate.of(knowledge.birthYear(), 1, 1);
        LocalDate to = knowledge.birthYear() == null ? knowledge.latestPossibleBirth()
                : min(LocalDate.of(knowledge.birthYear(), 12, 31), knowledge.latestPossibleBirth());
        char[] known = knowledge.positions();
        long count = 0;
        for (LocalDate birth = to; !birth.isBefore(from); birth = birth.minusDays(1)) {
            String date = String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth());
            if (!matches(known, 6, date)) {
                continue;
            }
            for (int sequence = 0; sequence < 1000; sequence++) {
                boolean male = sequence % 2 == 1;
                if (knowledge.sex() != null && male != "MALE".equals(knowledge.sex())) {
                    continue;
                }
                String sequenceText = String.format("%03d", sequence);
                if (!matches(known, 14, sequenceText)) {
                    continue;
                }
                for (String region : regions(known)) {
                    char check = ResidentIdNumber.checkCharacter(region + date + sequenceText);
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
        for (int i = 0; i < 1000 && regions.size() < 1000; i++) {
            regions.add("35" + String.format("%04d", i));
        }
        return regions;
    }

    private static boolean matches(char[] known, int offset, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (known[offset + i] != '*' && known[offset + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
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
