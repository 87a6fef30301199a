package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.kit.intake.ListIntake;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.RequestValues;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tax bureau's daily reconciliation file (入库对账) and the outcome per day. Its signature may
 * cover method and path as well as the body, and should: the body alone does not say which day it
 * reconciles, so a signature over the body only, as API.md writes it and also taken, could be
 * replayed to another date ({@link WebhookSignature}).
 */
@RestController
class ReconciliationsController {

    private final SignedRequests signedRequests;
    private final ReconciliationService reconciliations;
    private final ReconciliationReportStore reports;
    private final Clock clock;
    private final ListIntake intake;

    ReconciliationsController(SignedRequests signedRequests, ReconciliationService reconciliations, ReconciliationReportStore reports,
            Clock clock, ListIntake intake) {
        this.signedRequests = signedRequests;
        this.reconciliations = reconciliations;
        this.reports = reports;
        this.clock = clock;
        this.intake = intake;
    }

    @PostMapping("/api/v1/reconciliations/{date}")
    @PreAuthorize("hasRole('TAX_BUREAU')")
    ReconciliationReport reconcile(@PathVariable String date, @RequestHeader(name = "X-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Signature", required = false) String signed,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        // the signature covers the bytes, so they are read whole: the kit's body limit bounds them
        byte[] file = signedRequests.verified(timestamp, signed, "POST /api/v1/reconciliations/" + date, body);
        LocalDate day = day(date);
        ReconciliationFile.Rows rows = ReconciliationFile.read(intake, file, contentType, clock);
        try {
            return reconciliations.reconcile(day, rows);
        } catch (DuplicateKeyException voucherPostedMeanwhile) {
            // the locks are per payer: a webhook's post of one of the file's vouchers for another payer meets the file only
            // at the voucher's key; rolled back, the file is compared again and finds it received (a mismatch of person).
            // Not a lock per voucher: a day's file holds tens of thousands, beyond PostgreSQL's lock table
            return reconciliations.reconcile(day, rows);
        }
    }

    @GetMapping("/api/v1/reconciliations/{date}")
    @PreAuthorize("hasAnyRole('TAX_BUREAU','BUREAU')")
    ReconciliationReport report(@PathVariable String date) {
        return reports.of(day(date)).orElseThrow(() -> ApiException.notFound("date",
                "未收到 " + date + " 的对账文件 / No reconciliation file was received for " + date + "."));
    }

    private static LocalDate day(String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("date", "应为日期，如 2017-10-09 / is a day such as 2017-10-09");
        }
        String outOfRange = RequestValues.problemWithDate(day);
        if (outOfRange != null) {
            throw ApiException.invalid("date", outOfRange);
        }
        return day;
    }
}
