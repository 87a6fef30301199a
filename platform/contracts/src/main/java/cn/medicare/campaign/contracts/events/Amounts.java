package cn.medicare.campaign.contracts.events;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money on the bus is yuan with exactly two decimals (fen), so equal amounts are equal text. */
final class Amounts {

    private Amounts() {
    }

    /** Far above any contribution or subsidy, and small enough that no check below costs anything. */
    private static final int MAX_INTEGER_DIGITS = 12;

    /**
     * Checks the size before the decimals, and quotes neither: a value like {@code 1e-999999999}
     * would otherwise print a billion digits.
     */
    static BigDecimal yuan(BigDecimal amount) {
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("an amount in yuan has at most " + MAX_INTEGER_DIGITS + " digits before the point");
        }
        if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("an amount in yuan has at most two decimals (fen)");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
