package cn.medicare.campaign.kit.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an .xlsx, read as a stream of SAX events (never as a workbook in memory):
 * the upload is copied to a temporary file (bounded by the body limit) so that POI can open the
 * zip lazily, and every part is inflated through POI's zip-bomb guard (inflation ratio and the
 * largest part). Dates typed as Excel dates become ISO dates (a month typed alone, 2017年10月, its ISO month:
 * 2017-10); every other cell is the text the
 * clerk sees, so an ID number Excel turned into a number fails its row's check, not the batch.
 */
final class XlsxRows {

    /** Excel's last column (XFD): a cell beyond it is no cell of a real sheet. */
    private static final int EXCEL_COLUMNS = 16_384;

    private XlsxRows() {
    }

    static <T> List<T> read(InputStream body, IntakeLimits limits, RowAssembler<T> rows) {
        // POI's guard is global to the JVM; every service sets the same value
        ZipSecureFile.setMaxEntrySize(limits.maxInflatedPartSize().toBytes());
        Path file = null;
        try {
            file = Files.createTempFile("list-", ".xlsx");
            copy(body, file, limits.maxBodySize().toBytes());
            OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
            try {
                XSSFReader reader = new XSSFReader(workbook);
                Iterator<InputStream> sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw Refusals.notAWorkbook();
                }
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(ChineseStyles.of(workbook), null,
                        new ReadOnlySharedStringsTable(workbook, false), new Records(rows), new IsoDates(), false));
                try (InputStream sheet = sheets.next()) {
                    parser.parse(new InputSource(sheet));
                }
            } finally {
                // closing would try to save a package opened to read
                workbook.revert();
            }
            return rows.finish();
        } catch (Exception e) {
            throw failure(e);
        } finally {
            delete(file);
        }
    }

    private static void copy(InputStream body, Path file, long maxBytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                total += n;
                if (total > maxBytes) {
                    throw Refusals.bodyTooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static RuntimeException failure(Exception e) {
        if (Refusals.within(e).isPresent()) {
            return Refusals.within(e).get();
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("Zip bomb")) {
                return Refusals.zipBomb();
            }
        }
        return Refusals.notAWorkbook();
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects a row's cells by position, up to the header's width once the header is known. */
    private static final class Records implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowAssembler<?> rows;
        private final List<String> cells = new ArrayList<>();
        private int count;
        private int nextColumn;

        Records(RowAssembler<?> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            count = 0;
            nextColumn = 0;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            nextColumn = column + 1;
            if (column >= EXCEL_COLUMNS || column >= rows.keptWidth()) {
                return;
            }
            while (cells.size() < column) {
                cells.add(null);
            }
            cells.add(value);
            count = Math.max(count, column + 1);
        }

        @Override
        public void endRow(int rowNum) {
            // a sheet's cells stay in their columns: a row whose last cells are empty is not a short, shifted line
            int header = rows.keptWidth();
            rows.record(new ArrayList<>(cells), header == Integer.MAX_VALUE ? count : Math.max(count, header));
        }
    }

    /**
     * Shows a date-formatted number as an ISO date whatever the clerk's display format, or as its month (2017-10) where the
     * format shows a year and month and no day and the cell holds the month's first: a clerk who types 2017年10月 gets a cell
     * formatted so holding the 1st, the spreadsheet's choice, not the clerk's. Any other day was typed, into a column
     * formatted to show months, and is read as typed.
     */
    private static final class IsoDates extends DataFormatter {

        /** Quoted text, bracketed parts ([$-804], [Red]) and escaped characters: shown as they are, not as a date part. */
        private static final Pattern LITERALS = Pattern.compile("\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.");

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate day = DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate();
                return day.getDayOfMonth() == 1 && showsMonthAlone(formatString) ? YearMonth.from(day).toString() : day.toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }

        private static boolean showsMonthAlone(String formatString) {
            String parts = LITERALS.matcher(formatString).replaceAll("").toLowerCase(Locale.ROOT);
            return parts.indexOf('y') >= 0 && parts.indexOf('m') >= 0
                    && parts.chars().noneMatch(part -> part == 'd' || part == 'a' || part == 'h' || part == 's');
        }
    }

    /**
     * The workbook's styles with the date formats Chinese Excel reserves spelled out (numFmtId 27-31, 36, 50-54, 57 and 58): a
     * workbook names them by number alone and POI knows no text for them, so a date a clerk typed as 2017年10月 or 2017年10月
     * 15日 would read as a bare serial number.
     */
    private static final class ChineseStyles extends StylesTable {

        private static final String MONTH = "yyyy\"年\"m\"月\"";
        private static final String MONTH_DAY = "m\"月\"d\"日\"";
        private static final Map<Integer, String> RESERVED = Map.ofEntries(Map.entry(27, MONTH), Map.entry(28, MONTH_DAY),
                Map.entry(29, MONTH_DAY), Map.entry(30, "m-d-yy"), Map.entry(31, "yyyy\"年\"m\"月\"d\"日\""), Map.entry(36, MONTH),
                Map.entry(50, MONTH), Map.entry(51, MONTH_DAY), Map.entry(52, MONTH), Map.entry(53, MONTH_DAY), Map.entry(54, MONTH_DAY),
                Map.entry(57, MONTH), Map.entry(58, MONTH_DAY));

        private ChineseStyles(PackagePart part) throws IOException {
            super(part);
        }

        static StylesTable of(OPCPackage workbook) throws IOException {
            List<PackagePart> parts = workbook.getPartsByContentType(XSSFRelation.STYLES.getContentType());
            return parts.isEmpty() ? null : new ChineseStyles(parts.get(0));
        }

        @Override
        public String getNumberFormatAt(short index) {
            String format = super.getNumberFormatAt(index);
            return format != null ? format : RESERVED.get((int) index);
        }
    }
}
