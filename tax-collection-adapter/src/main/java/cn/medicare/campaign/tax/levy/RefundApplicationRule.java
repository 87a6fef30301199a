package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.codes.RefundDueReason;
import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 退费申请 under the campaign's refund rule: by default DOMAIN.md's ("before coverage starts, on
 * application, with a reason"): an application made before the person's coverage starts is
 * approved for what the person paid (for a duplicate payment, what was paid beyond the payable);
 * after it, refused. A campaign may refund on application at any time. The explanation is what the
 * clerk tells the resident.
 */
final class RefundApplicationRule {

    private RefundApplicationRule() {
    }

    /** The reasons an application may give (API.md additions). */
    enum Reason {
        /** 重复缴费 */
        DUPLICATE_PAYMENT("重复缴费", null),
        /** 已参加职工医保 */
        JOINED_EMPLOYEE_INSURANCE("已参加职工医保", WithdrawalReason.EMPLOYEE_INSURANCE),
        /** 已在其他地区参保 */
        ENROLLED_ELSEWHERE("已在其他地区参保", WithdrawalReason.MOVED_AWAY),
        /** 待遇享受期开始前死亡 */
        DECEASED_BEFORE_COVERAGE("待遇享受期开始前死亡", WithdrawalReason.DECEASED);

        private final String chinese;
        /** The withdrawal the reason ends the enrolment with; none for a duplicate payment. */
        private final WithdrawalReason withdrawal;

        Reason(String chinese, WithdrawalReason withdrawal) {
            this.chinese = chinese;
            this.withdrawal = withdrawal;
        }

        /** What the RefundDue says: a duplicate is a duplicate; the others end the enrolment before coverage. */
        RefundDueReason due() {
            return this == DUPLICATE_PAYMENT ? RefundDueReason.DUPLICATE_PAYMENT : RefundDueReason.WITHDRAWN_BEFORE_COVERAGE;
        }
    }

    record Decision(boolean approved, BigDecimal amount, String explanation) {
    }

    /**
     * @param appliedOn the business day of the application
     * @param coverageStart the person's first day of coverage (Jan 1 of the year, or a later start)
     * @param paidNet the person's own payments net of refunds (the assistance fund's are never theirs)
     * @param payable what the person owes of their own money, null while not assessed
     * @param stillEnrolled whether the roster still holds the enrolment (not withdrawn); the clerk is told to withdraw
     *        it for a reason that ends it, since the refund alone leaves the person owing the payable again
     */
    static Decision decide(CampaignDefined.RefundRule rule, Reason reason, LocalDate appliedOn, LocalDate coverageStart,
            BigDecimal paidNet, BigDecimal payable, boolean stillEnrolled) {
        BigDecimal nothing = BigDecimal.ZERO.setScale(2);
        if (rule == CampaignDefined.RefundRule.BEFORE_COVERAGE_ON_APPLICATION && !appliedOn.isBefore(coverageStart)) {
            return new Decision(false, nothing, "待遇享受期已于" + coverageStart + "开始，按本年度退费规则不予退费"
                    + " / coverage started on " + coverageStart + ": the campaign refunds only before coverage starts");
        }
        BigDecimal amount = reason == Reason.DUPLICATE_PAYMENT
                ? paidNet.subtract(payable == null ? BigDecimal.ZERO : payable).max(BigDecimal.ZERO)
                : paidNet.max(BigDecimal.ZERO);
        if (amount.signum() == 0) {
            return new Decision(false, nothing, reason == Reason.DUPLICATE_PAYMENT
                    ? "没有超过应缴金额的缴费，无重复缴费可退 / nothing was paid beyond the amount due"
                    : "没有个人缴费可退 / the person has paid nothing of their own to refund");
        }
        String when = appliedOn.isBefore(coverageStart) ? "在待遇享受期开始（" + coverageStart + "）前" : "按本年度退费规则";
        String approved = "因" + reason.chinese + when + "申请退费，退还" + amount.setScale(2).toPlainString() + "元";
        if (reason.withdrawal != null && stillEnrolled) {
            return new Decision(true, amount.setScale(2), approved + "；该居民仍在参保名单上，请同时办理终止参保（" + reason.withdrawal
                    + "），以免再被征收 / approved; the resident is still enrolled: withdraw the enrolment too (" + reason.withdrawal
                    + "), or it is levied again");
        }
        return new Decision(true, amount.setScale(2), approved + " / approved");
    }
}
