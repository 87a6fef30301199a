package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.SpecialCase;
import com.fasterxml.jackson.annotation.JsonProperty;
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
        LocalDate enrolledOn,
        SpecialCaseClaim specialCase,
        String schoolClass,
        String remarks) {

    /**
     * 特殊参保情形 as the clerk names it (API.md additions).
     *
     * @param date the day of the case's event (birth, lapse, discharge, release, admission, certification); for a newborn
     *     its birth date when absent
     * @param employeeYears years of employee insurance before a lapse, where the campaign's rule asks
     */
    record SpecialCaseClaim(@JsonProperty("case") SpecialCase specialCase, LocalDate date, Integer employeeYears) {
    }

    /** Never the number itself: requests end up in logs and debuggers. */
    @Override
    public String toString() {
        return "EnrolmentRequest[region=" + region + ", coverageYear=" + coverageYear + ", township=" + township + "]";
    }
}
