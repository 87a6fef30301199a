package cn.medicare.campaign.contracts.codes;

/** 资助方式: how a campaign reduces the contribution of an assisted category. */
public enum AssistanceMode {
    /** 全额资助: the person pays nothing. */
    FULL,
    /** 定额资助: a fixed subsidy in yuan. */
    FIXED,
    /** 按比例资助: a percentage of the standard amount. */
    PERCENT
}
