package cn.medicare.campaign.kit.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An official form (附件3, 附件4) as a blank workbook to fill in: the attachment's number, the title,
 * a 填报单位 and date line, the form's columns in Chinese, drop-downs where the form lists the values,
 * text cells where a spreadsheet would mangle a number (ID numbers, phones) and date cells. The kit's
 * intake reads it back as filled in (title rows above the header are skipped for a list that knows
 * the form's labels).
 */
public final class BlankForm {

    /** Rows with drop-downs and formats: more than a township or an agency fills in a month. */
    private static final int FILLABLE_ROWS = 5_000;
    private static final int HEADER_ROW = 3;
    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String attachment;
    private final String title;
    private final List<String> columns;
    private final Map<String, Integer> widths = new LinkedHashMap<>();
    private final Map<String, List<String>> choices = new LinkedHashMap<>();
    private Set<String> textColumns = Set.of();

    private BlankForm(String attachment, String title, List<String> columns) {
        this.attachment = attachment;
        this.title = title;
        this.columns = List.copyOf(columns);
    }

    /** @param attachment the form's number in the notice, e.g. 附件3 */
    public static BlankForm of(String attachment, String title, List<String> columns) {
        return new BlankForm(attachment, title, columns);
    }

    /** The column's width in characters. */
    public BlankForm width(String column, int characters) {
        widths.put(column, characters);
        return this;
    }

    /** The values the form lists for a column, offered as a drop-down. */
    public BlankForm choices(String column, List<String> values) {
        choices.put(column, List.copyOf(values));
        return this;
    }

    /** Columns kept as text, so that an 18-character ID number, a phone number or a month stays as typed. */
    public BlankForm text(Set<String> columns) {
        textColumns = Set.copyOf(columns);
        return this;
    }

    /** The workbook as a download named {@code filename} (Chinese names kept, RFC 6266). */
    public ResponseEntity<byte[]> download(String filename) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8)
                        .build().toString())
                .body(xlsx());
    }

    public byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(title);
            sheet.createRow(0).createCell(0).setCellValue(attachment);
            Row titleRow = sheet.createRow(1);
            titleRow.createCell(0).setCellValue(title);
            titleRow.getCell(0).setCellStyle(titleStyle(workbook));
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns.size() - 1));
            Row unit = sheet.createRow(2);
            unit.createCell(0).setCellValue("填报单位（盖章）：");
            unit.createCell(Math.max(1, columns.size() - 3)).setCellValue("填报日期：");
            Row header = sheet.createRow(HEADER_ROW);
            CellStyle headerStyle = headerStyle(workbook);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            for (int c = 0; c < columns.size(); c++) {
                String column = columns.get(c);
                header.createCell(c).setCellValue(column);
                header.getCell(c).setCellStyle(headerStyle);
                sheet.setColumnWidth(c, widths.getOrDefault(column, Math.max(8, column.length() * 2 + 2)) * 256);
                if (textColumns.contains(column)) {
                    sheet.setDefaultColumnStyle(c, text);
                }
                if (choices.containsKey(column)) {
                    dropDown(sheet, c, choices.get(column));
                }
            }
            sheet.createFreezePane(0, HEADER_ROW + 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropDown(Sheet sheet, int column, List<String> values) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(values.toArray(String[]::new)),
                new CellRangeAddressList(HEADER_ROW + 1, HEADER_ROW + FILLABLE_ROWS, column, column));
        validation.setShowErrorBox(true);
        sheet.addValidationData(validation);
    }

    private static CellStyle titleStyle(XSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        font.setFontHeightInPoints((short) 16);
        style.setFont(font);
        style.setAlignment(HorizontalAlignment.CENTER);
        return style;
    }

    private static CellStyle headerStyle(XSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        style.setFont(font);
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }
}
