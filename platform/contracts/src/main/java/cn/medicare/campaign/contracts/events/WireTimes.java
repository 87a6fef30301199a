package cn.medicare.campaign.contracts.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;

/**
 * The instants and dates of the bus in the one form they are written in, read by hand: {@link Instant#parse} and
 * Jackson's readers run a general formatter, and at a full county the {@code time} header alone was a tenth of what
 * the consumers' threads spent (JFR, docs/delivery.md). {@code 2017-10-20T02:00:00Z} with up to nine digits of
 * fraction, and {@code 2017-10-20}; anything else (an offset, a leap second, a mistake) is left to the general reader.
 */
public final class WireTimes {

    private static final DateTimeFormatter MICROSECONDS = new DateTimeFormatterBuilder().appendInstant(6).toFormatter();

    private static final int SHORTEST = "2017-10-20T02:00:00Z".length();
    private static final int LONGEST = "2017-10-20T02:00:00.123456789Z".length();
    /** What a fraction of 9 - n digits is multiplied by to be nanoseconds. */
    private static final int[] TENS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private WireTimes() {
    }

    /**
     * An event's {@code time} as the outbox keeps it and its header carries it: to the microsecond, rounded half up (as the
     * driver rounded a timestamp when the column was one), six digits always, so that the outbox's texts sort as their
     * instants do ({@code 2017-10-20T02:00:00.000000Z}).
     */
    public static String micros(Instant time) {
        return MICROSECONDS.format(time.plusNanos(500).truncatedTo(ChronoUnit.MICROS));
    }

    /** An event's {@code time} header: {@link Instant#parse}'s answer, or its {@code DateTimeParseException}. */
    public static Instant instant(String text) {
        Instant byHand = wireInstant(text);
        return byHand != null ? byHand : Instant.parse(text);
    }

    /** Null where the text is not a valid instant in the wire's form. */
    static Instant wireInstant(String text) {
        int length = text.length();
        if (length < SHORTEST || length > LONGEST || length == SHORTEST + 1 || !separators(text, length)) {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        int fraction = length == SHORTEST ? 0 : number(text, 20, length - 1);
        LocalDate date = date(year, month, day);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || fraction < 0) {
            return null;
        }
        int nanos = length == SHORTEST ? 0 : fraction * TENS[LONGEST - length];
        return Instant.ofEpochSecond(date.toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** Null where the text is not a valid date in the wire's form. */
    static LocalDate wireDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        return date(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
    }

    private static LocalDate date(int year, int month, int day) {
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException noSuchDay) {
            return null;
        }
    }

    private static boolean separators(String text, int length) {
        return text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T' && text.charAt(13) == ':'
                && text.charAt(16) == ':' && text.charAt(length - 1) == 'Z' && (length == SHORTEST || text.charAt(19) == '.');
    }

    /** The decimal number in {@code [from, to)}, or -1 when a character there is not an ASCII digit. */
    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
