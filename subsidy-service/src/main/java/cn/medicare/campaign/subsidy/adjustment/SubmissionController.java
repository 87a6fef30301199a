package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.contracts.codes.Agency;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which agencies sent their list for a month by the 10th (每月10日以前), for the bureau to chase the others.
 * A list whose every row was rejected lists its batch but is not a list received: the agency still owes one. A list of no
 * rows is: an agency with no change that month sends it (零报告), and is not chased for a list it had nothing to put in.
 */
@RestController
class SubmissionController {

    enum Status { ON_TIME, LATE, MISSING }

    record AgencySubmission(Agency agency, Status status, List<String> batches) {
    }

    private final BatchStore batches;

    SubmissionController(BatchStore batches) {
        this.batches = batches;
    }

    @GetMapping("/api/v1/submissions")
    @PreAuthorize("hasRole('BUREAU')")
    List<AgencySubmission> submissions(@RequestParam(required = false) String month) {
        YearMonth due = AdjustmentBatchController.month(month);
        List<BatchStore.Submission> submitted = batches.submissions(due);
        return Arrays.stream(Agency.values()).map(agency -> {
            List<BatchStore.Submission> own = submitted.stream().filter(s -> s.agency() == agency).toList();
            List<BatchStore.Submission> received = own.stream().filter(BatchStore.Submission::accepted).toList();
            Status status = received.isEmpty() ? Status.MISSING
                    : received.stream().anyMatch(BatchStore.Submission::onTime) ? Status.ON_TIME : Status.LATE;
            return new AgencySubmission(agency, status, own.stream().map(BatchStore.Submission::batchId).toList());
        }).toList();
    }
}
