package cn.medicare.campaign.reporting.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as the county's forms print it: a title, the line under it (填报单位, 截止日期), headers on
 * two levels (a group such as 应参保总人数 over its parts), the rows, and a 合计 row where the form has one.
 * Every format (xlsx, html, pdf, csv) renders the same tables, so that they hold the same figures.
 *
 * @param sheet the short name of the table (a sheet's tab, a section's heading)
 * @param rows cells are {@code String}, {@code Integer}, {@code BigDecimal} (a rate for a PERCENT column) or null (blank)
 * @param totalRows how many of the last rows are totals (shown in bold)
 */
record FormTable(String sheet, String title, List<String> lines, List<Column> columns, List<List<Object>> rows, int totalRows) {

    /** What a column holds, which decides how every format writes it. */
    enum Kind {
        TEXT, COUNT, PERCENT, MONEY
    }

    /**
     * @param group the header above this column and its neighbours of the same group; null: the label spans both header rows
     * @param width in characters, as a spreadsheet measures them
     */
    record Column(String group, String label, Kind kind, int width) {

        static Column text(String label, int width) {
            return new Column(null, label, Kind.TEXT, width);
        }

        static Column count(String label) {
            return new Column(null, label, Kind.COUNT, 10);
        }

        static Column count(String group, String label) {
            return new Column(group, label, Kind.COUNT, 10);
        }

        static Column of(Kind kind, String label) {
            return new Column(null, label, kind, kind == Kind.TEXT ? 10 : 11);
        }
    }

    /** Whether any column has a group, i.e. the headers take two rows. */
    boolean twoHeaderRows() {
        return columns.stream().anyMatch(column -> column.group() != null);
    }

    /** The header cells of the upper row, each with how many columns it spans (a group's label once, over its columns). */
    List<Span> groups() {
        List<Span> spans = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            if (column.group() == null) {
                spans.add(new Span(c, 1, column.label(), true));
                continue;
            }
            int end = c;
            while (end + 1 < columns.size() && column.group().equals(columns.get(end + 1).group())) {
                end++;
            }
            spans.add(new Span(c, end - c + 1, column.group(), false));
            c = end;
        }
        return spans;
    }

    /** A header cell from column {@code first} over {@code columns} columns; {@code bothRows} when it has no parts below it. */
    record Span(int first, int columns, String label, boolean bothRows) {
    }
}
