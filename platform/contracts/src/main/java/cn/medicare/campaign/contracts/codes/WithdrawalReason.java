package cn.medicare.campaign.contracts.codes;

/** 退保（终止参保）原因 */
public enum WithdrawalReason {
    /** 死亡 */
    DECEASED,
    /** 参加职工医保 */
    EMPLOYEE_INSURANCE,
    /** 迁出，在外地参保 */
    MOVED_AWAY,
    /** 重复参保 */
    DUPLICATE
}
