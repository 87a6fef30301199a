package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.intake.ListIntake;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.RequestValues;
import cn.medicare.campaign.kit.web.InputError;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/enrolments")
class EnrolmentController {

    /**
     * The roster entry as people read it: the ID number masked, a coverage from birth as a flag
     * without the birth date, a coverage start null while it waits for the payment, and the rule
     * that decided with its explanation in Chinese; a withdrawal near the birth as a flag too, without its date.
     */
    record EnrolmentView(String personId, int coverageYear, String region, String idNumberMasked, String name,
            String personCategory, String township, String village, String school, String schoolClass, boolean hukouLocal,
            boolean residencePermit, String channel, String enrolledOn, @JsonInclude(JsonInclude.Include.ALWAYS) String coverageStart,
            Boolean coverageFromBirth,
            int waitingPeriodDays, Integer waitingPeriodMonths, CoverageRuleView coverageRule, String amountRule,
            SpecialCaseView specialCase, String remarks, String withdrawnOn, Boolean withdrawnFromBirth, String withdrawalReason) {

        static EnrolmentView of(Enrolment e) {
            Enrolment.Terms terms = e.terms();
            return new EnrolmentView(e.personId(), e.coverageYear(), e.region(), e.idNumberMasked(), e.name(),
                    e.personCategory().name(), e.township(), e.village(), e.school(), terms.schoolClass(), e.hukouLocal(),
                    e.residencePermit(), e.channel().name(), e.enrolledOn().toString(),
                    e.coverageStartShown() == null ? null : e.coverageStartShown().toString(), e.coverageFromBirth(),
                    e.waitingPeriodDays(), terms.waitingPeriodMonths() == 0 ? null : terms.waitingPeriodMonths(),
                    CoverageRuleView.of(terms),
                    terms.amountRule().name(),
                    terms.specialCase() == null ? null : new SpecialCaseView(terms.specialCase().name(), terms.employeeYears()),
                    terms.remarks(),
                    e.withdrawnOn() == null || e.withdrawnFromBirth() ? null : e.withdrawnOn().toString(),
                    e.withdrawnFromBirth() ? true : null,
                    e.withdrawalReason() == null ? null : e.withdrawalReason().name());
        }
    }

    /** The case's date stays home: for a newborn it is the birth date. */
    record SpecialCaseView(@JsonProperty("case") String specialCase, Integer employeeYears) {
    }

    private final EnrolmentService enrolments;
    private final WithdrawalService withdrawals;
    private final ChangeService changes;
    private final ListIntake intake;
    private final AuditStore audit;
    private final RenewalService renewals;
    private final VillagesToCheckService villagesToCheck;

    EnrolmentController(EnrolmentService enrolments, WithdrawalService withdrawals, ChangeService changes, ListIntake intake,
            AuditStore audit, RenewalService renewals, VillagesToCheckService villagesToCheck) {
        this.audit = audit;
        this.renewals = renewals;
        this.villagesToCheck = villagesToCheck;
        this.enrolments = enrolments;
        this.withdrawals = withdrawals;
        this.changes = changes;
        this.intake = intake;
    }

    @PatchMapping(path = "/{personId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('BUREAU','TOWNSHIP')")
    EnrolmentView change(Caller caller, @PathVariable String personId, @RequestParam int coverageYear,
            @RequestBody EnrolmentChange change) {
        return EnrolmentView.of(changes.change(caller, personId, coverageYear, change));
    }

    @PostMapping(path = "/{personId}/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('BUREAU','TOWNSHIP')")
    EnrolmentView withdraw(Caller caller, @PathVariable String personId, @RequestBody WithdrawalRequest request) {
        return EnrolmentView.of(withdrawals.withdraw(caller, personId, request));
    }

    @PostMapping(path = "/{personId}/withdrawal/revocation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('BUREAU','TOWNSHIP')")
    EnrolmentView revokeWithdrawal(Caller caller, @PathVariable String personId, @RequestBody RevocationRequest request) {
        return EnrolmentView.of(withdrawals.revoke(caller, personId, request));
    }

    /** 续保 roll-over: last year's residents registered for this year before the period opens (idempotent). */
    @PostMapping("/rollover")
    @PreAuthorize("hasRole('BUREAU')")
    RenewalService.RolledOver rollOver(Caller caller, @RequestParam String region, @RequestParam int coverageYear) {
        RequestValues.requireRegion(region);
        return renewals.rollOver(caller.clientId(), region, coverageYear);
    }

    /**
     * 待核对村（社区）: the year's enrolments whose village is none of their township's in the campaign (a renewal's copied from
     * last year, say), for a clerk to correct; a township's clerk reads their own township's.
     */
    @GetMapping("/villages-to-check")
    @PreAuthorize("hasAnyRole('BUREAU','TOWNSHIP')")
    VillagesToCheckService.VillagesToCheck villagesToCheck(Caller caller, @RequestParam String region, @RequestParam int coverageYear,
            @RequestParam(required = false) String township) {
        RequestValues.requireRegion(region);
        return villagesToCheck.list(caller, region, coverageYear, township);
    }

    /** 参保变更记录: every change to the person-year, who made it, when and why (the bureau's to read). */
    @GetMapping("/{personId}/audit")
    @PreAuthorize("hasRole('BUREAU')")
    List<AuditStore.Entry> audit(@PathVariable String personId, @RequestParam(required = false) String coverageYear) {
        if (coverageYear == null || !coverageYear.matches("[0-9]{4}")) {
            throw ApiException.invalid("coverageYear", "应为年份，如 2018 / is a year such as 2018");
        }
        return audit.of(personId, Integer.parseInt(coverageYear));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('BUREAU','TOWNSHIP')")
    ResponseEntity<EnrolmentService.Enrolled> enrol(Caller caller, @RequestBody EnrolmentRequest request) {
        EnrolmentService.Enrolled enrolled = enrolments.enrol(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/enrolments/" + enrolled.personId() + "?coverageYear=" + request.coverageYear()))
                .body(enrolled);
    }

    /**
     * A township's or school's list: CSV with region and coverage year as query parameters, or a JSON
     * array. Both bodies are required (and streamed): with optional ones Spring ignores
     * {@code consumes} for an empty request, and the two handlers would make it ambiguous, a 500.
     */
    @PostMapping(path = "/batch", consumes = "text/csv")
    @PreAuthorize("hasAnyRole('BUREAU','TOWNSHIP')")
    BatchOutcome enrolCsv(Caller caller, @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer coverageYear,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody InputStreamResource body) throws IOException {
        try (InputStream csv = body.getInputStream()) {
            return enrolments.enrolAll(caller, EnrolmentList.read(intake, csv, contentType, region, coverageYear));
        }
    }

    /** The spreadsheet itself (附件4 新参保登记表 as filled in, or the API's columns): multipart, part {@code file}, first sheet. */
    @PostMapping(path = "/batch", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('BUREAU','TOWNSHIP')")
    BatchOutcome enrolWorkbook(Caller caller, @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer coverageYear, @RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream xlsx = file.getInputStream()) {
            return enrolments.enrolAll(caller, EnrolmentList.readWorkbook(intake, xlsx, region, coverageYear));
        }
    }

    /**
     * A JSON array of residents: each names its region and coverage year, or the query gives the list's, as for CSV (API.md
     * names the query parameters beside both bodies).
     */
    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('BUREAU','TOWNSHIP')")
    BatchOutcome enrolJson(Caller caller, @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer coverageYear, @RequestBody InputStreamResource body) throws IOException {
        EnrolmentList.checkRegion(region);
        List<ListIntake.JsonRow<EnrolmentRequest>> requests;
        try (InputStream json = body.getInputStream()) {
            // a value of the wrong type (是 for a boolean) is its row's mistake, as in the CSV and the workbook
            requests = intake.jsonRowsEach(json, null, EnrolmentRequest.class);
        }
        if (requests.isEmpty()) {
            throw ApiException.invalid("body", "至少列出一名居民 / lists at least one resident");
        }
        List<BatchRow> rows = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ListIntake.JsonRow<EnrolmentRequest> request = requests.get(i);
            if (request.problem() != null) {
                rows.add(new BatchRow(i + 1, null, List.of(request.problem())));
            } else if (request.value() == null) {
                rows.add(new BatchRow(i + 1, null, List.of(InputError.row(i + 1, null, "应为一名居民，不能为空 / is a resident, not null"))));
            } else {
                rows.add(EnrolmentList.jsonRow(i + 1, request.value(), region, coverageYear));
            }
        }
        return enrolments.enrolAll(caller, rows);
    }

    /** A resident looked up by ID number: in the body, so that the number stays out of URLs and access logs. */
    @PostMapping(path = "/lookup", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('BUREAU','TOWNSHIP')")
    EnrolmentView lookUp(Caller caller, @RequestBody LookupRequest request) {
        return EnrolmentView.of(enrolments.lookUp(caller, request));
    }

    @GetMapping("/{personId}")
    @PreAuthorize("hasAnyRole('BUREAU','TOWNSHIP')")
    EnrolmentView get(Caller caller, @PathVariable String personId, @RequestParam int coverageYear) {
        return EnrolmentView.of(enrolments.find(caller, personId, coverageYear));
    }
}
