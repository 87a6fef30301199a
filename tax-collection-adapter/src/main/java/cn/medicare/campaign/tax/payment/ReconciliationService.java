package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.contracts.codes.PaymentSource;
import cn.medicare.campaign.contracts.events.Amounts;
import cn.medicare.campaign.contracts.events.ReconciliationCompleted;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.kit.locking.PersonLocks;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import cn.medicare.campaign.tax.levy.CampaignStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 入库对账: compares the tax bureau's file of a day with the confirmations received. A voucher only
 * the file has is recovered: stored and published like a webhook confirmation (source
 * RECONCILIATION). A voucher both know differently is listed and changes nothing. A repeated file
 * for the day answers the same figures: its recovered vouchers are remembered with the day.
 */
@Service
class ReconciliationService {

    private final PaymentStore payments;
    private final PaymentConfirmationService confirmations;
    private final ReconciliationReportStore reports;
    private final PersonLocks locks;
    private final PersonIds personIds;
    private final CampaignStore campaigns;
    private final OutboxWriter outbox;

    ReconciliationService(PaymentStore payments, PaymentConfirmationService confirmations, ReconciliationReportStore reports, PersonLocks locks,
            PersonIds personIds, CampaignStore campaigns, OutboxWriter outbox) {
        this.payments = payments;
        this.confirmations = confirmations;
        this.reports = reports;
        this.locks = locks;
        this.personIds = personIds;
        this.campaigns = campaigns;
        this.outbox = outbox;
    }

    @Transactional
    ReconciliationReport reconcile(LocalDate date, ReconciliationFile.Rows rows) {
        // never beside a webhook post or another file about the same payers
        locks.lock(rows.valid().stream().map(row -> personIds.personId(row.idNumber())).toList());
        List<ReconciliationFile.RowRejection> rejected = new ArrayList<>(rows.rejected());
        List<ReconciliationReport.Mismatch> mismatches = new ArrayList<>();
        Set<String> inFile = new HashSet<>();
        List<Confirmation> onlyInFile = new ArrayList<>();
        int matched = 0;
        int recovered = 0;
        BigDecimal taxTotal = BigDecimal.ZERO.setScale(2);
        Map<String, PaymentStore.Received> ours = payments.find(rows.valid().stream().map(Confirmation::voucherNo).toList());
        LocalDate firstCollectionDay = campaigns.firstCollectionDay().orElse(null);
        for (Confirmation row : rows.valid()) {
            if (!inFile.add(row.voucherNo())) {
                rejected.add(new ReconciliationFile.RowRejection(row.index(),
                        List.of(InputError.row(row.index(), "voucherNo",
                                "凭证号与文件中前面的一行重复 / is already on an earlier line of the file"))));
                continue;
            }
            PaymentStore.Received payment = ours.get(row.voucherNo());
            if (payment == null) {
                onlyInFile.add(row);
                continue;
            }
            String rowPayer = personIds.personId(row.idNumber());
            List<String> differences = payment.differencesFrom(row, rowPayer);
            if (!differences.isEmpty()) {
                // one person shows one mask: the stored one may date from before the first campaign was known (the county alone)
                String taxIdNumber = rowPayer.equals(payment.personId()) ? payment.idNumberMasked() : row.idNumberMasked(firstCollectionDay);
                mismatches.add(new ReconciliationReport.Mismatch(row.voucherNo(), differences, row.amount(), payment.amount(),
                        taxIdNumber, payment.idNumberMasked()));
            } else if (date.equals(payment.recoveredOn())) {
                recovered++;
            } else {
                matched++;
            }
            taxTotal = taxTotal.add(row.amount());
        }
        BigDecimal fileTotal = onlyInFile.stream().map(Confirmation::amount).reduce(taxTotal, BigDecimal::add);
        if (Amounts.tooLarge(fileTotal)) {
            throw ApiException.invalid("amount", "文件金额合计超出一天合计可记录的范围，请拆分或核对金额 / the file's amounts add up beyond what a"
                    + " day's total holds: check them");
        }
        Map<Confirmation, InputError> refused = confirmations.store(onlyInFile, PaymentSource.RECONCILIATION,
                confirmations.progressForOneRequest());
        List<String> recoveredNow = new ArrayList<>();
        for (Confirmation row : onlyInFile) {
            InputError error = refused.get(row);
            if (error != null) {
                inFile.remove(row.voucherNo());
                rejected.add(new ReconciliationFile.RowRejection(row.index(),
                        List.of(InputError.row(row.index(), error.field(), error.message()))));
            } else {
                recoveredNow.add(row.voucherNo());
                taxTotal = taxTotal.add(row.amount());
            }
        }
        payments.markRecovered(recoveredNow, date);
        recovered += recoveredNow.size();
        int unknownToTax = (int) payments.paidOn(date).stream()
                .filter(voucherNo -> !inFile.contains(voucherNo) && !rows.vouchersOnRejectedRows().contains(voucherNo)).count();
        rejected.sort((a, b) -> Integer.compare(a.row(), b.row()));
        ReconciliationReport report = new ReconciliationReport(date, inFile.size(), taxTotal, matched, recovered, mismatches.size(),
                unknownToTax, mismatches, rejected);
        ReconciliationCompleted before = reports.of(date).map(ReconciliationReport::figures).orElse(null);
        reports.save(report);
        // a repeated file with the same outcome is the same reconciliation: announced once
        if (!report.figures().equals(before)) {
            outbox.append(report.figures());
        }
        return report;
    }
}
