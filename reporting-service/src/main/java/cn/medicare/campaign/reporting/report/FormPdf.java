package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.reporting.report.FormTable.Column;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The forms as a PDF to print or seal: landscape A4, a table per section (a chart on a page of its own), headers merged as on
 * paper and repeated on every page. The Chinese glyphs come from the font shipped in this service
 * (文泉驿微米黑, Apache-2.0, {@code fonts/}), embedded as a subset, so that the file reads the same on
 * any machine and its text can be extracted (pdftotext). Dated at the report's moment and
 * identified by the report, so that the same report gives the same bytes.
 */
final class FormPdf {

    static final String FONT = "/fonts/wqy-microhei.ttc";
    private static final String FONT_NAME = "WenQuanYiMicroHei";
    private static final byte[] FONT_FILE = fontFile();
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 30;
    private static final float TITLE_SIZE = 14;
    private static final float LINE_SIZE = 9;
    private static final float CELL_SIZE = 8;
    private static final float PADDING = 3;

    private final PDDocument document;
    private final PDType0Font font;
    private final TrueTypeFont glyphs;
    private PDPageContentStream page;
    private int pages;
    private float y;

    private FormPdf(PDDocument document, TrueTypeFont glyphs) throws IOException {
        this.document = document;
        this.glyphs = glyphs;
        this.font = PDType0Font.load(document, glyphs, true);
    }

    static byte[] write(List<FormTable> tables, List<FormChart> charts, Instant asOf, String documentId) {
        try (PDDocument document = new PDDocument();
                TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(FONT_FILE));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            FormPdf pdf = new FormPdf(document, collection.getFontByName(FONT_NAME));
            for (FormTable table : tables) {
                pdf.table(table);
            }
            for (FormChart chart : charts) {
                pdf.chart(chart);
            }
            pdf.closePage();
            describe(document, tables.get(0).title(), asOf, documentId);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void describe(PDDocument document, String title, Instant asOf, String documentId) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("医保参保缴费系统 reporting-service");
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        created.setTimeInMillis(asOf.toEpochMilli());
        info.setCreationDate(created);
        byte[] id = md5(documentId);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private void table(FormTable table) throws IOException {
        float[] widths = widths(table.columns());
        newPage();
        text(table.title(), TITLE_SIZE, MARGIN + (width() - textWidth(table.title(), TITLE_SIZE)) / 2, y - TITLE_SIZE);
        y -= TITLE_SIZE + 10;
        if (!table.lines().isEmpty()) {
            text(table.lines().get(0), LINE_SIZE, MARGIN, y - LINE_SIZE);
            if (table.lines().size() > 1) {
                String right = table.lines().get(1);
                text(right, LINE_SIZE, MARGIN + width() - textWidth(right, LINE_SIZE), y - LINE_SIZE);
            }
            y -= LINE_SIZE + 8;
        }
        headers(table, widths);
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> row = table.rows().get(r);
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < row.size(); c++) {
                List<String> wrapped = wrap(FormText.of(row.get(c), table.columns().get(c).kind()), widths[c]);
                cells.add(wrapped);
                lines = Math.max(lines, wrapped.size());
            }
            float height = height(lines);
            if (y - height < MARGIN + 12) {
                newPage();
                headers(table, widths);
            }
            float x = MARGIN;
            for (int c = 0; c < cells.size(); c++) {
                boolean right = table.columns().get(c).kind() != FormTable.Kind.TEXT;
                cell(cells.get(c), x, y, widths[c], height, right ? Align.RIGHT : Align.LEFT);
                x += widths[c];
            }
            y -= height;
        }
    }

    /** A page with the chart's title and its picture, as wide as the page allows. */
    private void chart(FormChart chart) throws IOException {
        newPage();
        text(chart.title(), TITLE_SIZE, MARGIN + (width() - textWidth(chart.title(), TITLE_SIZE)) / 2, y - TITLE_SIZE);
        y -= TITLE_SIZE + 10;
        PDImageXObject image = PDImageXObject.createFromByteArray(document, chart.png(), chart.sheet());
        float scale = Math.min(width() / image.getWidth(), (y - MARGIN - 12) / image.getHeight());
        float height = image.getHeight() * scale;
        page.drawImage(image, MARGIN + (width() - image.getWidth() * scale) / 2, y - height, image.getWidth() * scale, height);
        y -= height;
    }

    /** The header rows: a group over its parts, a column without parts over both rows. */
    private void headers(FormTable table, float[] widths) throws IOException {
        boolean twoRows = table.twoHeaderRows();
        int upperLines = 1;
        int lowerLines = 1;
        for (FormTable.Span span : table.groups()) {
            int lines = wrap(span.label(), spanWidth(widths, span)).size();
            if (span.bothRows() && twoRows) {
                lowerLines = Math.max(lowerLines, lines - upperLines);
            } else {
                upperLines = Math.max(upperLines, lines);
            }
        }
        for (int c = 0; c < table.columns().size(); c++) {
            if (table.columns().get(c).group() != null) {
                lowerLines = Math.max(lowerLines, wrap(table.columns().get(c).label(), widths[c]).size());
            }
        }
        float upper = height(upperLines);
        float lower = twoRows ? height(lowerLines) : 0;
        for (FormTable.Span span : table.groups()) {
            float x = MARGIN;
            for (int c = 0; c < span.first(); c++) {
                x += widths[c];
            }
            float width = spanWidth(widths, span);
            float height = span.bothRows() ? upper + lower : upper;
            cell(wrap(span.label(), width), x, y, width, height, Align.CENTER);
            if (!span.bothRows()) {
                for (int c = span.first(); c < span.first() + span.columns(); c++) {
                    cell(wrap(table.columns().get(c).label(), widths[c]), x, y - upper, widths[c], lower, Align.CENTER);
                    x += widths[c];
                }
            }
        }
        y -= upper + lower;
    }

    private enum Align {
        LEFT, CENTER, RIGHT
    }

    /** A bordered cell whose top left corner is at x, top; its lines centred vertically. */
    private void cell(List<String> lines, float x, float top, float width, float height, Align align) throws IOException {
        page.addRect(x, top - height, width, height);
        page.stroke();
        float leading = CELL_SIZE * 1.25f;
        float first = top - (height - lines.size() * leading) / 2 - CELL_SIZE;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            float textWidth = textWidth(line, CELL_SIZE);
            float left = switch (align) {
                case LEFT -> x + PADDING;
                case CENTER -> x + (width - textWidth) / 2;
                case RIGHT -> x + width - PADDING - textWidth;
            };
            text(line, CELL_SIZE, left, first - i * leading);
        }
    }

    private static float height(int lines) {
        return lines * CELL_SIZE * 1.25f + 2 * PADDING + 1;
    }

    private void text(String text, float size, float x, float baseline) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, baseline);
        page.showText(printable(text));
        page.endText();
    }

    /** The text cut into lines that fit the width; Chinese may break between any two characters. */
    private List<String> wrap(String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            String next = new String(Character.toChars(text.codePointAt(i)));
            if (!line.isEmpty() && textWidth(line + next, CELL_SIZE) > width - 2 * PADDING) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(next);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private float textWidth(String text, float size) throws IOException {
        return font.getStringWidth(printable(text)) / 1000 * size;
    }

    /** A character the font has no glyph for (a rare one in a name) prints as □ instead of failing the whole file. */
    private String printable(String text) throws IOException {
        StringBuilder printable = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int codePoint = text.codePointAt(i);
            printable.appendCodePoint(glyphs.getUnicodeCmapLookup().getGlyphId(codePoint) > 0 ? codePoint : '□');
        }
        return printable.toString();
    }

    /** The columns' widths, in proportion to the characters each is meant to hold, filling the page's width. */
    private static float[] widths(List<Column> columns) {
        float total = columns.stream().mapToInt(Column::width).sum();
        float[] widths = new float[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = width() * columns.get(c).width() / total;
        }
        return widths;
    }

    private static float spanWidth(float[] widths, FormTable.Span span) {
        float width = 0;
        for (int c = span.first(); c < span.first() + span.columns(); c++) {
            width += widths[c];
        }
        return width;
    }

    private static float width() {
        return PAGE.getWidth() - 2 * MARGIN;
    }

    private void newPage() throws IOException {
        closePage();
        PDPage next = new PDPage(PAGE);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        page.setLineWidth(0.5f);
        pages++;
        String number = "第 " + pages + " 页";
        text(number, LINE_SIZE, MARGIN + (width() - textWidth(number, LINE_SIZE)) / 2, MARGIN - LINE_SIZE);
        y = PAGE.getHeight() - MARGIN;
    }

    private void closePage() throws IOException {
        if (page != null) {
            page.close();
            page = null;
        }
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] fontFile() {
        try (InputStream in = FormPdf.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("the report font " + FONT + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
