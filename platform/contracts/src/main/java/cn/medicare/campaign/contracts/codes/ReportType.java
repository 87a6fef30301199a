package cn.medicare.campaign.contracts.codes;

/** 报表类型 */
public enum ReportType {
    /** 周报表 */
    WEEKLY,
    /** 半月通报 */
    HALF_MONTHLY,
    /** 月度通报 */
    MONTHLY,
    /** 阶段目标考核 */
    STAGE,
    /** 按需生成 */
    ON_DEMAND
}
