package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.kit.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An agency list as the spreadsheet itself (.xlsx), first sheet, same columns as the CSV. Dates
 * typed as Excel dates become ISO dates; everything else is read as the text the clerk sees, so a
 * number Excel rounded (an ID number typed as a number) fails its row's check rather than the batch.
 */
final class AdjustmentWorkbook {

    private static final DataFormatter AS_SHOWN = new DataFormatter();

    private AdjustmentWorkbook() {
    }

    static List<AdjustmentRowInput> read(InputStream xlsx) {
        try (Workbook workbook = new XSSFWorkbook(xlsx)) {
            if (workbook.getNumberOfSheets() == 0) {
                throw ApiException.invalid("file", "the workbook has no sheet");
            }
            Sheet sheet = workbook.getSheetAt(0);
            List<List<String>> records = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int column = 0; column < row.getLastCellNum(); column++) {
                    cells.add(text(row.getCell(column)));
                }
                if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
                    records.add(cells);
                }
            }
            return AdjustmentCsv.rows(records);
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof ApiException refusal) {
                throw refusal;
            }
            throw ApiException.invalid("file", "is not an .xlsx workbook that can be read");
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return AS_SHOWN.formatCellValue(cell).strip();
    }
}
