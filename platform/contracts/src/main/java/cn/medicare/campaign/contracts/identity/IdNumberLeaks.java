package cn.medicare.campaign.contracts.identity;


/**
 * Finds plain ID numbers in text that is about to leave the service: an 18-character token of 17
 * digits and a valid check character. A token is a maximal run of ASCII letters and digits, so a
 * personId (32 hex characters) or a sealed number (base64) is never mistaken for one, while a
 * number between quotes, spaces or Chinese characters always is.
 */
public final class IdNumberLeaks {

    private static final int LENGTH = 18;

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
