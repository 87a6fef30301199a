package cn.medicare.campaign.contracts.events;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money on the bus is yuan with exactly two decimals (fen), so equal amounts are equal text. The
 * checks are public so that an API can refuse a wrong amount by field before building an event.
 */
public final class Amounts {

    private Amounts() {
    }

    /**
     * Far above any contribution or subsidy, and exactly what the services' {@code numeric(12,2)}
     * columns hold (10 digits before the point): an amount that passes this check is stored.
     */
    private static final int MAX_INTEGER_DIGITS = 10;

    /**
     * Checks the size before the decimals, and quotes neither: a value like {@code 1e-999999999}
     * would otherwise print a billion digits.
     */
    static BigDecimal yuan(BigDecimal amount) {
        if (tooLarge(amount)) {
            throw new IllegalArgumentException("金额（元）整数部分最多 " + MAX_INTEGER_DIGITS + " 位"
                    + " / an amount in yuan has at most " + MAX_INTEGER_DIGITS + " digits before the point");
        }
        if (finerThanFen(amount)) {
            throw new IllegalArgumentException("金额（元）最多两位小数（到分） / an amount in yuan has at most two decimals (fen)");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** More than {@value #MAX_INTEGER_DIGITS} digits before the point; cheap even for 1e999999999. */
    public static boolean tooLarge(BigDecimal amount) {
        return amount.precision() - amount.scale() > MAX_INTEGER_DIGITS;
    }

    /** A part of a fen: three or more decimals that are not zeros. */
    public static boolean finerThanFen(BigDecimal amount) {
        return amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2;
    }
}
