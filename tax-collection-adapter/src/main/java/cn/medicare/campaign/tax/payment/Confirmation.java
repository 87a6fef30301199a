package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.identity.PersonIds;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One valid payment confirmation (缴费信息回传) as the tax bureau sent it.
 *
 * @param idNumber the plain, normalised number: it stays in this request and is never stored or logged
 * @param birthDate the birth date the number holds
 */
record Confirmation(int index, String voucherNo, String idNumber, LocalDate birthDate, int coverageYear, BigDecimal amount,
        PaymentChannel channel, Instant paidAt) {

    /**
     * The payer's number as anyone without the tax bureau's rights may read it, by the rule every service masks by
     * ({@link PersonIds#maskIdNumber(String, LocalDate, LocalDate)}).
     *
     * @param firstCollectionDay the first day any campaign let people enrol and pay; null while none is known (the county alone)
     */
    String idNumberMasked(LocalDate firstCollectionDay) {
        return PersonIds.maskIdNumber(idNumber, birthDate, firstCollectionDay);
    }

    @Override
    public String toString() {
        return "Confirmation[index=" + index + ", voucherNo=" + voucherNo + ", idNumber=" + PersonIds.maskIdNumberToCounty(idNumber)
                + ", coverageYear=" + coverageYear + ", amount=" + amount + ", channel=" + channel + ", paidAt=" + paidAt + "]";
    }
}
