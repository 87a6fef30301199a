package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import java.time.LocalDate;

/** 终止参保: the body of {@code POST /api/v1/enrolments/{personId}/withdrawal} (API.md). */
record WithdrawalRequest(Integer coverageYear, WithdrawalReason reason, LocalDate effectiveDate) {
}
