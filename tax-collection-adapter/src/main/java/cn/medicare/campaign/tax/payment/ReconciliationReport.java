package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.contracts.events.ReconciliationCompleted;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of one day's file: the figures of ReconciliationCompleted, the vouchers both sides
 * know differently, and the rows that could not be read.
 */
record ReconciliationReport(LocalDate date, int taxCount, BigDecimal taxTotal, int matched, int recovered, int mismatched,
        int unknownToTax, List<Mismatch> mismatches, List<ReconciliationFile.RowRejection> rejected) {

    /**
     * A voucher the file and our confirmations tell differently; numbers are masked.
     *
     * @param differences "amount", "person" or both
     */
    record Mismatch(String voucherNo, List<String> differences, BigDecimal taxAmount, BigDecimal ourAmount,
            String taxIdNumber, String ourIdNumber) {
    }

    ReconciliationCompleted figures() {
        return new ReconciliationCompleted(date, taxCount, taxTotal, matched, recovered, mismatched, unknownToTax, rejected.size());
    }
}
