package cn.medicare.campaign.tax;

/** The JSON bodies the tax bureau posts, built the way its integrators write them. */
final class TaxBureauBodies {

    private TaxBureauBodies() {
    }

    static String confirmations(String... rows) {
        return "{\"confirmations\":[" + String.join(",", rows) + "]}";
    }

    static String confirmation(String voucherNo, String idNumber, String amount) {
        return """
                {"voucherNo":"%s","idNumber":"%s","coverageYear":2018,"amount":"%s","channel":"WECHAT","paidAt":"2017-10-09T02:14:00Z"}"""
                .formatted(voucherNo, idNumber, amount).strip();
    }

    /** A confirmation through another channel, e.g. {@code ASSISTANCE_FUND} (医疗救助资金代缴). */
    static String confirmationBy(String voucherNo, String idNumber, String amount, String channel) {
        return confirmation(voucherNo, idNumber, amount).replace("\"WECHAT\"", "\"" + channel + "\"");
    }

    static String confirmation(String voucherNo, String idNumber, String amount, String paidAt) {
        return """
                {"voucherNo":"%s","idNumber":"%s","coverageYear":2018,"amount":"%s","channel":"WECHAT","paidAt":"%s"}"""
                .formatted(voucherNo, idNumber, amount, paidAt).strip();
    }

    static String refunds(String... rows) {
        return "{\"refunds\":[" + String.join(",", rows) + "]}";
    }

    static String refund(String refundNo, String voucherNo, String amount) {
        return refund(refundNo, voucherNo, amount, "2017-11-02T03:00:00Z");
    }

    static String refund(String refundNo, String voucherNo, String amount, String refundedAt) {
        return """
                {"refundNo":"%s","voucherNo":"%s","amount":"%s","refundedAt":"%s","reason":"重复缴费退费"}"""
                .formatted(refundNo, voucherNo, amount, refundedAt).strip();
    }

    static String refundNo() {
        return "TF" + Vouchers.next();
    }
}
