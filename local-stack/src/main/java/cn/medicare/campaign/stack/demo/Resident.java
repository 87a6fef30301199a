package cn.medicare.campaign.stack.demo;

import java.time.LocalDate;

/** A synthetic resident of the county: a valid ID number, a name, where the household is registered. */
public record Resident(String idNumber, String name, String township, String village, boolean hukouLocal) {

    /** The body of {@code POST /api/v1/enrolments} (API.md). */
    public String enrolmentJson(String region, int coverageYear, LocalDate enrolledOn) {
        return enrolmentJson(region, coverageYear, enrolledOn, null);
    }

    /** @param personCategory null: the category the enrolment service derives (an adult, a minor by the birth date) */
    public String enrolmentJson(String region, int coverageYear, LocalDate enrolledOn, String personCategory) {
        return """
                {"idNumber":"%s","name":"%s","phone":"%s","region":"%s","coverageYear":%d,"township":"%s","village":"%s",\
                "hukouLocal":%b,"residencePermit":%b,"enrolledOn":"%s"%s}"""
                .formatted(idNumber, name, phone(), region, coverageYear, township, village, hukouLocal, !hukouLocal, enrolledOn,
                        personCategory == null ? "" : ",\"personCategory\":\"" + personCategory + "\"");
    }

    /** A mobile number of the household's, made from nothing of the ID number's. */
    private String phone() {
        return "139" + String.format("%08d", Math.floorMod(name.hashCode() * 31 + township.hashCode() + village.hashCode(), 100_000_000));
    }

    /** One row of an agency's monthly adjustment list. */
    public String adjustmentRowJson(String action, String category, LocalDate effectiveDate) {
        return """
                {"township":"%s","village":"%s","idNumber":"%s","phone":"13900000000","action":"%s","category":"%s","effectiveDate":"%s"}"""
                .formatted(township, village, idNumber, action, category, effectiveDate);
    }

    /** One confirmation of the tax bureau's payment callback. */
    public String confirmationJson(String voucherNo, int coverageYear, String amount, String paidAt) {
        return """
                {"voucherNo":"%s","idNumber":"%s","coverageYear":%d,"amount":"%s","channel":"WECHAT","paidAt":"%s"}"""
                .formatted(voucherNo, idNumber, coverageYear, amount, paidAt);
    }

    @Override
    public String toString() {
        return "Resident[" + township + "/" + village + "]";
    }
}
