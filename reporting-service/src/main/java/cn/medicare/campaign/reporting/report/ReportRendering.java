package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.contracts.events.EventJson;
import cn.medicare.campaign.kit.export.SpreadsheetText;
import cn.medicare.campaign.reporting.report.FormTable.Column;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as the files people pass around: JSON (everything kept), and the county's forms
 * ({@link ReportForms}) as an Excel workbook, an HTML page, a PDF and, for machines, the first
 * table as CSV. Every file is made from the kept report alone, so that it is the same on every download.
 */
final class ReportRendering {

    private ReportRendering() {
    }

    static byte[] json(Report report) {
        return EventJson.mapper().writeValueAsBytes(report);
    }

    /**
     * The units' table (附件5) with one header row: a group's columns as 应参保总人数（本地户籍）; a
     * text that starts like a formula is neutralised by the kit's {@link SpreadsheetText}.
     */
    static byte[] csv(Report report) {
        FormTable table = ReportForms.of(report).get(0);
        StringBuilder csv = new StringBuilder("\uFEFF").append(SpreadsheetText.csvLine(table.columns().stream()
                .map(column -> column.group() == null ? column.label() : column.group() + "（" + column.label() + "）").toList()))
                .append("\r\n");
        for (List<Object> row : table.rows()) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                Column column = table.columns().get(c);
                cells.add(FormText.of(row.get(c), column.kind()));
            }
            csv.append(SpreadsheetText.csvLine(cells)).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(Report report) {
        return FormXlsx.write(ReportForms.of(report), ReportForms.charts(report), report.asOf());
    }

    static byte[] html(Report report) {
        return FormHtml.write(ReportForms.of(report), ReportForms.charts(report));
    }

    static byte[] pdf(Report report) {
        return FormPdf.write(ReportForms.of(report), ReportForms.charts(report), report.asOf(), report.reportId().toString());
    }
}
