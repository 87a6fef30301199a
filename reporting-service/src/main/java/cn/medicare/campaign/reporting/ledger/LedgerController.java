package cn.medicare.campaign.reporting.ledger;

import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.security.Role;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.RequestValues;
import cn.medicare.campaign.reporting.participation.Moment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 资助参保台账 (issue 9): per assistance category, its agency and township: people assisted, subsidy
 * granted, how many of them are enrolled (settled) and their subsidy, the medical-assistance fund's
 * payments and the individuals' own, as of any moment (the subsidy as it stands; payments confirmed
 * by then). The bureau and viewers read all of it; an
 * agency the categories it certifies.
 */
@RestController
class LedgerController {

    private static final List<String> HEADER = List.of("资助类别 category", "认定部门 agency", "乡镇 township", "乡镇名称 townshipName",
            "资助登记人数 people", "资助金额 subsidy", "资助参保人数 enrolled", "已参保人员资助金额 enrolledSubsidy", "医疗救助资金代缴 fundPaid",
            "个人缴费 individualsPaid");
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    record Ledger(String region, int coverageYear, Instant asOf, List<Line> lines) {
    }

    /** @param people registered, settled or not; {@code enrolled} of them settled, as the figures count the assisted */
    record Line(AssistanceCategory category, Agency agency, String township, String townshipName, int people, BigDecimal subsidy,
            int enrolled, BigDecimal enrolledSubsidy, BigDecimal fundPaid, BigDecimal individualsPaid) {
    }

    private final LedgerStore store;
    private final Clock clock;

    LedgerController(LedgerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/api/v1/assistance-ledger")
    @PreAuthorize("hasAnyRole('BUREAU','VIEWER','AGENCY')")
    @Transactional(readOnly = true)
    ResponseEntity<?> ledger(Caller caller, @RequestParam String region, @RequestParam int coverageYear,
            @RequestParam(required = false) String asOf, @RequestParam(required = false, defaultValue = "json") String format) {
        RequestValues.requireRegion(region);
        // a moment named to the second covers that whole second, as every other figure's (Moment.until)
        Moment moment = asOf == null ? Moment.now(clock) : Moment.asOf(instant(asOf));
        List<Line> lines = store.lines(region, coverageYear, moment).stream()
                .map(line -> {
                    AssistanceCategory category = AssistanceCategory.valueOf(line.category());
                    return new Line(category, category.agency(), line.township(), line.townshipName(), line.people(), line.subsidy(),
                            line.enrolled(), line.enrolledSubsidy(), line.fundPaid(), line.individualsPaid());
                })
                .filter(line -> !caller.is(Role.AGENCY) || line.agency() == caller.agency())
                .toList();
        Ledger ledger = new Ledger(region, coverageYear, moment.at(), lines);
        return switch (format) {
            case "json" -> ResponseEntity.ok(ledger);
            case "xlsx" -> ResponseEntity.ok().contentType(XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assistance-ledger-" + region + "-" + coverageYear + ".xlsx\"")
                    .body(xlsx(ledger));
            default -> throw ApiException.invalid("format", "应为 json 或 xlsx / is json or xlsx");
        };
    }

    private static Instant instant(String asOf) {
        Instant at;
        try {
            at = Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("asOf", "应为时间点，如 2017-11-30T15:59:59Z（北京时间11月30日止） / is an instant such as "
                    + "2017-11-30T15:59:59Z (the end of 30 November in Beijing)");
        }
        String outOfRange = RequestValues.problemWithInstant(at);
        if (outOfRange != null) {
            throw ApiException.invalid("asOf", outOfRange);
        }
        return at;
    }

    private static byte[] xlsx(Ledger ledger) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("资助参保台账 " + ledger.coverageYear());
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                header.createCell(c).setCellValue(HEADER.get(c));
            }
            for (int r = 0; r < ledger.lines().size(); r++) {
                Line line = ledger.lines().get(r);
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue(line.category().name());
                row.createCell(1).setCellValue(line.agency().name());
                row.createCell(2).setCellValue(line.township());
                row.createCell(3).setCellValue(line.townshipName());
                row.createCell(4).setCellValue(line.people());
                row.createCell(5).setCellValue(line.subsidy().doubleValue());
                row.createCell(6).setCellValue(line.enrolled());
                row.createCell(7).setCellValue(line.enrolledSubsidy().doubleValue());
                row.createCell(8).setCellValue(line.fundPaid().doubleValue());
                row.createCell(9).setCellValue(line.individualsPaid().doubleValue());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
