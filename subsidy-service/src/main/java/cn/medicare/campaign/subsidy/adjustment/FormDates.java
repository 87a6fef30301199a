package cn.medicare.campaign.subsidy.adjustment;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as clerks fill it into a form: 2017-10-15, 2017/10/15, 2017.10.15, 2017年10月15日 (with or
 * without leading zeros) or 20171015; or a month alone, as monthly lists often give it: 2017年10月,
 * 2017-10, 2017/10 or 2017.10 (two digits after a dot: a spreadsheet keeps 2017.10 typed as a number
 * as 2017.1, which would read as January).
 */
final class FormDates {

    private static final Pattern SEPARATED = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*(?:[-/年]\\s*(\\d{1,2})\\s*月?|\\.(\\d{2}))");

    private FormDates() {
    }

    static Optional<LocalDate> read(String cell) {
        if (cell == null) {
            return Optional.empty();
        }
        String text = cell.strip();
        Matcher matcher = SEPARATED.matcher(text);
        if (!matcher.matches()) {
            matcher = COMPACT.matcher(text);
            if (!matcher.matches()) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The month of a cell that gives a month and no day. */
    static Optional<YearMonth> readMonth(String cell) {
        if (cell == null) {
            return Optional.empty();
        }
        Matcher matcher = MONTH.matcher(cell.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int month = Integer.parseInt(matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
        return month < 1 || month > 12 ? Optional.empty() : Optional.of(YearMonth.of(Integer.parseInt(matcher.group(1)), month));
    }
}
