package cn.medicare.campaign.contracts.identity;

import java.time.YearMonth;

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
