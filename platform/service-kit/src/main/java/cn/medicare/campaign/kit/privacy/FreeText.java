package cn.medicare.campaign.kit.privacy;

import java.util.regex.Pattern;

/**
 * Free text (village, school, class, remarks, reasons) as we store and publish it: any run of 15
 * or more ID-like characters becomes stars (EVENTS.md, "Personal data on the bus"). A clerk who
 * pastes a list with shifted columns puts ID numbers where villages belong; a 15-character run is
 * an ID number of the first generation, and a longer one may hold an 18-character number.
 * Full-width digits count, since Chinese input methods produce them, and so does a number written
 * in its three parts (county, birth date, sequence and check: {@code 350825 19850612 4017}).
 */
public final class FreeText {

    private static final Pattern ID_LIKE_RUN = Pattern.compile("[0-9０-９XxＸｘ]{15,}"
            + "|[0-9０-９]{6}[ \\-\u3000][0-9０-９]{8}[ \\-\u3000][0-9０-９]{3}[0-9０-９XxＸｘ]");

    private FreeText() {
    }

    /** @return the text with every ID-like run starred, or null for null */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        return ID_LIKE_RUN.matcher(text).replaceAll(run -> "*".repeat(run.group().length()));
    }

    /** Trimmed, redacted, and null when nothing is left: how optional free text is kept. */
    public static String redactedOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return redact(text.strip());
    }
}
