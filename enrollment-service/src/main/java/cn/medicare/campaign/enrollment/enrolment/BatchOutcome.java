package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import java.util.List;

/** What a batch of enrolments came to: how many were enrolled, and why each other row was not. */
record BatchOutcome(int accepted, List<Rejection> rejected) {

    /** @param row numbered from 1, as a clerk counts the lines under the header */
    record Rejection(int row, List<InputError> errors) {

        static Rejection of(int row, ApiException refusal) {
            List<InputError> errors = refusal.errors().isEmpty()
                    ? List.of(InputError.row(row, null, refusal.getMessage()))
                    : refusal.errors().stream().map(error -> InputError.row(row, error.field(), error.message())).toList();
            return new Rejection(row, errors);
        }
    }
}
