package cn.medicare.campaign.contracts.codes;

/** 性别, as encoded in the 17th character of the resident ID number. */
public enum Sex {
    /** 男 */
    MALE,
    /** 女 */
    FEMALE
}
