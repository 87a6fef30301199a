package cn.medicare.campaign.contracts.events;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money on the bus is yuan with exactly two decimals (fen), so equal amounts are equal text. */
final class Amounts {

    private Amounts() {
    }

    static BigDecimal yuan(BigDecimal amount) {
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(
                    "an amount in yuan has at most two decimals, not " + amount.toPlainString());
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
