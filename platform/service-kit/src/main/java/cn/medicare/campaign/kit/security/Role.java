package cn.medicare.campaign.kit.security;

/** Who a caller is to the bureau (API.md, "Who may call what"). */
public enum Role {
    /** 医保局: everything, including campaigns and targets. */
    BUREAU,
    /** 乡镇/街道: residents and figures of its own township only. */
    TOWNSHIP,
    /** A certifying agency: adjustment lists for the categories it certifies. */
    AGENCY,
    /** 税务局: the levy list, confirmations, refunds and reconciliation files. */
    TAX_BUREAU,
    /** Reads participation figures and reports. */
    VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
