package cn.medicare.campaign.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
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
        byte[] workbook = workbook(List.of(
                List.of("township", "village", "idNumber", "phone", "action", "category", "effectiveDate"),
                List.of(Liancheng.TOWNSHIP, Liancheng.VILLAGE, orphan, "13800000000", "新增", "ORPHAN", "2017-10-15"),
                List.of(Liancheng.TOWNSHIP, Liancheng.VILLAGE, monitored, "", "ADD", "MONITORED", "2017-10-15")));

        HttpResponse<String> response = postBytes("civil-affairs", "/api/v1/adjustment-batches?month=2017-10",
                "multipart/form-data; boundary=" + BOUNDARY, multipart(workbook));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(JsonPath.<Integer>read(response.body(), "$.accepted")).isEqualTo(1);
        assertThat(JsonPath.<List<Integer>>read(response.body(), "$.rejected[*].row")).containsExactly(2);
        assertThat(JsonPath.<String>read(published("EligibilityAdjusted", Liancheng.personId(orphan)).get(0), "$.effectiveDate"))
                .isEqualTo("2017-10-15");
    }

    @Test
    void aFileThatIsNoWorkbookIsBadInput() {
        HttpResponse<String> response = postBytes("civil-affairs", "/api/v1/adjustment-batches?month=2017-10",
                "multipart/form-data; boundary=" + BOUNDARY, multipart("not a workbook".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].field")).isEqualTo("file");
    }

    /** The effective date as an Excel date, the way clerks type it. */
    private static byte[] workbook(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("动态调整");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String value = rows.get(r).get(c);
                    if (r > 0 && c == 6) {
                        row.createCell(c).setCellValue(LocalDate.parse(value));
                        row.getCell(c).setCellStyle(date);
                    } else {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] multipart(byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"2017-10.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
