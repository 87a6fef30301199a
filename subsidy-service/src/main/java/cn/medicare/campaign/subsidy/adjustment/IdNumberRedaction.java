package cn.medicare.campaign.subsidy.adjustment;

import java.util.regex.Pattern;

/**
 * Masks anything shaped like an ID number in free text: a list with shifted columns puts numbers
 * where names or dates belong, and what we store or answer must not carry them in plain.
 */
final class IdNumberRedaction {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])([0-9]{4})[0-9]{10}([0-9]{3}[0-9Xx])(?![0-9Xx])");

    private IdNumberRedaction() {
    }

    static String redact(String text) {
        return text == null ? null : ID_NUMBER.matcher(text).replaceAll("$1**********$2");
    }
}
