package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.contracts.codes.ReportType;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import cn.medicare.campaign.kit.web.RequestValues;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reports")
class ReportController {

    record ReportRequest(ReportType type, String region, Integer coverageYear, Instant asOf) {
    }

    record Created(String reportId) {
    }

    record ReportSummary(String reportId, ReportType type, String region, int coverageYear, Instant asOf, Instant createdAt,
            int target, int enrolled, String rate) {

        static ReportSummary of(Report report) {
            return new ReportSummary(report.reportId().toString(), report.type(), report.region(), report.coverageYear(),
                    report.asOf(), report.createdAt(), report.content().total().target(), report.content().total().enrolled(),
                    report.content().total().rate().toPlainString());
        }
    }

    private static final Map<String, MediaType> FORMATS = Map.of(
            "json", MediaType.APPLICATION_JSON,
            "csv", MediaType.parseMediaType("text/csv;charset=UTF-8"),
            "xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            "html", MediaType.parseMediaType("text/html;charset=UTF-8"),
            "pdf", MediaType.APPLICATION_PDF);

    private final ReportService service;
    private final ReportStore reports;

    ReportController(ReportService service, ReportStore reports) {
        this.service = service;
        this.reports = reports;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('BUREAU')")
    ResponseEntity<Created> create(@RequestBody ReportRequest request) {
        List<InputError> errors = new ArrayList<>();
        if (request.type() == null) {
            errors.add(InputError.field("type", "须填写报表类型：WEEKLY、HALF_MONTHLY、MONTHLY、STAGE 或 ON_DEMAND"
                    + " / is required: WEEKLY, HALF_MONTHLY, MONTHLY, STAGE or ON_DEMAND"));
        }
        errors.addAll(RequestValues.campaignKeyErrors(request.region(), request.coverageYear()));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Report report;
        try {
            report = service.create(request.type(), request.region(), request.coverageYear(), request.asOf());
        } catch (DuplicateKeyException made) {
            throw request.type() == ReportType.WEEKLY
                    ? ApiException.conflict("今天已生成截至该日的周报 / a WEEKLY report of " + request.region() + " " + request.coverageYear()
                            + " as of that day was made today already: read it with GET /api/v1/reports?type=WEEKLY, or ask for an ON_DEMAND"
                            + " report")
                    : ApiException.conflict("该时点的通报已发布，不重复发布 / that bulletin of " + request.region() + " "
                            + request.coverageYear() + " was made at the same moment: read it with GET /api/v1/reports?type=" + request.type());
        }
        return ResponseEntity.created(URI.create("/api/v1/reports/" + report.reportId())).body(new Created(report.reportId().toString()));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('BUREAU','VIEWER')")
    @Transactional(readOnly = true)
    List<ReportSummary> list(@RequestParam String region, @RequestParam int coverageYear, @RequestParam(required = false) ReportType type) {
        return reports.list(region, coverageYear, type).stream().map(ReportSummary::of).toList();
    }

    @GetMapping("/{reportId}")
    @PreAuthorize("hasAnyRole('BUREAU','VIEWER')")
    @Transactional(readOnly = true)
    Report get(@PathVariable UUID reportId) {
        return find(reportId);
    }

    @GetMapping("/{reportId}/content.{format}")
    @PreAuthorize("hasAnyRole('BUREAU','VIEWER')")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> content(@PathVariable UUID reportId, @PathVariable String format) {
        MediaType type = FORMATS.get(format);
        if (type == null) {
            throw ApiException.notFound("没有这种格式 / no such format: json, csv, xlsx, html or pdf");
        }
        Report report = find(reportId);
        byte[] body = switch (format) {
            case "csv" -> ReportRendering.csv(report);
            case "xlsx" -> ReportRendering.xlsx(report);
            case "html" -> ReportRendering.html(report);
            case "pdf" -> ReportRendering.pdf(report);
            default -> ReportRendering.json(report);
        };
        return ResponseEntity.ok().contentType(type)
                .header("Content-Disposition", "attachment; filename=\"" + report.type() + "-" + report.region() + "-"
                        + report.coverageYear() + "." + format + "\"")
                .body(body);
    }

    private Report find(UUID reportId) {
        return reports.find(reportId).orElseThrow(() -> ApiException.notFound("没有这份报表 / no report " + reportId));
    }
}
