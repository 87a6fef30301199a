package cn.medicare.campaign.tax.levy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import cn.medicare.campaign.contracts.events.CampaignDefined.RefundRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RefundApplicationRuleTests {

    private static final LocalDate COVERAGE_STARTS = LocalDate.of(2018, 1, 1);

    @Test
    void beforeCoverageStartsAnApplicationIsApprovedForWhatItsReasonAllows() {
        var duplicate = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION, RefundApplicationRule.Reason.DUPLICATE_PAYMENT,
                LocalDate.of(2017, 12, 31), standing(null, null, COVERAGE_STARTS, yuan("360.00"), yuan("180.00"), true));
        assertThat(duplicate.approved()).isTrue();
        assertThat(duplicate.amount()).isEqualByComparingTo("180.00");
        var elsewhere = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION,
                RefundApplicationRule.Reason.ENROLLED_ELSEWHERE, LocalDate.of(2017, 12, 31),
                standing(null, null, COVERAGE_STARTS, yuan("180.00"), yuan("180.00"), true));
        assertThat(elsewhere.amount()).isEqualByComparingTo("180.00");
    }

    @Test
    void onTheDayCoverageStartsTheDefaultRuleRefusesAndARuleOnApplicationStillApproves() {
        var refused = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION, RefundApplicationRule.Reason.ENROLLED_ELSEWHERE,
                COVERAGE_STARTS, standing(null, null, COVERAGE_STARTS, yuan("180.00"), yuan("180.00"), true));
        assertThat(refused.approved()).isFalse();
        assertThat(refused.explanation()).startsWith("待遇享受期已于2018-01-01开始");
        var approved = RefundApplicationRule.decide(RefundRule.ON_APPLICATION, RefundApplicationRule.Reason.JOINED_EMPLOYEE_INSURANCE,
                COVERAGE_STARTS, standing(null, null, COVERAGE_STARTS, yuan("180.00"), yuan("180.00"), true));
        assertThat(approved.approved()).isTrue();
    }

    /** What was paid twice is owed back automatically whenever it was paid (RefundDueRule): the application agrees, under any rule. */
    @Test
    void afterCoverageStartedADuplicateIsStillApprovedForWhatWasPaidBeyondThePayable() {
        for (RefundRule rule : RefundRule.values()) {
            var duplicate = RefundApplicationRule.decide(rule, RefundApplicationRule.Reason.DUPLICATE_PAYMENT, LocalDate.of(2018, 3, 1),
                    standing(null, null, COVERAGE_STARTS, yuan("360.00"), yuan("180.00"), true));
            assertThat(duplicate.approved()).as(rule.name()).isTrue();
            assertThat(duplicate.amount()).isEqualByComparingTo("180.00");
            assertThat(duplicate.explanation()).contains("开始后亦予退还", "owed back after coverage started too");
        }
        var nothingTwice = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION,
                RefundApplicationRule.Reason.DUPLICATE_PAYMENT, LocalDate.of(2018, 3, 1),
                standing(null, null, COVERAGE_STARTS, yuan("180.00"), yuan("180.00"), true));
        assertThat(nothingTwice.approved()).isFalse();
        assertThat(nothingTwice.explanation()).contains("无重复缴费可退");
    }

    @Test
    void nothingPaidOrNothingPaidTwiceIsRefusedWithTheReason() {
        var nothing = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION, RefundApplicationRule.Reason.DUPLICATE_PAYMENT,
                LocalDate.of(2017, 12, 1), standing(null, null, COVERAGE_STARTS, yuan("180.00"), yuan("180.00"), true));
        assertThat(nothing.approved()).isFalse();
        assertThat(nothing.explanation()).contains("无重复缴费可退");
    }

    @Test
    void anApprovedRefundThatEndsTheEnrolmentTellsTheClerkToWithdrawItWhileTheRosterStillHoldsIt() {
        var enrolled = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION,
                RefundApplicationRule.Reason.JOINED_EMPLOYEE_INSURANCE, LocalDate.of(2017, 12, 1),
                standing(null, null, COVERAGE_STARTS, yuan("180.00"),
                yuan("180.00"), true));
        assertThat(enrolled.explanation()).contains("请同时办理终止参保（EMPLOYEE_INSURANCE）", "withdraw the enrolment too (EMPLOYEE_INSURANCE)");
        var withdrawn = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION,
                RefundApplicationRule.Reason.JOINED_EMPLOYEE_INSURANCE, LocalDate.of(2017, 12, 1),
                standing(null, null, COVERAGE_STARTS, yuan("180.00"),
                yuan("180.00"), false));
        assertThat(withdrawn.explanation()).doesNotContain("终止参保").endsWith(" / approved");
        var duplicate = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION, RefundApplicationRule.Reason.DUPLICATE_PAYMENT,
                LocalDate.of(2017, 12, 1), standing(null, null, COVERAGE_STARTS, yuan("360.00"), yuan("180.00"), true));
        assertThat(duplicate.explanation()).doesNotContain("终止参保");
    }

    /**
     * A withdrawal from the birth (PersonWithdrawn.effectiveFromBirth) is judged by the birth the applicant's number gives, and
     * its explanation names no date: a baby born on 3 January and covered from 1 January (as a coverage from the birth is held
     * here) died after coverage started; a withdrawal dated in the birth year of someone born long before came before it.
     */
    @Test
    void aWithdrawalFromTheBirthIsJudgedByTheBirthAndNamesNoDate() {
        var baby = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION,
                RefundApplicationRule.Reason.DECEASED_BEFORE_COVERAGE, LocalDate.of(2018, 2, 1),
                new RefundApplicationRule.Standing(2018, WithdrawalReason.DECEASED, LocalDate.of(2018, 1, 3), true, COVERAGE_STARTS,
                        yuan("180.00"), yuan("180.00"), true, false));
        assertThat(baby.approved()).isFalse();
        assertThat(baby.explanation()).startsWith("该居民于出生之日或其后数日终止参保，在待遇享受期开始（2018-01-01）之后，不予退费")
                .contains("/ the enrolment ended on the day of birth or a few days after, after coverage started").doesNotContain("2018-01-03");
        var longBefore = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION,
                RefundApplicationRule.Reason.DECEASED_BEFORE_COVERAGE, LocalDate.of(2018, 2, 1),
                new RefundApplicationRule.Standing(2018, WithdrawalReason.DECEASED, LocalDate.of(1985, 6, 12), true, COVERAGE_STARTS,
                        yuan("180.00"), yuan("180.00"), true, false));
        assertThat(longBefore.approved()).isTrue();
        assertThat(longBefore.explanation()).startsWith("该居民于出生之日或其后数日终止参保，在待遇享受期开始（2018-01-01）前").doesNotContain("1985");
    }

    /** A family applies weeks after the death: the day of the death counts, not the day of the application. */
    @Test
    void aDeathOrMoveIsJudgedByTheDayTheEnrolmentEndedAndAfterCoverageStartedRefundsNothingUnderAnyRule() {
        LocalDate afterNewYear = LocalDate.of(2018, 1, 8);
        var diedInDecember = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION,
                RefundApplicationRule.Reason.DECEASED_BEFORE_COVERAGE, afterNewYear,
                standing(WithdrawalReason.DECEASED, LocalDate.of(2017, 12, 20), COVERAGE_STARTS,
                yuan("180.00"), yuan("180.00"), false));
        assertThat(diedInDecember.approved()).isTrue();
        assertThat(diedInDecember.amount()).isEqualByComparingTo("180.00");
        assertThat(diedInDecember.explanation()).startsWith("该居民于2017-12-20终止参保，在待遇享受期开始（2018-01-01）前；因待遇享受期开始前死亡申请退费，退还180.00元");

        var diedInMay = RefundApplicationRule.decide(RefundRule.ON_APPLICATION, RefundApplicationRule.Reason.DECEASED_BEFORE_COVERAGE,
                LocalDate.of(2018, 5, 10),
                standing(WithdrawalReason.DECEASED, LocalDate.of(2018, 5, 1), COVERAGE_STARTS, yuan("180.00"), yuan("180.00"), false));
        assertThat(diedInMay.approved()).isFalse();
        assertThat(diedInMay.explanation()).startsWith("该居民于2018-05-01终止参保，在待遇享受期开始（2018-01-01）之后，不予退费");
        var movedInMay = RefundApplicationRule.decide(RefundRule.ON_APPLICATION, RefundApplicationRule.Reason.ENROLLED_ELSEWHERE,
                LocalDate.of(2018, 5, 10),
                standing(WithdrawalReason.MOVED_AWAY, LocalDate.of(2018, 5, 1), COVERAGE_STARTS, yuan("180.00"), yuan("180.00"), false));
        assertThat(movedInMay.approved()).isFalse();
        var employedInMay = RefundApplicationRule.decide(RefundRule.ON_APPLICATION, RefundApplicationRule.Reason.JOINED_EMPLOYEE_INSURANCE,
                LocalDate.of(2018, 5, 10),
                standing(WithdrawalReason.EMPLOYEE_INSURANCE, LocalDate.of(2018, 5, 1), COVERAGE_STARTS, yuan("180.00"), yuan("180.00"), false));
        assertThat(employedInMay.approved()).as("the campaign refunds employee insurance on application at any time").isTrue();
        var diedButAppliedAsEmployed = RefundApplicationRule.decide(RefundRule.ON_APPLICATION,
                RefundApplicationRule.Reason.JOINED_EMPLOYEE_INSURANCE, LocalDate.of(2018, 5, 10), standing(WithdrawalReason.DECEASED,
                LocalDate.of(2018, 5, 1), COVERAGE_STARTS, yuan("180.00"), yuan("180.00"), false));
        assertThat(diedButAppliedAsEmployed.approved()).as("the roster says why the enrolment ended").isFalse();
    }

    @Test
    void beforeAStartThatWaitsForThePaymentNothingHasStarted() {
        var waiting = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION, RefundApplicationRule.Reason.JOINED_EMPLOYEE_INSURANCE,
                LocalDate.of(2018, 4, 10), standing(null, null, null, yuan("100.00"), yuan("180.00"), true));
        assertThat(waiting.approved()).isTrue();
        assertThat(waiting.explanation()).contains("在待遇享受期开始前申请退费，退还100.00元");
    }

    @Test
    void aDeathNotYetOnTheRosterIsJudgedByTheApplicationAndTheClerkIsToldToRecordItsDateFirst() {
        var refused = RefundApplicationRule.decide(RefundRule.ON_APPLICATION, RefundApplicationRule.Reason.DECEASED_BEFORE_COVERAGE,
                LocalDate.of(2018, 1, 8), standing(null, null, COVERAGE_STARTS, yuan("180.00"), yuan("180.00"), true));
        assertThat(refused.approved()).isFalse();
        assertThat(refused.explanation()).contains("如死亡在此之前，请先按实际日期办理终止参保（DECEASED）再申请",
                "withdraw the enrolment (DECEASED) with its real date first");
    }

    /**
     * Not registered for the year (a renewal the roster refused), the payer was covered by nothing: all of it comes back for
     * a reason that ends the enrolment, whatever the day. A duplicate waits for the year's end: a payment may come before its
     * registration, which brings the payable.
     */
    @Test
    void moneyFromSomeoneNotRegisteredIsApprovedInFullForAReasonThatEndsTheEnrolmentAndAsADuplicateOnceTheYearEnded() {
        var notRegistered = new RefundApplicationRule.Standing(2018, null, null, false, null, yuan("180.00"), null, false, false);
        for (RefundApplicationRule.Reason reason : RefundApplicationRule.Reason.values()) {
            var inTheYear = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION, reason, LocalDate.of(2018, 6, 1),
                    notRegistered);
            var afterIt = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION, reason, LocalDate.of(2019, 1, 10),
                    notRegistered);
            assertThat(inTheYear.approved()).as(reason.name()).isEqualTo(reason != RefundApplicationRule.Reason.DUPLICATE_PAYMENT);
            assertThat(afterIt.approved()).as(reason.name()).isTrue();
            assertThat(afterIt.amount()).isEqualByComparingTo("180.00");
            assertThat(afterIt.explanation()).contains("本年度未参保登记").doesNotContain("终止参保");
        }
        assertThat(RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION, RefundApplicationRule.Reason.DUPLICATE_PAYMENT,
                LocalDate.of(2018, 6, 1), notRegistered).explanation()).contains("尚未参保登记", "暂无法认定重复缴费");
        var nothingPaid = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION, RefundApplicationRule.Reason.DUPLICATE_PAYMENT,
                LocalDate.of(2019, 1, 10), new RefundApplicationRule.Standing(2018, null, null, false, null, yuan("0.00"), null, false, false));
        assertThat(nothingPaid.approved()).isFalse();
    }

    @Test
    void nothingIsADuplicateBeforeTheAmountDueIsAssessed() {
        var pending = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION, RefundApplicationRule.Reason.DUPLICATE_PAYMENT,
                LocalDate.of(2017, 12, 1), standing(null, null, COVERAGE_STARTS, yuan("180.00"), null, true));
        assertThat(pending.approved()).isFalse();
        assertThat(pending.explanation()).contains("应缴金额尚未核定");
    }

    private static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    private static RefundApplicationRule.Standing standing(WithdrawalReason withdrawnFor, LocalDate withdrawnOn, LocalDate coverageStart,
            BigDecimal paidNet, BigDecimal payable, boolean stillEnrolled) {
        return new RefundApplicationRule.Standing(2018, withdrawnFor, withdrawnOn, false, coverageStart, paidNet, payable, true, stillEnrolled);
    }
}
