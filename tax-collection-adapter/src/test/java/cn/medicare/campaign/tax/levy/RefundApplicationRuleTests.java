package cn.medicare.campaign.tax.levy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.events.CampaignDefined.RefundRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RefundApplicationRuleTests {

    private static final LocalDate COVERAGE_STARTS = LocalDate.of(2018, 1, 1);

    @Test
    void beforeCoverageStartsAnApplicationIsApprovedForWhatItsReasonAllows() {
        var duplicate = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION, RefundApplicationRule.Reason.DUPLICATE_PAYMENT,
                LocalDate.of(2017, 12, 31), COVERAGE_STARTS, yuan("360.00"), yuan("180.00"), true);
        assertThat(duplicate.approved()).isTrue();
        assertThat(duplicate.amount()).isEqualByComparingTo("180.00");
        var elsewhere = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION,
                RefundApplicationRule.Reason.ENROLLED_ELSEWHERE, LocalDate.of(2017, 12, 31), COVERAGE_STARTS, yuan("180.00"), yuan("180.00"), true);
        assertThat(elsewhere.amount()).isEqualByComparingTo("180.00");
    }

    @Test
    void onTheDayCoverageStartsTheDefaultRuleRefusesAndARuleOnApplicationStillApproves() {
        var refused = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION, RefundApplicationRule.Reason.ENROLLED_ELSEWHERE,
                COVERAGE_STARTS, COVERAGE_STARTS, yuan("180.00"), yuan("180.00"), true);
        assertThat(refused.approved()).isFalse();
        assertThat(refused.explanation()).startsWith("待遇享受期已于2018-01-01开始");
        var approved = RefundApplicationRule.decide(RefundRule.ON_APPLICATION, RefundApplicationRule.Reason.ENROLLED_ELSEWHERE,
                COVERAGE_STARTS, COVERAGE_STARTS, yuan("180.00"), yuan("180.00"), true);
        assertThat(approved.approved()).isTrue();
    }

    @Test
    void nothingPaidOrNothingPaidTwiceIsRefusedWithTheReason() {
        var nothing = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION, RefundApplicationRule.Reason.DUPLICATE_PAYMENT,
                LocalDate.of(2017, 12, 1), COVERAGE_STARTS, yuan("180.00"), yuan("180.00"), true);
        assertThat(nothing.approved()).isFalse();
        assertThat(nothing.explanation()).contains("无重复缴费可退");
    }

    @Test
    void anApprovedRefundThatEndsTheEnrolmentTellsTheClerkToWithdrawItWhileTheRosterStillHoldsIt() {
        var enrolled = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION,
                RefundApplicationRule.Reason.JOINED_EMPLOYEE_INSURANCE, LocalDate.of(2017, 12, 1), COVERAGE_STARTS, yuan("180.00"),
                yuan("180.00"), true);
        assertThat(enrolled.explanation()).contains("请同时办理终止参保（EMPLOYEE_INSURANCE）", "withdraw the enrolment too (EMPLOYEE_INSURANCE)");
        var withdrawn = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION,
                RefundApplicationRule.Reason.JOINED_EMPLOYEE_INSURANCE, LocalDate.of(2017, 12, 1), COVERAGE_STARTS, yuan("180.00"),
                yuan("180.00"), false);
        assertThat(withdrawn.explanation()).doesNotContain("终止参保").endsWith(" / approved");
        var duplicate = RefundApplicationRule.decide(RefundRule.BEFORE_COVERAGE_ON_APPLICATION, RefundApplicationRule.Reason.DUPLICATE_PAYMENT,
                LocalDate.of(2017, 12, 1), COVERAGE_STARTS, yuan("360.00"), yuan("180.00"), true);
        assertThat(duplicate.explanation()).doesNotContain("终止参保");
    }

    private static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }
}
