package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.SpecialCase;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import cn.medicare.campaign.kit.intake.ListColumns;
import cn.medicare.campaign.kit.intake.ListIntake;
import cn.medicare.campaign.kit.intake.ListRow;
import cn.medicare.campaign.kit.web.RequestValues;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A township's enrolment list as the CSV export of its spreadsheet (API.md) or the spreadsheet
 * itself, read by the kit's intake: header {@code township,village,name,idNumber,phone,personCategory,hukouLocal,residencePermit},
 * optional columns {@code school}, {@code schoolClass}, {@code enrolledOn}, {@code specialCase},
 * {@code specialCaseDate}, {@code employeeYears} and {@code remarks}; yes/no as true/false, 是/否, 1/0 or Y/N. Or 附件4
 * 新参保登记表 as filled in (title rows, Chinese headers, 序号, categories in Chinese, the township or school by name):
 * the form says nothing of the household register, so its residents are local without a residence permit.
 */
final class EnrolmentList {

    private static final ListColumns COLUMNS = ListColumns.of(
            List.of("township", "village", "name", "idNumber", "phone", "personCategory", "hukouLocal", "residencePermit"),
            List.of("school", "schoolClass", "enrolledOn", "specialCase", "specialCaseDate", "employeeYears", "remarks"))
            .asOnTheForm(Map.of("乡(镇)/街道/学校", "township", "村/社区/班级", "village", "姓名", "name", "身份证号码", "idNumber",
                    "电话号码", "phone", "人员类别", "personCategory", "备注", "remarks"), Set.of("序号"),
                    List.of("township", "village", "name", "idNumber"));

    /** 附件4 新参保登记表's columns in the form's order, as the blank form shows them. */
    static final List<String> FORM_HEADER = List.of("序号", "乡(镇)/街道/学校", "村/社区/班级", "姓名", "身份证号码", "电话号码", "人员类别",
            "备注");

    /** 人员类别 as townships write it on 附件4; the codes are read too. */
    static final Map<String, PersonCategory> CATEGORY_NAMES = Map.of("普通城乡居民", PersonCategory.GENERAL, "城乡居民",
            PersonCategory.GENERAL, "普通居民", PersonCategory.GENERAL, "中小学生", PersonCategory.STUDENT, "学生", PersonCategory.STUDENT,
            "未成年人", PersonCategory.MINOR, "学龄前儿童", PersonCategory.MINOR, "大学生", PersonCategory.COLLEGE_STUDENT,
            "新生儿", PersonCategory.NEWBORN);

    private EnrolmentList() {
    }

    static List<BatchRow> read(ListIntake intake, InputStream csv, String contentType, String region, Integer coverageYear) {
        checkKey(region, coverageYear);
        return nonEmpty(intake.csv(csv, contentType, COLUMNS, row -> row(row, region, coverageYear)));
    }

    /** The workbook itself (附件4 as filled in, say): its first sheet, the same columns. */
    static List<BatchRow> readWorkbook(ListIntake intake, InputStream xlsx, String region, Integer coverageYear) {
        checkKey(region, coverageYear);
        return nonEmpty(intake.xlsx(xlsx, COLUMNS, row -> row(row, region, coverageYear)));
    }

    /** The query's region of a JSON list, which its residents may give instead: when given, a county's code. */
    static void checkRegion(String region) {
        if (region != null && !region.matches("[0-9]{6}")) {
            throw ApiException.invalid(List.of(regionError()));
        }
    }

    /**
     * A JSON list's resident: the list's region and coverage year (the query's) stand for those it leaves out; one that names
     * another is the row's mistake, as the list says it holds one county's residents of one year.
     */
    static BatchRow jsonRow(int n, EnrolmentRequest request, String region, Integer coverageYear) {
        List<InputError> conflicts = new ArrayList<>();
        if (region != null && request.region() != null && !region.equals(request.region().strip())) {
            conflicts.add(InputError.row(n, "region", "与名单的县（区）代码 " + region + " 不同 / differs from the list's region " + region));
        }
        if (coverageYear != null && request.coverageYear() != null && !coverageYear.equals(request.coverageYear())) {
            conflicts.add(InputError.row(n, "coverageYear", "与名单的参保年度 " + coverageYear + " 不同 / differs from the list's coverage year "
                    + coverageYear));
        }
        return conflicts.isEmpty() ? BatchRow.readable(n, request.onList(region, coverageYear)) : new BatchRow(n, null, conflicts);
    }

    private static InputError regionError() {
        return InputError.field("region", "应为名单所属的 6 位县（区）代码，作为查询参数 / is the 6-digit county code of the list, "
                + "as a query parameter");
    }

    private static void checkKey(String region, Integer coverageYear) {
        List<InputError> missing = new ArrayList<>();
        if (region == null || !region.matches("[0-9]{6}")) {
            missing.add(regionError());
        }
        if (coverageYear == null) {
            missing.add(InputError.field("coverageYear", "应为名单的参保年度，作为查询参数 / is the coverage year of the list, as a query parameter"));
        }
        if (!missing.isEmpty()) {
            throw ApiException.invalid(missing);
        }
    }

    private static List<BatchRow> nonEmpty(List<BatchRow> rows) {
        if (rows.isEmpty()) {
            throw ApiException.invalid("body", "只有表头，没有居民 / has a header but no resident");
        }
        return rows;
    }

    private static BatchRow row(ListRow cells, String region, int coverageYear) {
        int n = cells.number();
        if (cells.cellCount() < cells.headerWidth()) {
            return new BatchRow(n, null, List.of(InputError.row(n, null, cells.widthMismatch())));
        }
        List<InputError> errors = new ArrayList<>();
        Boolean hukouLocal = yesNo(cells.get("hukouLocal"), n, "hukouLocal", errors);
        Boolean residencePermit = yesNo(cells.get("residencePermit"), n, "residencePermit", errors);
        if (cells.onTheForm()) {
            // 附件4 asks nothing of the household register: a township registers its own residents
            hukouLocal = hukouLocal == null ? Boolean.TRUE : hukouLocal;
            residencePermit = residencePermit == null ? Boolean.FALSE : residencePermit;
        }
        PersonCategory category = category(cells.get("personCategory"), n, errors);
        LocalDate enrolledOn = date(cells.get("enrolledOn"), n, "enrolledOn", errors);
        EnrolmentRequest.SpecialCaseClaim specialCase = specialCase(cells, n, errors);
        if (!errors.isEmpty()) {
            return new BatchRow(n, null, errors);
        }
        return BatchRow.readable(n, new EnrolmentRequest(cells.get("idNumber"), cells.get("name"), cells.get("phone"), region,
                coverageYear, cells.get("township"), cells.get("village"), cells.get("school"), hukouLocal, residencePermit, category,
                enrolledOn, specialCase, cells.get("schoolClass"), cells.get("remarks")));
    }

    private static EnrolmentRequest.SpecialCaseClaim specialCase(ListRow cells, int row, List<InputError> errors) {
        String name = cells.get("specialCase");
        if (name == null) {
            return null;
        }
        SpecialCase specialCase = null;
        try {
            specialCase = SpecialCase.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(InputError.row(row, "specialCase", "特殊情形应为 " + Arrays.toString(SpecialCase.values()) + " 之一，或留空 / is one of "
                    + Arrays.toString(SpecialCase.values()) + ", or empty"));
        }
        LocalDate date = date(cells.get("specialCaseDate"), row, "specialCaseDate", errors);
        Integer employeeYears = null;
        if (cells.get("employeeYears") != null) {
            try {
                employeeYears = Integer.valueOf(cells.get("employeeYears"));
            } catch (NumberFormatException e) {
                errors.add(InputError.row(row, "employeeYears", "应为整数年数 / is a whole number of years"));
            }
        }
        return new EnrolmentRequest.SpecialCaseClaim(specialCase, date, employeeYears);
    }

    private static Boolean yesNo(String value, int row, String field, List<InputError> errors) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "是", "1", "y", "yes" -> true;
            case "false", "否", "0", "n", "no" -> false;
            default -> {
                errors.add(InputError.row(row, field, "应为是或否（true/false、是/否、1/0） / is yes or no (true/false, 是/否, 1/0)"));
                yield null;
            }
        };
    }

    private static PersonCategory category(String value, int row, List<InputError> errors) {
        if (value == null) {
            return null;
        }
        if (CATEGORY_NAMES.containsKey(value)) {
            return CATEGORY_NAMES.get(value);
        }
        try {
            return PersonCategory.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(InputError.row(row, "personCategory", "人员类别应为 " + String.join("、", CATEGORY_NAMES.keySet())
                    + " 或留空 / is one of " + Arrays.toString(PersonCategory.values()) + ", or empty to derive it from the birth date"));
            return null;
        }
    }

    private static LocalDate date(String value, int row, String field, List<InputError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(InputError.row(row, field, Objects.requireNonNullElse(RequestValues.problemWithMonthAlone(value, "2017-10-09"),
                    "应为日期，如 2017-10-09 / is a date such as 2017-10-09")));
            return null;
        }
    }
}
