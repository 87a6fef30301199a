package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.kit.intake.ListIntake;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.security.Role;
import cn.medicare.campaign.kit.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The agencies' monthly lists (动态调整名单), as JSON, as a CSV export of their spreadsheet or as the spreadsheet itself. */
@RestController
@RequestMapping("/api/v1/adjustment-batches")
class AdjustmentBatchController {

    static final String CSV = "text/csv";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);
    private static final int MAX_KEY_LENGTH = 200;

    private final AdjustmentBatchService batches;
    private final BatchStore stored;
    private final ListIntake intake;

    AdjustmentBatchController(AdjustmentBatchService batches, BatchStore stored, ListIntake intake) {
        this.batches = batches;
        this.stored = stored;
        this.intake = intake;
    }

    /**
     * {@code {"rows":[...]}}, read row by row; a wrong shape is a 400 naming the field, never quoting
     * what was typed. The body is required (and still streamed): Spring ignores {@code consumes} for
     * a request without a body when the body is optional, and two such handlers (this and CSV) made
     * an empty POST ambiguous, a 500.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('AGENCY')")
    ResponseEntity<BatchResult> submitJson(Caller caller, @RequestParam(required = false) String month,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody InputStreamResource body) throws IOException {
        YearMonth due = month(month);
        try (InputStream json = body.getInputStream()) {
            return accepted(batches.submit(caller.agency(), due, key(idempotencyKey),
                    intake.jsonRows(json, "rows", AdjustmentRowInput.class)));
        }
    }

    /** UTF-8 with or without BOM, or GB18030 as Excel saves "CSV" on a Chinese Windows (docs/intake.md). */
    @PostMapping(consumes = CSV)
    @PreAuthorize("hasRole('AGENCY')")
    ResponseEntity<BatchResult> submitCsv(Caller caller, @RequestParam(required = false) String month,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody InputStreamResource body) throws IOException {
        YearMonth due = month(month);
        try (InputStream csv = body.getInputStream()) {
            return accepted(batches.submit(caller.agency(), due, key(idempotencyKey),
                    intake.csv(csv, contentType, AdjustmentColumns.COLUMNS, AdjustmentColumns::row)));
        }
    }

    /** The spreadsheet itself, as agencies keep their lists: multipart, part {@code file}, first sheet, same columns. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('AGENCY')")
    ResponseEntity<BatchResult> submitWorkbook(Caller caller, @RequestParam(required = false) String month,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestPart("file") MultipartFile file) throws IOException {
        YearMonth due = month(month);
        try (InputStream xlsx = file.getInputStream()) {
            return accepted(batches.submit(caller.agency(), due, key(idempotencyKey),
                    intake.xlsx(xlsx, AdjustmentColumns.COLUMNS, AdjustmentColumns::row)));
        }
    }

    @GetMapping("/{batchId}")
    @PreAuthorize("hasAnyRole('BUREAU','AGENCY')")
    BatchDetails batch(Caller caller, @PathVariable String batchId) {
        BatchDetails batch = uuid(batchId).flatMap(stored::find)
                .orElseThrow(() -> ApiException.notFound("没有这个调整批次 / no such adjustment batch"));
        if (caller.is(Role.AGENCY) && caller.agency() != batch.agency()) {
            throw new AccessDeniedException(caller.clientId() + " may read its own batches only");
        }
        return batch;
    }

    private static ResponseEntity<BatchResult> accepted(BatchResult result) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(result);
    }

    static YearMonth month(String month) {
        String text = month == null ? "" : month.strip();
        // uuuu alone takes a signed or longer year (-0001-01), which no list is of and the month's column cannot hold
        if (!text.matches("[0-9]{4}-[0-9]{2}")) {
            throw badMonth();
        }
        try {
            return YearMonth.parse(text, MONTH);
        } catch (DateTimeParseException e) {
            throw badMonth();
        }
    }

    private static ApiException badMonth() {
        return ApiException.invalid("month", "名单月份应为 年-月，如 2017-10 / month is the list's month as YYYY-MM, e.g. 2017-10");
    }

    private static String key(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return null;
        }
        if (idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw ApiException.invalid("Idempotency-Key", "幂等键最多 " + MAX_KEY_LENGTH + " 个字符 / an idempotency key has at most " + MAX_KEY_LENGTH + " characters");
        }
        return idempotencyKey;
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
