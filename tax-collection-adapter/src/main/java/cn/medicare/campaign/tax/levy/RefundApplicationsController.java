package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.CoverageYears;
import cn.medicare.campaign.contracts.identity.ResidentIdCheck;
import cn.medicare.campaign.contracts.identity.ResidentIdNumber;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 退费申请 (API.md additions): the bureau, or a township for its own residents, applies with a reason. */
@RestController
class RefundApplicationsController {

    private final RefundApplicationService applications;
    private final Clock clock;

    RefundApplicationsController(RefundApplicationService applications, Clock clock) {
        this.applications = applications;
        this.clock = clock;
    }

    /** Never the number itself in logs: {@link #toString()} hides it. */
    record Application(String idNumber, Integer coverageYear, String reason) {

        @Override
        public String toString() {
            return "Application[coverageYear=" + coverageYear + ", reason=" + reason + ", number hidden]";
        }
    }

    @PostMapping(path = "/api/v1/refund-applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('BUREAU','TOWNSHIP')")
    @ResponseStatus(HttpStatus.CREATED)
    RefundApplicationService.Outcome apply(Caller caller, @RequestBody Application application) {
        List<InputError> errors = new ArrayList<>();
        ResidentIdCheck id = application.idNumber() == null ? null : ResidentIdNumber.check(application.idNumber(), BusinessTime.today(clock));
        if (id == null || !id.isValid()) {
            errors.add(InputError.field("idNumber", "身份证号码不正确 / is an 18-character resident ID number with a valid check character"));
        }
        if (!CoverageYears.known(application.coverageYear())) {
            errors.add(InputError.field("coverageYear", "应为年份，如 2018 / is a year such as 2018"));
        }
        RefundApplicationRule.Reason reason = reason(application.reason(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return applications.apply(caller, (ResidentIdCheck.Valid) id, application.coverageYear(), reason);
    }

    private static RefundApplicationRule.Reason reason(String reason, List<InputError> errors) {
        for (RefundApplicationRule.Reason candidate : RefundApplicationRule.Reason.values()) {
            if (candidate.name().equals(reason)) {
                return candidate;
            }
        }
        String reasons = Arrays.toString(RefundApplicationRule.Reason.values());
        errors.add(InputError.field("reason", "退费原因为 " + reasons + " 之一 / is one of " + reasons));
        return null;
    }
}
