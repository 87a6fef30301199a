package cn.medicare.campaign.kit.export;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Text bound for a CSV file someone opens in Excel or WPS: a cell that starts like a formula
 * ({@code = + - @}, or a tab or carriage return before one) is written with a leading apostrophe so
 * that it shows as text and is never evaluated (CSV/formula injection); plain numbers stay numbers.
 * CSV lines are quoted per RFC 4180. A workbook's text cell is never evaluated and takes the text
 * as it is: there the apostrophe would show as part of it.
 */
public final class SpreadsheetText {

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private SpreadsheetText() {
    }

    /** The text as a spreadsheet must receive it to show it, not to run it. */
    public static String neutralised(String text) {
        if (text == null || text.isEmpty() || NUMBER.matcher(text).matches()) {
            return text;
        }
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + text;
        }
        return text;
    }

    /** One CSV record, neutralised and quoted where RFC 4180 needs it, without the line ending. */
    public static String csvLine(List<String> cells) {
        return cells.stream().map(cell -> quoted(neutralised(cell))).collect(Collectors.joining(","));
    }

    private static String quoted(String cell) {
        if (cell == null) {
            return "";
        }
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0
                && cell.strip().equals(cell)) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
