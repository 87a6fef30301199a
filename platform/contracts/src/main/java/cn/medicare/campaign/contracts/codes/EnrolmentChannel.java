package cn.medicare.campaign.contracts.codes;

/** 参保登记渠道: who registered the person. */
public enum EnrolmentChannel {
    /** 乡镇、村（社区）代办 */
    TOWNSHIP,
    /** 学校代办 */
    SCHOOL,
    /** 线上自助登记 */
    ONLINE,
    /** 上年参保自动续保 */
    ROLLOVER
}
