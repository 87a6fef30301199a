package cn.medicare.campaign.contracts.codes;

/** 缴费渠道: how the tax bureau collected a contribution. */
public enum PaymentChannel {
    /** 微信 */
    WECHAT,
    /** 支付宝 */
    ALIPAY,
    /** 银行柜台或银行APP */
    BANK,
    /** 电子税务局 */
    ETAX,
    /** 办税服务厅现金缴费 */
    TAX_HALL_CASH,
    /** 村（社区）代收员 */
    VILLAGE_COLLECTOR,
    /** 亲属职工医保个人账户代缴 */
    EMPLOYEE_ACCOUNT,
    /** 医疗救助资金代缴 */
    ASSISTANCE_FUND
}
