package cn.medicare.campaign.tax.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.medicare.campaign.fixtures.Liancheng;
import cn.medicare.campaign.kit.intake.IntakeLimits;
import cn.medicare.campaign.kit.intake.ListIntake;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReconciliationFileTests {

    private static final ListIntake INTAKE = new ListIntake(IntakeLimits.defaults(), JsonMapper.builder().build());
    private static final Clock NOW = Clock.fixed(Instant.parse("2017-10-21T04:00:00Z"), ZoneOffset.UTC);
    private static final String ID = Liancheng.idNumber(401);

    @Test
    void readsRowsWithTheirRowNumbersAcceptingAByteOrderMarkQuotesAndBlankLines() {
        ReconciliationFile.Rows rows = read("\uFEFFvoucherNo,idNumber,coverageYear,amount,channel,paidAt\r\n"
                + "\"V1\"," + ID + ",2018,180,WECHAT,2017-10-20T01:00:00Z\r\n\r\n"
                + "V2," + ID + ",2018,40.00,BANK\r\n"
                + "V3," + ID + ",2018,-1,BANK,2017-10-20T01:00:00Z\r\n");

        assertThat(rows.valid()).singleElement().satisfies(row -> {
            assertThat(row.index()).isEqualTo(1);
            assertThat(row.voucherNo()).isEqualTo("V1");
            assertThat(row.amount()).isEqualTo(new BigDecimal("180.00"));
        });
        assertThat(rows.rejected()).extracting(ReconciliationFile.RowRejection::row).containsExactly(2, 3);
        assertThat(rows.rejected().get(0).errors()).extracting(InputError::field).containsExactly("row");
        assertThat(rows.rejected().get(1).errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("amount");
            assertThat(error.row()).isEqualTo(3);
        });
    }

    @Test
    void aFileWithoutTheHeaderIsRefusedAsAWhole() {
        assertThatThrownBy(() -> read("V1," + ID + ",2018,180,WECHAT,2017-10-20T01:00:00Z\n")).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).errors()).extracting(InputError::field).containsExactly("header"));
        assertThatThrownBy(() -> read("")).isInstanceOf(ApiException.class);
    }

    private static ReconciliationFile.Rows read(String text) {
        return ReconciliationFile.read(INTAKE, text.getBytes(StandardCharsets.UTF_8), "text/csv", NOW);
    }
}
