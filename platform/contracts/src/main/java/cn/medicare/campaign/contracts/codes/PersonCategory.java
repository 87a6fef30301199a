package cn.medicare.campaign.contracts.codes;

/** 人员类别: the category that sets a person's standard contribution. */
public enum PersonCategory {
    /** 普通城乡居民 */
    GENERAL,
    /** 中小学生（含幼儿园） */
    STUDENT,
    /** 未成年人（学龄前儿童等） */
    MINOR,
    /** 大学生 */
    COLLEGE_STUDENT,
    /** 新生儿 */
    NEWBORN
}
