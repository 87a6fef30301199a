package cn.medicare.campaign.subsidy.adjustment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.medicare.campaign.kit.intake.IntakeLimits;
import cn.medicare.campaign.kit.intake.ListIntake;
import cn.medicare.campaign.kit.web.ApiException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** An agency list exported as CSV, read by the kit's intake with this service's columns. */
class AdjustmentCsvTests {

    private static final ListIntake INTAKE = new ListIntake(IntakeLimits.defaults(), JsonMapper.builder().build());

    @Test
    void readsAnExportWithBomCrlfQuotesAndChineseActions() {
        String csv = "\uFEFFtownship,village,idNumber,phone,action,category,effectiveDate\r\n"
                + "350825100,\"莲峰村, 一组\",350825198506124011,13800000000,新增,MINIMUM_LIVING,2017-10-15\r\n"
                + "350825101,\"\"\"新\"\"村\",350825198506124027,,退出,EXTREME_POVERTY,2017-11-01\r\n"
                + "\r\n";

        List<AdjustmentRowInput> rows = read(csv);

        assertThat(rows).containsExactly(
                new AdjustmentRowInput("350825100", "莲峰村, 一组", "350825198506124011", "13800000000", "新增",
                        "MINIMUM_LIVING", "2017-10-15"),
                new AdjustmentRowInput("350825101", "\"新\"村", "350825198506124027", null, "退出", "EXTREME_POVERTY",
                        "2017-11-01"));
    }

    @Test
    void findsColumnsByNameAndLetsPhoneOut() {
        List<AdjustmentRowInput> rows = read(
                "category,effectiveDate,action,idNumber,village,township\nORPHAN,2017-10-01,ADD,350825198506124011,莲峰村,350825100");

        assertThat(rows).containsExactly(new AdjustmentRowInput("350825100", "莲峰村", "350825198506124011", null, "ADD",
                "ORPHAN", "2017-10-01"));
    }

    @Test
    void aShortRowLeavesItsMissingCellsEmptyForTheRowChecks() {
        assertThat(read("township,village,idNumber,phone,action,category,effectiveDate\n350825100,莲峰村"))
                .containsExactly(new AdjustmentRowInput("350825100", "莲峰村", null, null, null, null, null));
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsRefusedNamingThem() {
        assertThatThrownBy(() -> read("township,village,idNumber\n350825100,莲峰村,350825198506124011"))
                .isInstanceOfSatisfying(ApiException.class, refusal -> {
                    assertThat(refusal.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("header");
                        assertThat(error.message()).contains("action,category,effectiveDate");
                    });
                });
    }

    @Test
    void anUnclosedQuoteIsRefused() {
        assertThatThrownBy(() -> read("township,village,idNumber,phone,action,category,effectiveDate\n350825100,\"莲峰村,x,ADD"))
                .isInstanceOf(ApiException.class).hasMessageContaining("never closed");
    }

    @Test
    void anEmptyListIsRefusedAndAHeaderAloneHasNoRows() {
        assertThatThrownBy(() -> read("\n\n")).isInstanceOf(ApiException.class);
        assertThat(read("township,village,idNumber,phone,action,category,effectiveDate\n")).isEmpty();
    }

    private static List<AdjustmentRowInput> read(String csv) {
        return INTAKE.csv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "text/csv", AdjustmentColumns.COLUMNS,
                AdjustmentColumns::row);
    }
}
