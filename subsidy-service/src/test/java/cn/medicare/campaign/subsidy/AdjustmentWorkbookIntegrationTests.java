package cn.medicare.campaign.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.fixtures.Uploads;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class AdjustmentWorkbookIntegrationTests extends SubsidyIntegrationTestBase {

    private static final String BOUNDARY = "list-boundary";

    @Test
    void anAgencyUploadsItsSpreadsheetAsItIs() throws IOException {
        String orphan = Liancheng.idNumber(431);
        String monitored = Liancheng.idNumber(432);
        byte[] workbook = Uploads.workbook("动态调整", List.of(
                List.of("township", "village", "idNumber", "phone", "action", "category", "effectiveDate"),
                List.of(Liancheng.LIANFENG, Liancheng.VILLAGE, orphan, "13800000000", "新增", "ORPHAN", "2017-10-15"),
                List.of(Liancheng.LIANFENG, Liancheng.VILLAGE, monitored, "", "ADD", "MONITORED", "2017-10-15")));

        HttpResponse<String> response = postBytes("civil-affairs", "/api/v1/adjustment-batches?month=2017-10",
                "multipart/form-data; boundary=" + BOUNDARY, Uploads.multipart(BOUNDARY, "2017-10.xlsx", workbook));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(JsonPath.<Integer>read(response.body(), "$.accepted")).isEqualTo(1);
        assertThat(JsonPath.<List<Integer>>read(response.body(), "$.rejected[*].row")).containsExactly(2);
        assertThat(JsonPath.<String>read(published("EligibilityAdjusted", Liancheng.personId(orphan)).get(0), "$.effectiveDate"))
                .isEqualTo("2017-10-15");
    }

    /** Issue 11: "an agency uploads a 附件3 workbook filled in as the form says and every row is accepted". */
    @Test
    void theBlankForm3FilledInAsTheFormSaysIsAcceptedRowByRow() throws Exception {
        HttpResponse<byte[]> blank = blankForm("civil-affairs");
        assertThat(blank.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        String lowIncome = Liancheng.idNumber(441);
        String extremePoor = Liancheng.idNumber(442);
        String orphan = Liancheng.idNumber(443);
        byte[] filled = filledIn(blank, (form, sheet) -> {
            Row header = sheet.getRow(3);
            assertThat(List.of(header.getCell(0).getStringCellValue(), header.getCell(3).getStringCellValue(),
                    header.getCell(6).getStringCellValue())).containsExactly("序号", "身份证号码", "人员类别");
            assertThat(sheet.getDataValidations()).hasSize(2);
            assertThat(sheet.getColumnStyle(7).getDataFormatString()).as("a month typed in 动态调整时间 stays a month").isEqualTo("@");
            CellStyle date = form.createCellStyle();
            date.setDataFormat(form.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            fill(sheet.createRow(4), 1, "莲峰镇", lowIncome, "新增", "农村低保").createCell(7).setCellValue("2017/10/15");
            Row typedDate = fill(sheet.createRow(5), 2, Liancheng.LIANFENG, extremePoor, "新增", "城镇特困");
            typedDate.createCell(7).setCellValue(LocalDate.of(2017, 10, 16));
            typedDate.getCell(7).setCellStyle(date);
            fill(sheet.createRow(6), 3, "莲峰镇", orphan, "新增", "孤儿").createCell(7).setCellValue("2017年10月17日");
            // the form numbered down past the last row: no rows to refuse
            for (int serial = 4; serial <= 6; serial++) {
                sheet.createRow(serial + 3).createCell(0).setCellValue(serial);
            }
        });

        HttpResponse<String> response = uploadForm("civil-affairs", filled);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(JsonPath.<Integer>read(response.body(), "$.accepted")).as(response.body()).isEqualTo(3);
        assertThat(JsonPath.<List<Object>>read(response.body(), "$.rejected")).as(response.body()).isEmpty();
        assertThat(JsonPath.<String>read(published("EligibilityAdjusted", Liancheng.personId(lowIncome)).get(0), "$.category"))
                .isEqualTo("MINIMUM_LIVING");
        assertThat(JsonPath.<String>read(published("EligibilityAdjusted", Liancheng.personId(extremePoor)).get(0), "$.effectiveDate"))
                .isEqualTo("2017-10-16");
        assertThat(JsonPath.<String>read(published("EligibilityAdjusted", Liancheng.personId(orphan)).get(0), "$.township"))
                .isEqualTo(Liancheng.LIANFENG);
        String batch = get("civil-affairs", "/api/v1/adjustment-batches/" + JsonPath.<String>read(response.body(), "$.batchId")).body();
        assertThat(batch).as("the form's own category is kept as written").contains("农村低保");
    }

    /**
     * The disabled persons' federation's blank form offers its own categories (Excel refuses a value off the drop-down), and
     * the name our lists print for them is read back.
     */
    @Test
    void anAgencysBlankFormOffersItsOwnCategoriesAndThePrintedNamesAreReadBack() throws Exception {
        HttpResponse<byte[]> blank = blankForm("disabled-federation");
        String severe = Liancheng.idNumber(444);
        byte[] filled = filledIn(blank, (form, sheet) -> {
            List<String> offered = sheet.getDataValidations().stream()
                    .map(validation -> List.of(validation.getValidationConstraint().getExplicitListValues()))
                    .filter(values -> !values.contains("新增")).findFirst().orElseThrow();
            assertThat(offered).contains("一级残疾", "三、四级残疾").doesNotContain("农村低保", "脱贫户");
            fill(sheet.createRow(4), 1, "莲峰镇", severe, "新增", "一、二级残疾人").createCell(7).setCellValue("2017/10/15");
        });

        HttpResponse<String> response = uploadForm("disabled-federation", filled);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(JsonPath.<Integer>read(response.body(), "$.accepted")).as(response.body()).isEqualTo(1);
        assertThat(JsonPath.<String>read(published("EligibilityAdjusted", Liancheng.personId(severe)).get(0), "$.category"))
                .isEqualTo("DISABILITY_SEVERE");
    }

    private HttpResponse<byte[]> blankForm(String client) throws Exception {
        HttpResponse<byte[]> blank = HttpClient.newHttpClient().send(api(client).request("/api/v1/templates/adjustment-list.xlsx")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(blank.statusCode()).isEqualTo(200);
        return blank;
    }

    /** The blank form as a clerk fills it in: its first sheet, then saved. */
    private static byte[] filledIn(HttpResponse<byte[]> blank, BiConsumer<XSSFWorkbook, Sheet> clerk) throws IOException {
        try (XSSFWorkbook form = new XSSFWorkbook(new ByteArrayInputStream(blank.body())); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            clerk.accept(form, form.getSheetAt(0));
            form.write(out);
            return out.toByteArray();
        }
    }

    private HttpResponse<String> uploadForm(String client, byte[] filled) {
        return postBytes(client, "/api/v1/adjustment-batches?month=2017-10", "multipart/form-data; boundary=" + BOUNDARY,
                Uploads.multipart(BOUNDARY, "附件3.xlsx", filled));
    }

    private static Row fill(Row row, int serial, String township, String idNumber, String action, String category) {
        row.createCell(0).setCellValue(serial);
        row.createCell(1).setCellValue(township);
        row.createCell(2).setCellValue(Liancheng.VILLAGE);
        row.createCell(3).setCellValue(idNumber);
        row.createCell(4).setCellValue("13800000000");
        row.createCell(5).setCellValue(action);
        row.createCell(6).setCellValue(category);
        return row;
    }

    @Test
    void aFileThatIsNoWorkbookIsBadInput() {
        HttpResponse<String> response = postBytes("civil-affairs", "/api/v1/adjustment-batches?month=2017-10",
                "multipart/form-data; boundary=" + BOUNDARY, Uploads.multipart(BOUNDARY, "2017-10.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].field")).isEqualTo("file");
    }
}
