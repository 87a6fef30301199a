package cn.medicare.campaign.tax.levy;

import java.math.BigDecimal;
import java.util.Objects;

/** Where a levy item (征缴名单条目) stands for the tax bureau. */
enum LevyStatus {
    /** Enrolled, but the subsidy service has not told us the payable amount yet. */
    PENDING_ASSESSMENT,
    UNPAID,
    /** Something was paid, less than the payable amount: a real payment, still to be completed. */
    PARTIALLY_PAID,
    /** Confirmed payments cover the payable amount (a payable of 0 is settled at once). */
    PAID,
    /** 终止参保: no longer to be collected, whatever was paid. */
    WITHDRAWN;

    /** @param payable null while not assessed */
    static LevyStatus of(BigDecimal payable, BigDecimal paid, boolean withdrawn) {
        Objects.requireNonNull(paid, "paid");
        if (withdrawn) {
            return WITHDRAWN;
        }
        if (payable == null) {
            return PENDING_ASSESSMENT;
        }
        if (paid.compareTo(payable) >= 0) {
            return PAID;
        }
        return paid.signum() > 0 ? PARTIALLY_PAID : UNPAID;
    }
}
