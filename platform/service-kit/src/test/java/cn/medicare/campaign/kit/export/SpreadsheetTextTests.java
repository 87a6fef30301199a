package cn.medicare.campaign.kit.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadsheetTextTests {

    @Test
    void aCellThatStartsLikeAFormulaIsWrittenAsTextAndNumbersStayNumbers() {
        assertThat(List.of("=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1").stream()
                .map(SpreadsheetText::neutralised)).allSatisfy(cell -> assertThat(cell).startsWith("'"));
        assertThat(SpreadsheetText.neutralised("-12.50")).isEqualTo("-12.50");
        assertThat(SpreadsheetText.neutralised("莲峰镇")).isEqualTo("莲峰镇");
        assertThat(SpreadsheetText.neutralised(null)).isNull();
    }

    @Test
    void csvLinesAreQuotedAsRfc4180Wants() {
        assertThat(SpreadsheetText.csvLine(Arrays.asList("a", "b,c", "say \"hi\"", "two\nlines", null, " padded", "=1+1")))
                .isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",,\" padded\",'=1+1");
    }
}
