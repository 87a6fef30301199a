package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.reporting.report.FormTable.Column;
import cn.medicare.campaign.reporting.report.FormTable.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Picture;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The forms as an Excel workbook, a sheet per table (and per chart, its picture): the title over the whole width, 填报单位 and
 * 截止日期 under it, the two header rows merged as the paper form merges them, numbers as numbers
 * and rates as percentages, set up to print landscape on one page's width. The workbook's dates
 * are the report's moment and its archive entries carry no clock time, so that the same report
 * gives the same bytes.
 */
final class FormXlsx {

    private FormXlsx() {
    }

    static byte[] write(List<FormTable> tables, List<FormChart> charts, Instant asOf) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            tables.forEach(table -> sheet(workbook, styles, table));
            charts.forEach(chart -> chart(workbook, styles, chart));
            workbook.getProperties().getCoreProperties().setCreated(Optional.of(Date.from(asOf)));
            workbook.getProperties().getCoreProperties().setCreator("医保参保缴费系统 reporting-service");
            workbook.write(out);
            return ReproducibleZip.of(out.toByteArray(), asOf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(XSSFWorkbook workbook, Styles styles, FormTable table) {
        Sheet sheet = workbook.createSheet(table.sheet());
        int width = table.columns().size();
        Cell title = sheet.createRow(0).createCell(0);
        title.setCellValue(table.title());
        title.setCellStyle(styles.title);
        sheet.getRow(0).setHeightInPoints(28);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
        Row lines = sheet.createRow(1);
        int half = Math.max(1, width / 2);
        for (int i = 0; i < table.lines().size() && i < 2; i++) {
            Cell line = lines.createCell(i == 0 ? 0 : half);
            line.setCellValue(table.lines().get(i));
            line.setCellStyle(i == 0 ? styles.line : styles.lineRight);
        }
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, half - 1));
        if (width - half > 1) {
            sheet.addMergedRegion(new CellRangeAddress(1, 1, half, width - 1));
        }
        int headerRows = table.twoHeaderRows() ? 2 : 1;
        headers(sheet, styles, table, headerRows);
        int first = 2 + headerRows;
        for (int r = 0; r < table.rows().size(); r++) {
            boolean total = r >= table.rows().size() - table.totalRows();
            Row row = sheet.createRow(first + r);
            List<Object> cells = table.rows().get(r);
            for (int c = 0; c < width; c++) {
                cell(row.createCell(c), cells.get(c), table.columns().get(c).kind(), styles, total);
            }
        }
        for (int c = 0; c < width; c++) {
            sheet.setColumnWidth(c, table.columns().get(c).width() * 256);
        }
        sheet.createFreezePane(0, first);
        sheet.setRepeatingRows(new CellRangeAddress(2, first - 1, -1, -1));
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setFitToPage(true);
    }

    /** A sheet with the chart's title and its picture under it, at the picture's own size. */
    private static void chart(XSSFWorkbook workbook, Styles styles, FormChart chart) {
        Sheet sheet = workbook.createSheet(chart.sheet());
        Cell title = sheet.createRow(0).createCell(0);
        title.setCellValue(chart.title());
        title.setCellStyle(styles.line);
        int picture = workbook.addPicture(chart.png(), Workbook.PICTURE_TYPE_PNG);
        ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
        anchor.setCol1(0);
        anchor.setRow1(2);
        Picture drawn = sheet.createDrawingPatriarch().createPicture(anchor, picture);
        drawn.resize();
    }

    private static void headers(Sheet sheet, Styles styles, FormTable table, int headerRows) {
        Row upper = sheet.createRow(2);
        Row lower = headerRows == 2 ? sheet.createRow(3) : null;
        upper.setHeightInPoints(22);
        if (lower != null) {
            lower.setHeightInPoints(34);
        }
        for (int c = 0; c < table.columns().size(); c++) {
            upper.createCell(c).setCellStyle(styles.header);
            if (lower != null) {
                Column column = table.columns().get(c);
                Cell cell = lower.createCell(c);
                cell.setCellStyle(styles.header);
                if (column.group() != null) {
                    cell.setCellValue(column.label());
                }
            }
        }
        for (FormTable.Span span : table.groups()) {
            upper.getCell(span.first()).setCellValue(span.label());
            int lastRow = span.bothRows() ? 1 + headerRows : 2;
            if (span.columns() > 1 || lastRow > 2) {
                sheet.addMergedRegion(new CellRangeAddress(2, lastRow, span.first(), span.first() + span.columns() - 1));
            }
        }
    }

    private static void cell(Cell cell, Object value, Kind kind, Styles styles, boolean total) {
        cell.setCellStyle(styles.of(kind, total));
        if (value == null) {
            return;
        }
        if (value instanceof Number number) {
            cell.setCellValue(value instanceof BigDecimal decimal ? decimal.doubleValue() : number.intValue());
        } else {
            // a string cell of a workbook is never read as a formula: the apostrophe CSV needs showed here as part of the text
            cell.setCellValue(value.toString());
        }
    }

    /** The workbook's styles, made once: Excel allows a few thousand per file, not one per cell. */
    private static final class Styles {

        final CellStyle title;
        final CellStyle line;
        final CellStyle lineRight;
        final CellStyle header;
        private final Map<Kind, CellStyle> body = new EnumMap<>(Kind.class);
        private final Map<Kind, CellStyle> totals = new EnumMap<>(Kind.class);

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);
            title = workbook.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            line = workbook.createCellStyle();
            lineRight = workbook.createCellStyle();
            lineRight.setAlignment(HorizontalAlignment.RIGHT);
            header = bordered(workbook);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            for (Kind kind : Kind.values()) {
                body.put(kind, style(workbook, kind, null));
                totals.put(kind, style(workbook, kind, bold));
            }
        }

        CellStyle of(Kind kind, boolean total) {
            return (total ? totals : body).get(kind);
        }

        private static CellStyle style(XSSFWorkbook workbook, Kind kind, Font font) {
            CellStyle style = bordered(workbook);
            if (font != null) {
                style.setFont(font);
            }
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            switch (kind) {
                case COUNT -> style.setDataFormat(workbook.createDataFormat().getFormat("0"));
                case PERCENT -> style.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
                case MONEY -> style.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
                default -> style.setWrapText(true);
            }
            return style;
        }

        private static CellStyle bordered(XSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
