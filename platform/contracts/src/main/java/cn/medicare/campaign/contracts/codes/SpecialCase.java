package cn.medicare.campaign.contracts.codes;

/**
 * 特殊参保情形: the cases of DOMAIN.md "Special cases of enrolment" that a campaign may give their
 * own coverage rule, each with the event whose date the rule counts from.
 */
public enum SpecialCase {
    /** 新生儿 (the birth) */
    NEWBORN("新生儿", "出生"),
    /** 职工医保中断（离职、失业） */
    EMPLOYEE_INSURANCE_LAPSE("职工医保中断人员", "职工医保中断"),
    /** 退役军人及其未就业配偶、退役返乡人员 */
    MILITARY_DISCHARGE("退役军人", "退役"),
    /** 刑满释放人员 */
    RELEASED_FROM_CUSTODY("刑满释放人员", "释放"),
    /** 社区矫正人员 */
    COMMUNITY_CORRECTION("社区矫正人员", "纳入社区矫正"),
    /** 福利机构收留的儿童 */
    WELFARE_INSTITUTION("福利机构收留儿童", "被福利机构收留"),
    /** 新认定的特困、低保、返贫致贫人员 */
    NEWLY_ASSISTED("新认定困难人员", "认定"),
    /** 大学新生 */
    COLLEGE_FRESHMAN("大学新生", "入学"),
    /** 春节返乡务工人员 */
    MIGRANT_WORKER("返乡务工人员", "返乡");

    private final String chinese;
    private final String event;

    SpecialCase(String chinese, String event) {
        this.chinese = chinese;
        this.event = event;
    }

    /** Who the case is about, as a clerk reads it. */
    public String chinese() {
        return chinese;
    }

    /** The event whose date the case counts from, as a clerk reads it. */
    public String event() {
        return event;
    }

    /**
     * Whether an enrolment under this case is assessed with the assistance certified for the person after the
     * campaign's cut-off (同缴同补 holds it back for next year otherwise): the case is the certification itself
     * (Gaolou: "individual after assistance") or a child the state has taken in (Yueyang, Lishi: "individual (assisted)").
     */
    public boolean assistedWithinTheYear() {
        return this == NEWLY_ASSISTED || this == WELFARE_INSTITUTION;
    }

    /** The case a PersonEnrolled's {@code coverageRule} names, or null for COLLECTION_PERIOD, LATE_ENROLMENT or none. */
    public static SpecialCase named(String coverageRule) {
        for (SpecialCase specialCase : values()) {
            if (specialCase.name().equals(coverageRule)) {
                return specialCase;
            }
        }
        return null;
    }
}
