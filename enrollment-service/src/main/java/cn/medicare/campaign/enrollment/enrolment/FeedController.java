package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.CoverageYears;
import cn.medicare.campaign.contracts.identity.ResidentIdCheck;
import cn.medicare.campaign.contracts.identity.ResidentIdNumber;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.intake.ListColumns;
import cn.medicare.campaign.kit.intake.ListIntake;
import cn.medicare.campaign.kit.intake.ListRow;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import cn.medicare.campaign.kit.web.RequestValues;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Other agencies' lists in bulk (CSV or XLSX, header {@code idNumber,date}, other columns such as a
 * name ignored): {@code deaths}, {@code employee-insurance} and {@code other-region} (these two for
 * a {@code coverageYear}). Bad rows are reported by row; good ones are applied in one transaction.
 */
@RestController
class FeedController {

    private static final ListColumns COLUMNS = ListColumns.of(List.of("idNumber", "date"), List.of()).ignoringOthers();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    record Outcome(int rows, int withdrawn, int kept, List<BatchOutcome.Rejection> rejected) {
    }

    private record Read(FeedService.FeedRow row, List<InputError> errors) {
    }

    private final FeedService feeds;
    private final ListIntake intake;
    private final Clock clock;

    FeedController(FeedService feeds, ListIntake intake, Clock clock) {
        this.feeds = feeds;
        this.intake = intake;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/feeds/{feed}", consumes = {"text/csv", XLSX})
    @PreAuthorize("hasRole('BUREAU')")
    Outcome apply(Caller caller, @PathVariable String feed, @RequestParam(required = false) Integer coverageYear,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody InputStreamResource body) throws IOException {
        FeedService.Feed kind = feed(feed);
        if (kind.perYear && !CoverageYears.known(coverageYear)) {
            throw ApiException.invalid("coverageYear", "该名单按年度报送，须给出参保年度 / is required for this list, e.g. 2018");
        }
        LocalDate today = BusinessTime.today(clock);
        List<Read> read;
        try (InputStream in = body.getInputStream()) {
            read = contentType != null && contentType.startsWith(XLSX)
                    ? intake.xlsx(in, COLUMNS, row -> row(row, today))
                    : intake.csv(in, contentType, COLUMNS, row -> row(row, today));
        }
        if (read.isEmpty()) {
            throw ApiException.invalid("body", "只有表头，没有人员 / has a header but no person");
        }
        List<FeedService.FeedRow> valid = new ArrayList<>();
        List<BatchOutcome.Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            if (read.get(i).errors().isEmpty()) {
                valid.add(read.get(i).row());
            } else {
                rejected.add(new BatchOutcome.Rejection(i + 1, read.get(i).errors()));
            }
        }
        FeedService.Applied applied = valid.isEmpty() ? new FeedService.Applied(0, 0, 0)
                : feeds.apply(caller, kind, kind.perYear ? coverageYear : null, valid);
        return new Outcome(read.size(), applied.withdrawn(), applied.kept(), rejected);
    }

    private static FeedService.Feed feed(String name) {
        try {
            return FeedService.Feed.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("没有这种名单，应为 deaths、employee-insurance 或 other-region / no such list: deaths, employee-insurance "
                    + "or other-region");
        }
    }

    private static Read row(ListRow row, LocalDate today) {
        List<InputError> errors = new ArrayList<>();
        if (row.cellCount() < row.headerWidth()) {
            return new Read(null, List.of(InputError.row(row.number(), null, row.widthMismatch())));
        }
        ResidentIdCheck id = row.get("idNumber") == null ? null : ResidentIdNumber.check(row.get("idNumber"), today);
        if (id == null || !id.isValid()) {
            errors.add(InputError.row(row.number(), "idNumber", "身份证号码不正确 / is not a valid resident ID number"));
        }
        LocalDate date = null;
        try {
            date = row.get("date") == null ? null : LocalDate.parse(row.get("date"));
        } catch (DateTimeParseException e) {
            // reported below
        }
        String monthAlone = RequestValues.problemWithMonthAlone(row.get("date"), "2018-06-01");
        if (monthAlone != null) {
            errors.add(InputError.row(row.number(), "date", monthAlone));
        } else if (date == null || date.isAfter(today)) {
            errors.add(InputError.row(row.number(), "date", "应为日期，如 2018-06-01，且不能晚于今天 / is a date such as 2018-06-01, "
                    + "not in the future"));
        } else if (id instanceof ResidentIdCheck.Valid known && date.isBefore(known.birthDate())) {
            errors.add(InputError.row(row.number(), "date", RequestValues.BEFORE_BIRTH));
        }
        return errors.isEmpty() ? new Read(new FeedService.FeedRow(((ResidentIdCheck.Valid) id).number(), date), List.of())
                : new Read(null, errors);
    }
}
