package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.kit.export.SpreadsheetText;
import cn.medicare.campaign.reporting.participation.Figures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.web.util.HtmlUtils;

/**
 * A report's figures as the files people pass around: JSON, CSV, an Excel workbook, an HTML page.
 * Text bound for a spreadsheet goes through the kit's {@link SpreadsheetText}: a township name
 * that starts like a formula is shown, never run.
 */
final class ReportRendering {

    private static final List<String> COLUMNS = List.of("township", "townshipName", "target", "registered", "enrolled", "rate",
            "selfPaid", "assisted", "localHukouRegistered", "localHukouEnrolled", "nonLocalRegistered", "nonLocalEnrolled");

    private ReportRendering() {
    }

    static byte[] json(Report report) {
        return EventJson.mapper().writeValueAsBytes(report);
    }

    static byte[] csv(Report report) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(SpreadsheetText.csvLine(COLUMNS)).append("\r\n");
        for (List<String> row : rows(report)) {
            csv.append(SpreadsheetText.csvLine(row)).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(Report report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(report.type() + " " + report.coverageYear());
            List<List<String>> rows = new ArrayList<>();
            rows.add(COLUMNS);
            rows.addAll(rows(report));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String value = rows.get(r).get(c);
                    if (r > 0 && c >= 2) {
                        row.createCell(c).setCellValue(Double.parseDouble(value));
                    } else {
                        row.createCell(c).setCellValue(SpreadsheetText.neutralised(value));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] html(Report report) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(report.type()).append(' ').append(report.region()).append(' ').append(report.coverageYear())
                .append("</title></head><body><h1>参保进度 ").append(report.region()).append(' ').append(report.coverageYear())
                .append("</h1><p>").append(report.type()).append(", as of ").append(report.asOf()).append("</p><table border=\"1\"><tr>");
        COLUMNS.forEach(column -> html.append("<th>").append(column).append("</th>"));
        html.append("</tr>");
        for (List<String> row : rows(report)) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(HtmlUtils.htmlEscape(cell)).append("</td>"));
            html.append("</tr>");
        }
        return html.append("</table></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The townships, then the county total as the last row. */
    private static List<List<String>> rows(Report report) {
        List<List<String>> rows = new ArrayList<>();
        report.content().townships().forEach(figures -> rows.add(row(figures.township(), figures.townshipName(), figures)));
        rows.add(row("total", "合计", report.content().total()));
        return rows;
    }

    private static List<String> row(String township, String name, Figures f) {
        return List.of(township, name, String.valueOf(f.target()), String.valueOf(f.registered()), String.valueOf(f.enrolled()),
                f.rate().toPlainString(), String.valueOf(f.selfPaid()), String.valueOf(f.assisted()),
                String.valueOf(f.localHukou().registered()), String.valueOf(f.localHukou().enrolled()),
                String.valueOf(f.nonLocal().registered()), String.valueOf(f.nonLocal().enrolled()));
    }
}
