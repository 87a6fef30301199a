package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.PersonCategory;

/**
 * The body of {@code PATCH /api/v1/enrolments/{personId}}: only the fields that change (API.md). An
 * absent field is kept; {@code "school": ""} clears the school (a student who left it).
 */
record EnrolmentChange(String township, String village, String school, PersonCategory personCategory, Boolean hukouLocal,
        Boolean residencePermit, String name, String phone) {

    boolean clearsSchool() {
        return school != null && school.isBlank();
    }

    @Override
    public String toString() {
        return "EnrolmentChange[township=" + township + "]";
    }
}
