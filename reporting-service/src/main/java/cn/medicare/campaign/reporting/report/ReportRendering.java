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
            sheet(workbook, report.type() + " " + report.coverageYear(), rows(report));
            sheet(workbook, "村 villages", unitRows(report.content().villages()));
            sheet(workbook, "学校 schools", unitRows(report.content().schools()));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One sheet of the columns and these rows; none when there are no rows (a campaign without villages has no village sheet). */
    private static void sheet(XSSFWorkbook workbook, String name, List<List<String>> body) {
        if (body.isEmpty()) {
            return;
        }
        Sheet sheet = workbook.createSheet(name);
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        rows.addAll(body);
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
    }

    static byte[] html(Report report) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(report.type()).append(' ').append(report.region()).append(' ').append(report.coverageYear())
                .append("</title></head><body><h1>参保进度 ").append(report.region()).append(' ').append(report.coverageYear())
                .append("</h1><p>").append(report.type()).append(", as of ").append(report.asOf()).append("</p><table border=\"1\"><tr>");
        table(html, rows(report));
        if (!unitRows(report.content().villages()).isEmpty()) {
            table(html.append("<h2>村 villages</h2><table border=\"1\"><tr>"), unitRows(report.content().villages()));
        }
        if (!unitRows(report.content().schools()).isEmpty()) {
            table(html.append("<h2>学校 schools</h2><table border=\"1\"><tr>"), unitRows(report.content().schools()));
        }
        return html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The header cells and the rows of a table already opened, and its end. */
    private static void table(StringBuilder html, List<List<String>> rows) {
        COLUMNS.forEach(column -> html.append("<th>").append(column).append("</th>"));
        html.append("</tr>");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(HtmlUtils.htmlEscape(cell)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</table>");
    }

    /** A village's or school's rows: its code and name where the townships have theirs. */
    private static List<List<String>> unitRows(List<Figures> units) {
        List<List<String>> rows = new ArrayList<>();
        if (units != null) {
            units.forEach(figures -> rows.add(row(figures.key(), figures.name(), figures)));
        }
        return rows;
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
