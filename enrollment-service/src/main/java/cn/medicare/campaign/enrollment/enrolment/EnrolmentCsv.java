package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A township's enrolment list as the CSV export of its spreadsheet (API.md): header
 * {@code township,village,name,idNumber,phone,personCategory,hukouLocal,residencePermit}, optional
 * columns {@code school} and {@code enrolledOn}; yes/no as true/false, 是/否, 1/0 or Y/N.
 */
final class EnrolmentCsv {

    private static final List<String> REQUIRED = List.of("township", "village", "name", "idNumber", "phone", "personCategory",
            "hukouLocal", "residencePermit");

    private EnrolmentCsv() {
    }

    static List<BatchRow> read(String csv, String region, Integer coverageYear) {
        List<InputError> missing = new ArrayList<>();
        if (region == null || !region.matches("[0-9]{6}")) {
            missing.add(InputError.field("region", "is the 6-digit county code of the list, as a query parameter"));
        }
        if (coverageYear == null) {
            missing.add(InputError.field("coverageYear", "is the coverage year of the list, as a query parameter"));
        }
        List<String> lines = csv.replace("\uFEFF", "").lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            missing.add(InputError.field("body", "is empty: a header and one line per resident"));
        }
        if (!missing.isEmpty()) {
            throw ApiException.invalid(missing);
        }
        Map<String, Integer> columns = header(lines.get(0));
        List<BatchRow> rows = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            rows.add(row(n, lines.get(n).split(",", -1), columns, region, coverageYear));
        }
        if (rows.isEmpty()) {
            throw ApiException.invalid("body", "has a header but no resident");
        }
        return rows;
    }

    private static Map<String, Integer> header(String line) {
        List<String> names = Arrays.stream(line.split(",", -1)).map(String::strip).toList();
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            columns.put(names.get(i), i);
        }
        List<String> absent = REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
        if (!absent.isEmpty()) {
            throw ApiException.invalid("header", "lacks the columns " + String.join(", ", absent)
                    + "; expected " + String.join(",", REQUIRED));
        }
        return columns;
    }

    private static BatchRow row(int n, String[] cells, Map<String, Integer> columns, String region, int coverageYear) {
        if (cells.length < columns.size()) {
            return new BatchRow(n, null, List.of(InputError.row(n, null,
                    "has " + cells.length + " columns, the header has " + columns.size())));
        }
        List<InputError> errors = new ArrayList<>();
        Boolean hukouLocal = yesNo(cell(cells, columns, "hukouLocal"), n, "hukouLocal", errors);
        Boolean residencePermit = yesNo(cell(cells, columns, "residencePermit"), n, "residencePermit", errors);
        PersonCategory category = category(cell(cells, columns, "personCategory"), n, errors);
        LocalDate enrolledOn = date(cell(cells, columns, "enrolledOn"), n, errors);
        if (!errors.isEmpty()) {
            return new BatchRow(n, null, errors);
        }
        return BatchRow.readable(n, new EnrolmentRequest(cell(cells, columns, "idNumber"), cell(cells, columns, "name"),
                cell(cells, columns, "phone"), region, coverageYear, cell(cells, columns, "township"), cell(cells, columns, "village"),
                cell(cells, columns, "school"), hukouLocal, residencePermit, category, enrolledOn));
    }

    private static String cell(String[] cells, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null) {
            return null;
        }
        String value = cells[index].strip();
        return value.isEmpty() ? null : value;
    }

    private static Boolean yesNo(String value, int row, String field, List<InputError> errors) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "是", "1", "y", "yes" -> true;
            case "false", "否", "0", "n", "no" -> false;
            default -> {
                errors.add(InputError.row(row, field, "is yes or no (true/false, 是/否, 1/0)"));
                yield null;
            }
        };
    }

    private static PersonCategory category(String value, int row, List<InputError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return PersonCategory.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(InputError.row(row, "personCategory", "is one of " + Arrays.toString(PersonCategory.values())
                    + ", or empty to derive it from the birth date"));
            return null;
        }
    }

    private static LocalDate date(String value, int row, List<InputError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(InputError.row(row, "enrolledOn", "is a date such as 2017-10-09"));
            return null;
        }
    }
}
