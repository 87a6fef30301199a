package cn.medicare.campaign.contracts.codes;

/** How a payment confirmation reached us. */
public enum PaymentSource {
    /** 缴费信息实时回传 */
    WEBHOOK,
    /** 入库对账补录: only the daily reconciliation file had it. */
    RECONCILIATION
}
