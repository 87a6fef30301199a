package cn.medicare.campaign.contracts.identity;

import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Finds plain ID numbers in text that is about to leave the service: an 18-character token of 17
 * digits, a birth date and a valid check character. A token is a maximal run of ASCII letters and digits, so a
 * personId (32 hex characters) or a sealed number (base64) is never mistaken for one, while a
 * number between quotes, spaces or Chinese characters always is.
 */
public final class IdNumberLeaks {

    private static final int LENGTH = 18;
    // wider than any living person's: the guard must miss no real number, only numbers that cannot be one
    private static final int MIN_BIRTH_YEAR = 1800;
    private static final int MAX_BIRTH_YEAR = 2199;
    private static final Pattern ID_NUMBER_SHAPE = Pattern.compile("[0-9]{17}[0-9Xx]");

    private IdNumberLeaks() {
    }

    public static boolean containsIdNumber(String text) {
        return text != null && nextIdNumber(text, 0) >= 0;
    }

    /** @return the text with every ID number it holds as 18 stars; the text itself when it holds none, or null for null */
    public static String redact(String text) {
        int found = text == null ? -1 : nextIdNumber(text, 0);
        if (found < 0) {
            return text;
        }
        StringBuilder redacted = new StringBuilder(text);
        for (; found >= 0; found = nextIdNumber(text, found + LENGTH)) {
            redacted.replace(found, found + LENGTH, "*".repeat(LENGTH));
        }
        return redacted.toString();
    }

    /**
     * Another agency's number (the tax bureau's voucher and refund numbers, or a refusal quoting one) as the logs and the
     * bureau read it: every 18 characters of an ID number's shape and check character starred wherever they stand, inside a
     * longer number too (TK350825…), where {@link #redact} looks at whole tokens only.
     */
    public static String redactWithinNumbers(String number) {
        StringBuilder starred = new StringBuilder(number);
        idNumberShapes(number).filter(window -> {
            String idNumber = number.substring(window, window + LENGTH).toUpperCase(Locale.ROOT);
            return ResidentIdNumber.checkCharacter(idNumber.substring(0, LENGTH - 1)) == idNumber.charAt(LENGTH - 1);
        }).forEach(window -> starred.replace(window, window + LENGTH, "*".repeat(LENGTH)));
        return starred.toString();
    }

    /** Where each 18 characters that have an ID number's shape (17 digits and a digit or X) start, inside longer runs too. */
    public static IntStream idNumberShapes(String number) {
        return IntStream.rangeClosed(0, number.length() - LENGTH)
                .filter(start -> ID_NUMBER_SHAPE.matcher(number.substring(start, start + LENGTH)).matches());
    }

    /** Where the first ID number at or after {@code from} starts, or -1. */
    private static int nextIdNumber(String text, int from) {
        int start = from;
        while (start < text.length()) {
            while (start < text.length() && !isTokenCharacter(text.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < text.length() && isTokenCharacter(text.charAt(end))) {
                end++;
            }
            if (end - start == LENGTH && isIdNumber(text.substring(start, end))) {
                return start;
            }
            start = end;
        }
        return -1;
    }

    private static boolean isIdNumber(String token) {
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isDigit(token.charAt(i))) {
                return false;
            }
        }
        char last = Character.toUpperCase(token.charAt(LENGTH - 1));
        return (isDigit(last) || last == 'X') && ResidentIdNumber.checkCharacter(token.substring(0, LENGTH - 1)) == last
                && holdsABirthDate(token);
    }

    /**
     * Every ID number holds a birth date at characters 7-14; one 18-digit number in 11 that is none (a tax voucher's, say)
     * has a valid check character, and was refused as one.
     */
    private static boolean holdsABirthDate(String token) {
        int year = Integer.parseInt(token.substring(6, 10));
        int month = Integer.parseInt(token.substring(10, 12));
        int day = Integer.parseInt(token.substring(12, 14));
        return year >= MIN_BIRTH_YEAR && year <= MAX_BIRTH_YEAR && month >= 1 && month <= 12 && day >= 1
                && day <= YearMonth.of(year, month).lengthOfMonth();
    }

    private static boolean isTokenCharacter(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
