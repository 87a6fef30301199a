package cn.medicare.campaign.reporting.person;

import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.identity.NearBirthRule;
import java.math.BigDecimal;

/**
 * Why a person-year counts as enrolled or not, in the words a clerk tells the resident: the same
 * facts the participation figures count by ({@code Definitions.REGISTERED} and {@code SETTLED}),
 * read for one person.
 */
final class PersonStatusRule {

    private PersonStatusRule() {
    }

    /**
     * @param enrolmentSeen whether the enrolment reached this service at all
     * @param withdrawnOn the withdrawal's effective day as the roster shows it (a date, or the birth's words), when it has passed
     * @param heldTo the amount the person is held to; null before assessment
     * @param outstanding what is still owed, for one not settled
     * @param counted registered and settled
     */
    static String explain(boolean enrolmentSeen, NearBirthRule.Shown withdrawnOn, BigDecimal heldTo, BigDecimal subsidy, String category,
            BigDecimal ownPaid, BigDecimal fundPaid, BigDecimal outstanding, boolean counted) {
        if (!enrolmentSeen) {
            return "本服务尚未收到该人员本年度的参保登记，不计入参保人数 / no enrolment of this person for the year has reached this "
                    + "service: not counted";
        }
        if (withdrawnOn != null) {
            return "已于" + withdrawnOn.chinese() + "终止参保，自该日起不计入参保人数 / withdrawn on " + withdrawnOn.english()
                    + ": out of the figures "
                    + "from that day";
        }
        if (heldTo == null) {
            return "已参保登记，应缴金额尚未核定，暂不计入已参保人数 / registered; the amount due is not assessed yet: not counted "
                    + "as enrolled yet";
        }
        String money = "应缴" + yuan(heldTo) + "元" + assisted(subsidy, category) + "，个人已缴" + yuan(ownPaid) + "元（已扣除退费）"
                + (fundPaid.signum() > 0 ? "，医疗救助基金代缴" + yuan(fundPaid) + "元" : "");
        String english = "owes " + yuan(heldTo) + ", paid " + yuan(ownPaid) + " net of refunds"
                + (fundPaid.signum() > 0 ? " and " + yuan(fundPaid) + " by the assistance fund" : "");
        if (counted) {
            return "已参保并缴清：" + money + "，计入已参保人数 / registered and settled (" + english + "): counted as enrolled";
        }
        return "已参保登记，尚未缴清：" + money + "，尚欠" + yuan(outstanding) + "元，暂不计入已参保人数 / registered, not settled ("
                + english + ", " + yuan(outstanding) + " outstanding): not counted as enrolled yet";
    }

    private static String assisted(BigDecimal subsidy, String category) {
        if (subsidy == null || subsidy.signum() == 0) {
            return "";
        }
        String who = category == null ? "" : chinese(category);
        return "（" + who + "资助" + yuan(subsidy) + "元）";
    }

    private static String chinese(String category) {
        for (AssistanceCategory known : AssistanceCategory.values()) {
            if (known.name().equals(category)) {
                return known.chineseName();
            }
        }
        return category;
    }

    private static String yuan(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }
}
