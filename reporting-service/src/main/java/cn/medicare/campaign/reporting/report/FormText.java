package cn.medicare.campaign.reporting.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A cell as the text every format but the workbook prints: a rate as a percentage with two decimals, money with two. */
final class FormText {

    private FormText() {
    }

    static String of(Object value, FormTable.Kind kind) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return switch (kind) {
                case PERCENT -> decimal.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
                case MONEY -> decimal.setScale(2, RoundingMode.HALF_UP).toPlainString();
                default -> decimal.toPlainString();
            };
        }
        return value.toString();
    }
}
