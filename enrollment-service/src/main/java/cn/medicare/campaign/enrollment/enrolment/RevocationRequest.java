package cn.medicare.campaign.enrollment.enrolment;

/** 撤销终止参保: the body of {@code POST /api/v1/enrolments/{personId}/withdrawal/revocation}. */
record RevocationRequest(Integer coverageYear, String reason) {
}
