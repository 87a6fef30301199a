package cn.medicare.campaign.contracts.codes;

/** Why a person's contribution was (re)assessed (核定缴费). */
public enum AssessmentReason {
    /** 参保登记 */
    ENROLLED,
    /** 资助身份变动 */
    ELIGIBILITY_CHANGED,
    /** 筹资政策调整 */
    CAMPAIGN_CHANGED
}
