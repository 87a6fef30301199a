package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.identity.PersonIds;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One valid payment confirmation (缴费信息回传) as the tax bureau sent it.
 *
 * @param idNumber the plain, normalised number: it stays in this request and is never stored or logged
 */
record Confirmation(int index, String voucherNo, String idNumber, int coverageYear, BigDecimal amount,
        PaymentChannel channel, Instant paidAt) {

    /** For logs: the county alone, as no age is judged here and an infant's check character must not show. */
    @Override
    public String toString() {
        return "Confirmation[index=" + index + ", voucherNo=" + voucherNo + ", idNumber=" + PersonIds.maskIdNumberToCounty(idNumber)
                + ", coverageYear=" + coverageYear + ", amount=" + amount + ", channel=" + channel + ", paidAt=" + paidAt + "]";
    }
}
