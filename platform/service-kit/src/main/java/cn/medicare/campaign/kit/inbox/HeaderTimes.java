package cn.medicare.campaign.kit.inbox;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads an event's {@code time} header. {@link Instant#parse} runs a general formatter, and at a
 * full county it was a tenth of what the consumers' threads spent (JFR, docs/delivery.md): the form
 * the relay writes, {@code 2017-10-20T02:00:00Z} with up to nine digits of fraction, is read by hand,
 * and anything else (an offset, a leap second, a mistake) goes to {@link Instant#parse}, whose answer
 * or {@code DateTimeParseException} it is.
 */
final class HeaderTimes {

    private static final int SHORTEST = "2017-10-20T02:00:00Z".length();
    private static final int LONGEST = "2017-10-20T02:00:00.123456789Z".length();
    /** What a fraction of 9 - n digits is multiplied by to be nanoseconds. */
    private static final int[] TENS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private HeaderTimes() {
    }

    static Instant parse(String text) {
        int length = text.length();
        if (length < SHORTEST || length > LONGEST || length == SHORTEST + 1 || !separators(text, length)) {
            return Instant.parse(text);
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        int fraction = length == SHORTEST ? 0 : number(text, 20, length - 1);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || fraction < 0) {
            return Instant.parse(text);
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException noSuchDay) {
            return Instant.parse(text);
        }
        int nanos = length == SHORTEST ? 0 : fraction * TENS[LONGEST - length];
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
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
