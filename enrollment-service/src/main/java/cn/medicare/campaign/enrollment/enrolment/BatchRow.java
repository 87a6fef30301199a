package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.kit.web.InputError;
import java.util.List;

/**
 * One line of a batch: the request it reads as, or why it cannot be read at all.
 *
 * @param row numbered from 1, under the header of a file or in the order of a JSON array
 */
record BatchRow(int row, EnrolmentRequest request, List<InputError> unreadable) {

    static BatchRow readable(int row, EnrolmentRequest request) {
        return new BatchRow(row, request, List.of());
    }
}
