package cn.medicare.campaign.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class FormXlsxTests {

    /**
     * A phone written "+86 138…" showed in the Friday list's workbook as "'+86 138…": the apostrophe that keeps CSV text from
     * being run as a formula is part of the text in a workbook, whose string cells are never run.
     */
    @Test
    void textThatStartsLikeAFormulaIsWrittenAsTheTextItIs() throws IOException {
        FormTable table = new FormTable("名单", "未缴费名单", List.of(),
                List.of(FormTable.Column.text("姓名", 10), FormTable.Column.text("村（社区）", 10), FormTable.Column.text("班级", 10),
                        FormTable.Column.text("联系电话", 16)),
                List.of(List.of("张三", "城关村", "-", "+86 13800000000"), List.of("李四", "城关村", "-", "=1+1")), 0);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(FormXlsx.write(List.of(table), List.of(),
                Instant.parse("2017-11-17T09:00:00Z"))))) {
            List<Cell> cells = List.of(lastCellOf(workbook, 1), lastCellOf(workbook, 0));

            assertThat(cells).allSatisfy(cell -> assertThat(cell.getCellType()).isEqualTo(CellType.STRING));
            assertThat(cells.get(0).getStringCellValue()).isEqualTo("+86 13800000000");
            assertThat(cells.get(1).getStringCellValue()).isEqualTo("=1+1");
        }
    }

    /** The phone's cell in the last row ({@code fromTheEnd} rows before it). */
    private static Cell lastCellOf(XSSFWorkbook workbook, int fromTheEnd) {
        var sheet = workbook.getSheetAt(0);
        return sheet.getRow(sheet.getLastRowNum() - fromTheEnd).getCell(3);
    }
}
