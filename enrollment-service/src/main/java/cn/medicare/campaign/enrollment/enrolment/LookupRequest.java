package cn.medicare.campaign.enrollment.enrolment;

/** 参保查询: the body of {@code POST /api/v1/enrolments/lookup}; never the number itself in logs. */
record LookupRequest(String idNumber, Integer coverageYear) {

    @Override
    public String toString() {
        return "LookupRequest[coverageYear=" + coverageYear + ", number hidden]";
    }
}
