package cn.medicare.campaign.tax.levy;

import cn.medicare.campaign.contracts.codes.RefundDueReason;
import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.contracts.identity.NearBirthRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * 退费申请 under the campaign's refund rule: by default DOMAIN.md's ("before coverage starts, on
 * application, with a reason"): a reason that arose before the person's coverage starts is approved
 * for what the person paid; one after it, refused. A duplicate payment, what was paid beyond the
 * payable, is approved whenever it was paid, as the refunds due owe it back automatically. A
 * campaign may refund on application at any time, except for a death or a move after coverage
 * started, which refunds nothing under any rule. The day that counts is the day the
 * enrolment ended where the roster withdrew the person (a family applies weeks after a death), else
 * the day of the application. Someone not registered for the year gets back all they paid, since
 * nothing started. The explanation is what the clerk tells the resident.
 */
final class RefundApplicationRule {

    /** The withdrawals after which nothing is refunded once coverage started: a death or a move (DOMAIN.md). */
    private static final Set<WithdrawalReason> ENDS_WITHOUT_REFUND = EnumSet.of(WithdrawalReason.DECEASED, WithdrawalReason.MOVED_AWAY);

    private RefundApplicationRule() {
    }

    /** The reasons an application may give (API.md additions). */
    enum Reason {
        /** 重复缴费 */
        DUPLICATE_PAYMENT("重复缴费", null, null),
        /** 已参加职工医保 */
        JOINED_EMPLOYEE_INSURANCE("已参加职工医保", "参加职工医保", WithdrawalReason.EMPLOYEE_INSURANCE),
        /** 已在其他地区参保 */
        ENROLLED_ELSEWHERE("已在其他地区参保", "在其他地区参保", WithdrawalReason.MOVED_AWAY),
        /** 待遇享受期开始前死亡 */
        DECEASED_BEFORE_COVERAGE("待遇享受期开始前死亡", "死亡", WithdrawalReason.DECEASED);

        /** A death or a move after coverage started refunds nothing, whatever the campaign's rule (DOMAIN.md). */
        private static final Set<Reason> NEVER_AFTER_COVERAGE = EnumSet.of(ENROLLED_ELSEWHERE, DECEASED_BEFORE_COVERAGE);

        private final String chinese;
        /** What happened, where it ends the enrolment. */
        private final String event;
        /** The withdrawal the reason ends the enrolment with; none for a duplicate payment. */
        private final WithdrawalReason withdrawal;

        Reason(String chinese, String event, WithdrawalReason withdrawal) {
            this.chinese = chinese;
            this.event = event;
            this.withdrawal = withdrawal;
        }

        /** What the RefundDue says: a duplicate is a duplicate; the others end the enrolment before coverage. */
        RefundDueReason due() {
            return this == DUPLICATE_PAYMENT ? RefundDueReason.DUPLICATE_PAYMENT : RefundDueReason.WITHDRAWN_BEFORE_COVERAGE;
        }
    }

    record Decision(boolean approved, BigDecimal amount, String explanation) {
    }

    private static String endedAfterCoverage(NearBirthRule.Shown withdrawnOn, LocalDate coverageStart) {
        return "该居民于" + withdrawnOn.chinese() + "终止参保，在待遇享受期开始（" + coverageStart + "）之后，不予退费"
                + " / the enrolment ended on " + withdrawnOn.english() + ", after coverage started on " + coverageStart + ": nothing is refunded";
    }

    /** Refused by the application's day: where the reason ends the enrolment, its real date may still be recorded first. */
    private static String coverageStarted(Reason reason, LocalDate coverageStart) {
        String refused = "待遇享受期已于" + coverageStart + "开始，按本年度退费规则不予退费";
        String english = " / coverage started on " + coverageStart + ": refunded only before coverage starts";
        if (reason.withdrawal == null) {
            return refused + english;
        }
        return refused + "；如" + reason.event + "在此之前，请先按实际日期办理终止参保（" + reason.withdrawal + "）再申请"
                + english + "; if it happened before that, withdraw the enrolment (" + reason.withdrawal + ") with its real date first";
    }

    /**
     * Someone not registered for the year (the roster refused the renewal their payment asked for: another agency's list
     * names them, or it came too late to start coverage within the year) paid no contribution and was covered by nothing:
     * all they paid is owed back for a reason that ends the enrolment, whatever the day. A duplicate needs the payable the
     * registration brings, and a payment may come before its registration (DOMAIN.md): once the year has ended none can come
     * (no coverage starts after 31 December), and all of it was paid beyond nothing owed.
     */
    private static Decision notRegistered(Reason reason, BigDecimal paidNet, boolean yearEnded) {
        BigDecimal amount = paidNet.max(BigDecimal.ZERO).setScale(2);
        if (amount.signum() == 0) {
            return new Decision(false, amount, "没有个人缴费可退 / the person has paid nothing of their own to refund");
        }
        if (reason == Reason.DUPLICATE_PAYMENT && !yearEnded) {
            return new Decision(false, BigDecimal.ZERO.setScale(2), "该居民本年度尚未参保登记，应缴金额未核定，暂无法认定重复缴费；"
                    + "如因参加职工医保等原因不再参保，请按相应原因申请 / not registered for the year yet: nothing is a duplicate while a"
                    + " registration may still come; if the resident will not enrol (employee insurance...), apply with that reason");
        }
        return new Decision(true, amount, "该居民本年度未参保登记，所缴款项不是保费，因" + reason.chinese + "申请退费，全额退还"
                + amount.toPlainString() + "元 / approved: the resident is not registered for the year, so nothing paid was a"
                + " contribution: all " + amount.toPlainString() + " is refunded");
    }

    /** The withdrawal's day as the roster shows it: a withdrawal from the birth in its words, never a date. */
    private static NearBirthRule.Shown shown(Standing standing) {
        return standing.withdrawnFromBirth() ? NearBirthRule.Shown.NEAR_BIRTH : NearBirthRule.Shown.of(standing.withdrawnOn());
    }

    /**
     * Where the person's year stands, as the levy item knows it.
     *
     * @param withdrawnFor why the roster ended the enrolment, or null while it stands (or where the withdrawal did not say)
     * @param withdrawnOn the day the roster ended the enrolment, or null likewise; for one from the birth
     *        ({@link PersonWithdrawn#effectiveFromBirth()}) the birth date the applicant's number gives: the withdrawal came on
     *        it or within days after, so on or after a coverage that starts earlier (1 January, as a coverage from the birth
     *        is held here) and before one that starts weeks later; a start within those days is judged as after the birth
     *        (docs/design-notes.md, "Known limits")
     * @param withdrawnFromBirth whether the roster's withdrawal is from the birth: its explanation names no date
     * @param coverageStart the person's first day of coverage (Jan 1 of the year, or a later start); null while none started
     * @param paidNet the person's own payments net of refunds (the assistance fund's are never theirs)
     * @param payable what the person owes of their own money (the one at first settlement, where lower), null while not assessed
     * @param registered whether the person was registered for the year: money from someone who is not (a renewal the roster
     *        refused) paid for no coverage
     * @param stillEnrolled whether the roster still holds the enrolment (not withdrawn); the clerk is told to withdraw
     *        it for a reason that ends it, since the refund alone leaves the person owing the payable again
     */
    record Standing(int coverageYear, WithdrawalReason withdrawnFor, LocalDate withdrawnOn, boolean withdrawnFromBirth,
            LocalDate coverageStart,
            BigDecimal paidNet, BigDecimal payable, boolean registered, boolean stillEnrolled) {
    }

    /** @param appliedOn the business day of the application */
    static Decision decide(CampaignDefined.RefundRule rule, Reason reason, LocalDate appliedOn, Standing standing) {
        WithdrawalReason withdrawnFor = standing.withdrawnFor();
        LocalDate withdrawnOn = standing.withdrawnOn();
        LocalDate coverageStart = standing.coverageStart();
        BigDecimal paidNet = standing.paidNet();
        BigDecimal payable = standing.payable();
        BigDecimal nothing = BigDecimal.ZERO.setScale(2);
        if (!standing.registered()) {
            return notRegistered(reason, paidNet, appliedOn.getYear() > standing.coverageYear());
        }
        boolean started = coverageStart != null;
        // a death or a move after the start refunds nothing, whatever reason the application gives
        if (started && reason != Reason.DUPLICATE_PAYMENT && withdrawnOn != null && ENDS_WITHOUT_REFUND.contains(withdrawnFor)
                && !withdrawnOn.isBefore(coverageStart)) {
            return new Decision(false, nothing, endedAfterCoverage(shown(standing), coverageStart));
        }
        boolean ended = reason.withdrawal != null && withdrawnOn != null && withdrawnFor == reason.withdrawal;
        LocalDate arose = ended ? withdrawnOn : appliedOn;
        boolean afterCoverage = started && !arose.isBefore(coverageStart);
        // what was paid beyond the payable is no contribution: it is owed back whenever it was paid (RefundDueRule), and the
        // application says so rather than refuse what the refunds due list
        if (afterCoverage && reason != Reason.DUPLICATE_PAYMENT
                && (Reason.NEVER_AFTER_COVERAGE.contains(reason) || rule == CampaignDefined.RefundRule.BEFORE_COVERAGE_ON_APPLICATION)) {
            return new Decision(false, nothing, ended ? endedAfterCoverage(shown(standing), coverageStart) : coverageStarted(reason, coverageStart));
        }
        if (reason == Reason.DUPLICATE_PAYMENT && payable == null) {
            return new Decision(false, nothing, "应缴金额尚未核定，暂无法认定重复缴费，请稍后再申请"
                    + " / the amount due is not assessed yet: nothing can be called a duplicate until it is; apply again later");
        }
        BigDecimal amount = reason == Reason.DUPLICATE_PAYMENT ? paidNet.subtract(payable).max(BigDecimal.ZERO) : paidNet.max(BigDecimal.ZERO);
        if (amount.signum() == 0) {
            return new Decision(false, nothing, reason == Reason.DUPLICATE_PAYMENT
                    ? "没有超过应缴金额的缴费，无重复缴费可退 / nothing was paid beyond the amount due"
                    : "没有个人缴费可退 / the person has paid nothing of their own to refund");
        }
        String before = started ? "在待遇享受期开始（" + coverageStart + "）前" : "在待遇享受期开始前";
        String refunded = "退还" + amount.setScale(2).toPlainString() + "元";
        if (reason == Reason.DUPLICATE_PAYMENT && afterCoverage) {
            return new Decision(true, amount.setScale(2), "因重复缴费申请退费：超过应缴金额的部分不是保费，待遇享受期（" + coverageStart
                    + "起）开始后亦予退还，" + refunded + " / approved: money paid beyond the amount due is no contribution, owed back after "
                    + "coverage started too");
        }
        String approved = ended && !afterCoverage ? "该居民于" + shown(standing).chinese() + "终止参保，" + before + "；因" + reason.chinese + "申请退费，" + refunded
                : "因" + reason.chinese + (afterCoverage ? "按本年度退费规则" : before) + "申请退费，" + refunded;
        if (reason.withdrawal != null && standing.stillEnrolled()) {
            return new Decision(true, amount.setScale(2), approved + "；该居民仍在参保名单上，请同时办理终止参保（" + reason.withdrawal
                    + "），以免再被征收 / approved; the resident is still enrolled: withdraw the enrolment too (" + reason.withdrawal
                    + "), or it is levied again");
        }
        return new Decision(true, amount.setScale(2), approved + " / approved");
    }
}
