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

    /** The same request with the list's region and coverage year where it gives none (either may be null: none given). */
    EnrolmentRequest onList(String listRegion, Integer listCoverageYear) {
        return new EnrolmentRequest(idNumber, name, phone, region != null ? region : listRegion,
                coverageYear != null ? coverageYear : listCoverageYear, township, village, school, hukouLocal, residencePermit,
                personCategory, enrolledOn, specialCase, schoolClass, remarks);
    }

    /** The same request in a township named by its code (附件4 names it as people write it). */
    EnrolmentRequest inTownship(String code) {
        return new EnrolmentRequest(idNumber, name, phone, region, coverageYear, code, village, school, hukouLocal, residencePermit,
                personCategory, enrolledOn, specialCase, schoolClass, remarks);
    }

    /**
     * The same request enrolled through a school (附件4's 乡(镇)/街道/学校 names the school, its
     * 村/社区/班级 the class): counted with the school's township or the education system.
     */
    EnrolmentRequest atSchool(String unitCode, String schoolName) {
        String schoolClass = this.schoolClass != null ? this.schoolClass : village;
        return new EnrolmentRequest(idNumber, name, phone, region, coverageYear, unitCode, village, schoolName, hukouLocal,
                residencePermit, personCategory, enrolledOn, specialCase, schoolClass, remarks);
    }

    /** Never the number itself: requests end up in logs and debuggers. */
    @Override
    public String toString() {
        return "EnrolmentRequest[region=" + region + ", coverageYear=" + coverageYear + ", township=" + township + "]";
    }
}
