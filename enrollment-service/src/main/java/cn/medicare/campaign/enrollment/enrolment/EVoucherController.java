package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.identity.ResidentIdCheck;
import cn.medicare.campaign.contracts.identity.ResidentIdNumber;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.intake.ListColumns;
import cn.medicare.campaign.kit.intake.ListIntake;
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
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * 医保电子凭证激活 (API.md additions): the bureau's list of activations, JSON
 * {@code {"activations":[{"idNumber","activatedOn"}]}} or CSV {@code idNumber,activatedOn}; the
 * answer is the enrolment batch's, with {@code notYetEnrolled}: the accepted people not on the roster
 * (kept until they are enrolled), leads for the townships.
 */
@RestController
class EVoucherController {

    private static final ListColumns COLUMNS = ListColumns.of(List.of("idNumber", "activatedOn"), List.of()).ignoringOthers();

    /** One activation as sent. */
    record Activation(String idNumber, String activatedOn) {

        @Override
        public String toString() {
            return "Activation[activatedOn=" + activatedOn + ", number hidden]";
        }
    }

    private final EVoucherService activations;
    private final ListIntake intake;
    private final Clock clock;

    EVoucherController(EVoucherService activations, ListIntake intake, Clock clock) {
        this.activations = activations;
        this.intake = intake;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/e-voucher-activations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('BUREAU')")
    EVoucherService.Outcome fromJson(@RequestBody InputStreamResource body) throws IOException {
        try (InputStream json = body.getInputStream()) {
            return apply(intake.jsonRows(json, "activations", Activation.class));
        }
    }

    @PostMapping(path = "/api/v1/e-voucher-activations", consumes = "text/csv")
    @PreAuthorize("hasRole('BUREAU')")
    EVoucherService.Outcome fromCsv(@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody InputStreamResource body) throws IOException {
        try (InputStream csv = body.getInputStream()) {
            return apply(intake.csv(csv, contentType, COLUMNS, row -> new Activation(row.get("idNumber"), row.get("activatedOn"))));
        }
    }

    private EVoucherService.Outcome apply(List<Activation> rows) {
        if (rows.isEmpty()) {
            throw ApiException.invalid("activations", "至少列出一条电子凭证激活记录 / lists at least one activation");
        }
        LocalDate today = BusinessTime.today(clock);
        List<EVoucherService.Valid> valid = new ArrayList<>();
        List<BatchOutcome.Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Activation row = rows.get(i) == null ? new Activation(null, null) : rows.get(i);
            List<InputError> errors = new ArrayList<>();
            ResidentIdCheck id = row.idNumber() == null ? null : ResidentIdNumber.check(row.idNumber(), today);
            if (id == null || !id.isValid()) {
                errors.add(InputError.row(i + 1, "idNumber", "身份证号码不正确 / is not a valid resident ID number"));
            }
            LocalDate date = null;
            try {
                date = row.activatedOn() == null ? null : LocalDate.parse(row.activatedOn().strip());
            } catch (DateTimeParseException e) {
                // reported below
            }
            if (date == null || date.isAfter(today)) {
                errors.add(InputError.row(i + 1, "activatedOn", "应为日期，如 2021-11-20，且不能晚于今天 / is a date such as 2021-11-20, "
                        + "not in the future"));
            } else if (id instanceof ResidentIdCheck.Valid known && date.isBefore(known.birthDate())) {
                errors.add(InputError.row(i + 1, "activatedOn", RequestValues.BEFORE_BIRTH));
            }
            if (errors.isEmpty()) {
                valid.add(new EVoucherService.Valid(i + 1, ((ResidentIdCheck.Valid) id).number(), date));
            } else {
                rejected.add(new BatchOutcome.Rejection(i + 1, errors));
            }
        }
        return activations.record(valid, rejected);
    }
}
