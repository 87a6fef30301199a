package cn.medicare.campaign.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.fixtures.Uploads;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    @Test
    void aFileThatIsNoWorkbookIsBadInput() {
        HttpResponse<String> response = postBytes("civil-affairs", "/api/v1/adjustment-batches?month=2017-10",
                "multipart/form-data; boundary=" + BOUNDARY, Uploads.multipart(BOUNDARY, "2017-10.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].field")).isEqualTo("file");
    }
}
