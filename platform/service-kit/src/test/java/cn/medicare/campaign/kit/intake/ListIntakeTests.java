package cn.medicare.campaign.kit.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.medicare.campaign.fixtures.Uploads;
import cn.medicare.campaign.infra.testing.HostileUploads;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

class ListIntakeTests {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final ListColumns COLUMNS = ListColumns.of(List.of("township", "village", "name"), List.of("phone"));
    /** The same list as a notice's form: Chinese labels and a 序号 column that carries nothing. */
    private static final ListColumns FORM = COLUMNS.asOnTheForm(Map.of("乡镇/街道", "township", "村/社区", "village", "姓名", "name"),
            Set.of("序号"));
    private static final ListIntake INTAKE = new ListIntake(IntakeLimits.defaults(), JsonMapper.builder().build());

    record Resident(String township, String village, String name, String phone) {
    }

    @Test
    void readsUtf8WithAndWithoutAByteOrderMarkAndGb18030AsExcelWritesIt() {
        String text = "township,village,name\r\n350825100,城关村,林建华\r\n";

        assertThat(csv(bytes("\uFEFF" + text, StandardCharsets.UTF_8), null)).containsExactly(row(1, "350825100", "城关村", "林建华"));
        assertThat(csv(bytes(text, StandardCharsets.UTF_8), "text/csv")).containsExactly(row(1, "350825100", "城关村", "林建华"));
        assertThat(csv(bytes(text, GB18030), "text/csv")).containsExactly(row(1, "350825100", "城关村", "林建华"));
    }

    @Test
    void aCharsetNamedInTheContentTypeWinsOverDetection() {
        byte[] utf8 = bytes("township,village,name\n350825100,城关村,林建华\n", StandardCharsets.UTF_8);

        assertThat(csv(utf8, "text/csv; charset=ISO-8859-1").get(0).get("village")).isNotEqualTo("城关村");
        assertThat(csv(bytes("township,village,name\n350825100,城关村,林建华\n", GB18030), "text/csv;charset=gb18030")
                .get(0).get("village")).isEqualTo("城关村");
        assertRefused(() -> csv(utf8, "text/csv; charset=klingon"), HttpStatus.BAD_REQUEST, "Content-Type", null);
    }

    @Test
    void quotedCellsHoldCommasQuotesAndLineBreaksAndRowsAreCountedAsRecordsNotLines() {
        List<Map<String, String>> rows = csv(bytes("""
                township,village,name,phone
                350825100,"城关村, 一组","林""建""华",
                350825100,"东街村
                二组",陈永福,13800000000

                ,,,
                350825101,西门村,黄美玲,
                """, StandardCharsets.UTF_8), null);

        assertThat(rows).containsExactly(
                row(1, "350825100", "城关村, 一组", "林\"建\"华"),
                Map.of("row", "2", "township", "350825100", "village", "东街村\n二组", "name", "陈永福", "phone", "13800000000"),
                row(3, "350825101", "西门村", "黄美玲"));
    }

    @Test
    void anOfficialFormIsReadUnderItsTitleByItsChineseLabelsWithoutItsSerialNumbers() {
        String filled = "附件4\n新参保登记表,,,\n序号,乡镇/街道,村/社区,姓名\n1,350825100,城关村,林建华\n";

        List<Map<String, String>> rows = INTAKE.csv(in(filled), null, FORM, ListIntakeTests::asMap);

        assertThat(rows).containsExactly(row(1, "350825100", "城关村", "林建华"));
        assertRefused(() -> INTAKE.csv(in("附件4\n新参保登记表\n序号,乡镇,村/社区,姓名\n1,350825100,城关村,林建华\n"), null, FORM,
                ListIntakeTests::asMap), HttpStatus.BAD_REQUEST, "header", null);
    }

    /** A clerk fills 序号 down past the last row, or sends a nil return on a form numbered 1 to 50: no row to refuse. */
    @Test
    void recordsWithNothingButASerialNumberAreBlank() {
        List<Map<String, String>> rows = INTAKE.csv(in("序号,乡镇/街道,村/社区,姓名\n1,350825100,城关村,林建华\n2,,,\n3,,,\n"), null, FORM,
                ListIntakeTests::asMap);
        List<Map<String, String>> nilReturn = INTAKE.csv(in("序号,乡镇/街道,村/社区,姓名\n1,,,\n2,,,\n"), null, FORM, ListIntakeTests::asMap);

        assertThat(rows).containsExactly(row(1, "350825100", "城关村", "林建华"));
        assertThat(nilReturn).isEmpty();
    }

    /** Forms are filled in with full-width brackets and slashes, and spaces slip into labels: the same columns still. */
    @Test
    void aFormLabelTypedWithFullWidthCharactersOrSpacesNamesTheSameColumn() {
        ListColumns form = COLUMNS.asOnTheForm(Map.of("乡(镇)/街道/学校", "township", "村/社区/班级", "village", "姓名", "name"),
                Set.of("序号"));
        String filled = "附件4\n序 号,乡（镇）／街道／学校,村 / 社区 / 班级,姓　名\n1,350825100,城关村,林建华\n";

        List<Map<String, String>> rows = INTAKE.csv(in(filled), null, form, ListIntakeTests::asMap);

        assertThat(rows).containsExactly(row(1, "350825100", "城关村", "林建华"));
    }

    @Test
    void aHeaderWithRepeatedMissingOrUnknownColumnsIsRefusedNamingThemButNeverQuotingANumber() {
        ApiException refusal = assertRefused(() -> csv(bytes("township,name,name,school,350825198506124017\n1,2,3,4,5\n",
                StandardCharsets.UTF_8), null), HttpStatus.BAD_REQUEST, "header", null);

        String message = refusal.errors().get(0).message();
        assertThat(message).contains("village", "more than once", "name", "school", "column 5").doesNotContain("350825198506124017");
        assertThat(INTAKE.csv(in("township,village,name,enrolledLastYear\n1,2,3,4\n"), null, COLUMNS.ignoringOthers(), ListRow::number))
                .containsExactly(1);
    }

    @Test
    void emptyIsRefusedAndAHeaderAloneHasNoRows() {
        assertRefused(() -> csv(bytes("\n\n", StandardCharsets.UTF_8), null), HttpStatus.BAD_REQUEST, "header", null);
        assertThat(csv(bytes("township,village,name\n", StandardCharsets.UTF_8), null)).isEmpty();
    }

    @Test
    void anUnclosedQuoteIsRefusedAtItsRow() {
        assertRefused(() -> csv(bytes("township,village,name\n1,2,3\n350825100,\"城关村,林建华\n", StandardCharsets.UTF_8), null),
                HttpStatus.BAD_REQUEST, null, 2);
    }

    @Test
    void textThatIsNeitherUtf8NorGb18030IsRefused() {
        byte[] text = bytes("township,village,name\n1,2,3\n", StandardCharsets.UTF_8);
        byte[] broken = new byte[text.length + 2];
        System.arraycopy(text, 0, broken, 0, text.length);
        broken[text.length] = (byte) 0x81;
        broken[text.length + 1] = (byte) 0x20;

        assertRefused(() -> csv(broken, "text/csv"), HttpStatus.BAD_REQUEST, "body", null);
    }

    @Test
    void moreRowsThanTheLimitAreRefusedNamingIt() {
        ListIntake small = new ListIntake(new IntakeLimits(DataSize.ofMegabytes(1), 2, 10, DataSize.ofMegabytes(1)),
                JsonMapper.builder().build());

        assertThat(small.csv(in("township,village,name\n1,2,3\n4,5,6\n"), null, COLUMNS, ListRow::number)).containsExactly(1, 2);
        ApiException refusal = assertRefused(() -> small.csv(in("township,village,name\n1,2,3\n4,5,6\n7,8,9\n"), null, COLUMNS,
                ListRow::number), HttpStatus.CONTENT_TOO_LARGE, "rows", null);
        assertThat(refusal.errors().get(0).message()).contains("2 rows");
        assertRefused(() -> small.jsonRows(in("[{},{},{}]"), null, Resident.class), HttpStatus.CONTENT_TOO_LARGE, "rows", null);
    }

    @Test
    void anOverLongCellIsRefusedNamingItsRowAndColumn() {
        ListIntake small = new ListIntake(new IntakeLimits(DataSize.ofMegabytes(1), 10, 5, DataSize.ofMegabytes(1)),
                JsonMapper.builder().build());

        ApiException refusal = assertRefused(() -> small.csv(in("township,village,name\n1,2,3\n1,城关村一组二组,3\n"), null, COLUMNS,
                ListRow::number), HttpStatus.BAD_REQUEST, "village", 2);
        assertThat(refusal.errors().get(0).message()).contains("5 characters");
        assertRefused(() -> small.jsonRows(in("{\"rows\":[{\"village\":\"城关\"},{\"village\":\"城关村一组二组\"}]}"), "rows",
                Resident.class), HttpStatus.BAD_REQUEST, "village", 2);
    }

    /**
     * PostgreSQL cannot store a NUL: a cell holding one refuses the file by row and column. Checked where every format's
     * records become rows (a workbook written by POI carries no NUL: it writes a question mark).
     */
    @Test
    void aCellWithAControlCharacterIsRefusedNamingItsRowAndColumn() {
        ApiException refusal = assertRefused(() -> INTAKE.csv(in("township,village,name\n1,2,3\n1,城关\u0000村,3\n"), null, COLUMNS,
                ListRow::number), HttpStatus.BAD_REQUEST, "village", 2);
        assertThat(refusal.errors().get(0).message()).contains("control characters");
    }

    @Test
    void rowsAreNumberedAlikeInCsvXlsxAndJson() throws IOException {
        List<Integer> fromCsv = INTAKE.csv(in("township,village,name\n\n1,2,3\n,,\n4,5,6\n"), null, COLUMNS, ListRow::number);
        List<Integer> fromXlsx = INTAKE.xlsx(new ByteArrayInputStream(Uploads.workbook("名单", List.of(List.of("township", "village", "name"),
                List.of(), List.of("1", "2", "3"), List.of("", "", ""), List.of("4", "5", "6")))), COLUMNS, ListRow::number);
        List<Resident> fromJson = INTAKE.jsonRows(in("[{\"name\":\"a\"},null,{\"name\":\"b\"}]"), null, Resident.class);

        assertThat(fromCsv).containsExactly(1, 2);
        assertThat(fromXlsx).containsExactly(1, 2);
        assertThat(fromJson).hasSize(3).element(1).isNull();
    }

    @Test
    void xlsxDateCellsReadAsIsoDatesAndOtherCellsAsShown() throws IOException {
        byte[] workbook = Uploads.workbook("名单", List.of(List.of("township", "village", "name", "phone"),
                List.of("350825100", "城关村", "2017-10-15", "13800000000")));

        List<Map<String, String>> rows = INTAKE.xlsx(new ByteArrayInputStream(workbook), COLUMNS,
                row -> Map.of("name", row.get("name"), "phone", row.get("phone")));

        assertThat(rows).containsExactly(Map.of("name", "2017-10-15", "phone", "13800000000"));
    }

    /**
     * A clerk who types 2017年10月 into a date cell gets it formatted as a month, by a custom format or Chinese Excel's reserved
     * one (numFmtId 57, named by number alone): the cell is read as the month, not as the first day the spreadsheet chose.
     * The reserved day formats (31: 2017年10月15日, 58: 10月15日) read as the day, not as Excel's serial number; a day other
     * than the 1st in a column formatted as months was typed, and reads as the day.
     */
    @Test
    void xlsxDateCellsShowingTheMonthAloneReadAsTheMonth() throws IOException {
        LocalDate first = LocalDate.of(2017, 10, 1);
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("名单");
            Row header = sheet.createRow(0);
            List.of("township", "village", "name", "phone").forEach(name -> header.createCell(header.getPhysicalNumberOfCells()).setCellValue(name));
            short month = book.createDataFormat().getFormat("yyyy\"年\"m\"月\"");
            short[] formats = {month, 57, 31, 58, book.createDataFormat().getFormat("yyyy-mm-dd"), month};
            LocalDate[] days = {first, first, first.plusDays(14), first.plusDays(14), first, first.plusDays(14)};
            for (int i = 0; i < formats.length; i++) {
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue("350825100");
                row.createCell(1).setCellValue("城关村");
                CellStyle style = book.createCellStyle();
                style.setDataFormat(formats[i]);
                Cell date = row.createCell(2);
                date.setCellValue(days[i]);
                date.setCellStyle(style);
            }
            book.write(out);
            workbook = out.toByteArray();
        }

        List<String> read = INTAKE.xlsx(new ByteArrayInputStream(workbook), COLUMNS, row -> row.get("name"));

        assertThat(read).containsExactly("2017-10", "2017-10", "2017-10-15", "2017-10-15", "2017-10-01", "2017-10-15");
    }

    @Test
    void anXlsxZipBombIsRefusedAsBadInput() {
        byte[] bomb = HostileUploads.xlsxBomb(DataSize.ofMegabytes(300).toBytes());
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);

        ApiException refusal = assertRefused(() -> INTAKE.xlsx(new ByteArrayInputStream(bomb), COLUMNS, ListRow::number),
                HttpStatus.BAD_REQUEST, "file", null);
        assertThat(refusal.errors().get(0).message()).contains("zip bomb");
    }

    @Test
    void somethingThatIsNoWorkbookIsBadInputAndAnOversizedOneIsTooLarge() {
        assertRefused(() -> INTAKE.xlsx(in("not a workbook"), COLUMNS, ListRow::number), HttpStatus.BAD_REQUEST, "file", null);
        ListIntake small = new ListIntake(new IntakeLimits(DataSize.ofKilobytes(1), 10, 10, DataSize.ofMegabytes(1)),
                JsonMapper.builder().build());
        assertRefused(() -> small.xlsx(HostileUploads.csvOf("township,village,name", "1,2,3", 4096), COLUMNS, ListRow::number), HttpStatus.CONTENT_TOO_LARGE, "body",
                null);
    }

    @Test
    void jsonRowsComeFromTheArrayOrFromItsFieldAndAWrongShapeNamesThePath() {
        assertThat(INTAKE.jsonRows(in("{\"month\":\"2017-10\",\"rows\":[{\"township\":\"350825100\",\"other\":{\"a\":[1]}}]}"), "rows",
                Resident.class)).containsExactly(new Resident("350825100", null, null, null));
        assertThat(INTAKE.jsonRows(in("{\"rows\":[]}"), "rows", Resident.class)).isEmpty();
        assertThat(INTAKE.jsonRows(in(" [] "), null, Resident.class)).isEmpty();
        assertRefused(() -> INTAKE.jsonRows(in("{\"rows\":[{\"township\":{\"code\":1}}]}"), "rows", Resident.class),
                HttpStatus.BAD_REQUEST, "rows[0].township", null);
        assertRefused(() -> INTAKE.jsonRows(in("{\"rows\": [{"), "rows", Resident.class), HttpStatus.BAD_REQUEST, "body", null);
        assertRefused(() -> INTAKE.jsonRows(in("{\"rows\": 3}"), "rows", Resident.class), HttpStatus.BAD_REQUEST, "rows", null);
    }

    /**
     * A list with no rows is said with an empty array: a body without the list (a misspelt {@code "row"}), with it null or
     * twice, or with more after it, is refused naming where, never taken for an agency's nil return (零报告).
     */
    @Test
    void aListWithNoRowsIsAnEmptyArrayAndABodyWithoutItOrWithItTwiceIsRefused() {
        assertRefused(() -> INTAKE.jsonRows(in(""), "rows", Resident.class), HttpStatus.BAD_REQUEST, "body", null);
        assertRefused(() -> INTAKE.jsonRows(in("{}"), "rows", Resident.class), HttpStatus.BAD_REQUEST, "rows", null);
        assertRefused(() -> INTAKE.jsonRows(in("{\"row\":[{\"township\":\"350825100\"}]}"), "rows", Resident.class),
                HttpStatus.BAD_REQUEST, "rows", null);
        assertRefused(() -> INTAKE.jsonRows(in("{\"rows\":null}"), "rows", Resident.class), HttpStatus.BAD_REQUEST, "rows", null);
        assertRefused(() -> INTAKE.jsonRows(in("{\"rows\":[],\"month\":\"2017-10\",\"rows\":[{}]}"), "rows", Resident.class),
                HttpStatus.BAD_REQUEST, "rows", null);
        assertRefused(() -> INTAKE.jsonRowsEach(in("[{}][{}]"), null, Resident.class), HttpStatus.BAD_REQUEST, "body", null);
        assertRefused(() -> INTAKE.jsonRows(in("{\"rows\":[]} {}"), "rows", Resident.class), HttpStatus.BAD_REQUEST, "body", null);
        assertThat(INTAKE.jsonRows(in("{\"rows\":[{\"township\":\"350825100\"}],\"month\":\"2017-10\"}"), "rows", Resident.class))
                .hasSize(1);
    }

    /** For the lists whose invalid rows are reported and valid rows applied: a row that cannot be bound is its own mistake. */
    @Test
    void jsonRowsBoundEachOnTheirOwnReportAWrongValueByRowNumberAndKeepTheOthers() {
        List<ListIntake.JsonRow<Resident>> rows = INTAKE.jsonRowsEach(in("[{\"township\":\"350825100\"},{\"township\":{\"code\":1}},null]"),
                null, Resident.class);

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).value()).isEqualTo(new Resident("350825100", null, null, null));
        assertThat(rows.get(1).value()).isNull();
        assertThat(rows.get(1).problem().row()).isEqualTo(2);
        assertThat(rows.get(1).problem().field()).isEqualTo("township");
        assertThat(rows.get(2)).isEqualTo(new ListIntake.JsonRow<Resident>(null, null));
    }

    record Typed(Boolean local, Thread.State state) {
    }

    /** A clerk reads what the value should be: true or false, or the values an enumeration takes, not a Java type's name. */
    @Test
    void aValueOfTheWrongTypeSaysWhatItShouldBe() {
        List<ListIntake.JsonRow<Typed>> rows = INTAKE.jsonRowsEach(in("[{\"local\":\"是\"},{\"state\":\"ASLEEP\"}]"), null, Typed.class);

        assertThat(rows.get(0).problem().message()).isEqualTo("应为 true 或 false / is true or false");
        assertThat(rows.get(1).problem().message()).startsWith("应为 [NEW, RUNNABLE").doesNotContain("ASLEEP");
    }

    private static List<Map<String, String>> csv(byte[] body, String contentType) {
        return INTAKE.csv(new ByteArrayInputStream(body), contentType, COLUMNS, ListIntakeTests::asMap);
    }

    private static Map<String, String> asMap(ListRow row) {
        var map = new java.util.HashMap<String, String>();
        map.put("row", String.valueOf(row.number()));
        for (String column : List.of("township", "village", "name", "phone")) {
            if (row.get(column) != null) {
                map.put(column, row.get(column));
            }
        }
        return map;
    }

    private static Map<String, String> row(int number, String township, String village, String name) {
        return Map.of("row", String.valueOf(number), "township", township, "village", village, "name", name);
    }

    private static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ApiException assertRefused(Runnable reading, HttpStatus status, String field, Integer row) {
        ApiException[] caught = new ApiException[1];
        assertThatThrownBy(reading::run).isInstanceOfSatisfying(ApiException.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(status);
            InputError error = refusal.errors().get(0);
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.row()).isEqualTo(row);
            caught[0] = refusal;
        });
        return caught[0];
    }
}
