package cn.medicare.campaign.tax.payment;

import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.RequestValues;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The tax bureau's daily reconciliation file (入库对账), signed like its other posts, and the outcome per day. */
@RestController
class ReconciliationsController {

    private final SignedRequests signedRequests;
    private final Reconciliations reconciliations;
    private final ReconciliationReports reports;
    private final Clock clock;

    ReconciliationsController(SignedRequests signedRequests, Reconciliations reconciliations, ReconciliationReports reports,
            Clock clock) {
        this.signedRequests = signedRequests;
        this.reconciliations = reconciliations;
        this.reports = reports;
        this.clock = clock;
    }

    @PostMapping("/api/v1/reconciliations/{date}")
    @PreAuthorize("hasRole('TAX_BUREAU')")
    ReconciliationReport reconcile(@PathVariable String date, @RequestHeader(name = "X-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Signature", required = false) String signed,
            @RequestBody(required = false) byte[] body) {
        byte[] file = signedRequests.verified(timestamp, signed, body);
        LocalDate day = day(date);
        return reconciliations.reconcile(day, ReconciliationFile.read(file, BusinessTime.today(clock)));
    }

    @GetMapping("/api/v1/reconciliations/{date}")
    @PreAuthorize("hasAnyRole('TAX_BUREAU','BUREAU')")
    ReconciliationReport report(@PathVariable String date) {
        return reports.of(day(date)).orElseThrow(() -> ApiException.notFound("No reconciliation file was received for " + date + "."));
    }

    private static LocalDate day(String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("date", "is a day such as 2017-10-09");
        }
        String outOfRange = RequestValues.problemWithDate(day);
        if (outOfRange != null) {
            throw ApiException.invalid("date", outOfRange);
        }
        return day;
    }
}
