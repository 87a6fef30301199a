package cn.medicare.campaign.kit.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/** A CSV list (RFC 4180: quoted cells may hold commas, quotes and line breaks), read record by record. */
final class CsvRows {

    private static final ObjectReader RECORDS = CsvMapper.builder()
            .enable(CsvReadFeature.WRAP_AS_ARRAY)
            .enable(CsvReadFeature.SKIP_EMPTY_LINES)
            .build()
            .readerFor(String[].class);

    private CsvRows() {
    }

    static <T> List<T> read(InputStream body, String contentType, RowAssembler<T> rows) {
        try (Reader text = TextEncoding.reader(body, contentType);
                MappingIterator<String[]> records = RECORDS.readValues(text)) {
            while (records.hasNextValue()) {
                String[] record = records.nextValue();
                rows.record(Arrays.asList(record), record.length);
            }
            return rows.finish();
        } catch (IOException | JacksonException e) {
            throw failure(e, rows);
        }
    }

    private static RuntimeException failure(Exception e, RowAssembler<?> rows) {
        if (Refusals.within(e).isPresent()) {
            return Refusals.within(e).get();
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return Refusals.notText();
            }
        }
        if (e instanceof JacksonException) {
            return Refusals.unreadableCsv(rows.nextRow());
        }
        return new UncheckedIOException((IOException) e);
    }
}
