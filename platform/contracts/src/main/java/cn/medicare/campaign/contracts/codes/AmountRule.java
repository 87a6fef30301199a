package cn.medicare.campaign.contracts.codes;

/** What a person pays for the year: the individual contribution, or outside the period individual + fiscal subsidy. */
public enum AmountRule {
    /** 个人缴费标准 */
    INDIVIDUAL,
    /** 个人缴费 + 财政补助 (enrolment outside the period, where the campaign says so) */
    INDIVIDUAL_PLUS_FISCAL
}
