package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.PersonCategory;
import java.time.LocalDate;

/** One resident's enrolment as a township clerk or the bureau submits it (API.md). */
record EnrolmentRequest(
        String idNumber,
        String name,
        String phone,
        String region,
        Integer coverageYear,
        String township,
        String village,
        String school,
        Boolean hukouLocal,
        Boolean residencePermit,
        PersonCategory personCategory,
        LocalDate enrolledOn) {

    /** Never the number itself: requests end up in logs and debuggers. */
    @Override
    public String toString() {
        return "EnrolmentRequest[region=" + region + ", coverageYear=" + coverageYear + ", township=" + township + "]";
    }
}
