package cn.medicare.campaign.contracts.identity;

import java.time.YearMonth;

/**
 * Finds plain ID numbers in text that is about to leave the service: an 18-character token of 17
 * digits and a valid check character. A token is a maximal run of ASCII letters and digits, so a
 * personId (32 hex characters) or a sealed number (base64) is never mistaken for one, while a
 * number between quotes, spaces or Chinese characters always is.
 */
public final class IdNumberLeaks {

    private static final int LENGTH = 18;
    private static final int FIRST_BIRTH_YEAR = 1900;

    private IdNumberLeaks() {
    }

    public static boolean containsIdNumber(String text) {
        if (text == null) {
            return false;
        }
        int start = 0;
        while (start < text.length()) {
            while (start < text.length() && !isTokenCharacter(text.charAt(start))) {
                start++;
            }
            int end = start;
            while (end < text.length() && isTokenCharacter(text.charAt(end))) {
                end++;
            }
            if (end - start == LENGTH && isIdNumber(text.substring(start, end))) {
                return true;
            }
            start = end;
        }
        return false;
    }

    /**
     * Whether an identifier the tax bureau makes (a voucher or refund number) holds an ID number anywhere, run into its
     * other characters too ({@code PZ350825195307311502}): 17 digits, a valid check character and a real birth date in
     * them. Stricter than {@link #containsIdNumber}, which must not mistake a personId's hex for one; identifiers are
     * short, and one that holds a plausible number is refused as the clerk's mistake.
     */
    public static boolean holdsIdNumberAnywhere(String identifier) {
        if (identifier == null) {
            return false;
        }
        for (int start = 0; start + LENGTH <= identifier.length(); start++) {
            String window = identifier.substring(start, start + LENGTH);
            if (isIdNumber(window) && hasBirthDate(window)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBirthDate(String number) {
        int year = Integer.parseInt(number.substring(6, 10));
        int month = Integer.parseInt(number.substring(10, 12));
        int day = Integer.parseInt(number.substring(12, 14));
        return year >= FIRST_BIRTH_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
    }

    private static boolean isIdNumber(String token) {
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isDigit(token.charAt(i))) {
                return false;
            }
        }
        char last = Character.toUpperCase(token.charAt(LENGTH - 1));
        return (isDigit(last) || last == 'X') && ResidentIdNumber.checkCharacter(token.substring(0, LENGTH - 1)) == last;
    }

    private static boolean isTokenCharacter(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
