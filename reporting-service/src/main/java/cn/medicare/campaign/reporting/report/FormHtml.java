package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.reporting.report.FormTable.Column;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/** The forms as one HTML page, a section per table or chart, headers merged as on paper, printable as it stands. */
final class FormHtml {

    private static final String STYLE = """
            body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:24px}
            h1{font-size:20px;text-align:center;margin:24px 0 8px}
            p.lines{display:flex;justify-content:space-between;margin:4px 0}
            table{border-collapse:collapse;width:100%;font-size:13px;margin-bottom:24px}
            th,td{border:1px solid #444;padding:3px 6px}
            th{background:#e8e8e8;font-weight:bold;text-align:center}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            tr.total td{font-weight:bold}
            @media print{section{page-break-after:always}}
            """;

    private FormHtml() {
    }

    static byte[] write(List<FormTable> tables, List<FormChart> charts) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(tables.get(0).title())).append("</title><style>").append(STYLE).append("</style></head><body>");
        tables.forEach(table -> section(html, table));
        charts.forEach(chart -> html.append("<section><h1>").append(escape(chart.title())).append("</h1><img style=\"max-width:100%\" alt=\"")
                .append(escape(chart.title())).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(chart.png())).append("\"></section>"));
        return html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void section(StringBuilder html, FormTable table) {
        html.append("<section><h1>").append(escape(table.title())).append("</h1><p class=\"lines\">");
        table.lines().forEach(line -> html.append("<span>").append(escape(line)).append("</span>"));
        html.append("</p><table><thead><tr>");
        boolean twoRows = table.twoHeaderRows();
        for (FormTable.Span span : table.groups()) {
            html.append("<th");
            if (span.columns() > 1) {
                html.append(" colspan=\"").append(span.columns()).append('"');
            }
            if (span.bothRows() && twoRows) {
                html.append(" rowspan=\"2\"");
            }
            html.append('>').append(escape(span.label())).append("</th>");
        }
        html.append("</tr>");
        if (twoRows) {
            html.append("<tr>");
            table.columns().stream().filter(column -> column.group() != null)
                    .forEach(column -> html.append("<th>").append(escape(column.label())).append("</th>"));
            html.append("</tr>");
        }
        html.append("</thead><tbody>");
        for (int r = 0; r < table.rows().size(); r++) {
            html.append(r >= table.rows().size() - table.totalRows() ? "<tr class=\"total\">" : "<tr>");
            List<Object> row = table.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                Column column = table.columns().get(c);
                html.append(column.kind() == FormTable.Kind.TEXT ? "<td>" : "<td class=\"n\">")
                        .append(escape(FormText.of(row.get(c), column.kind()))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table></section>");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
