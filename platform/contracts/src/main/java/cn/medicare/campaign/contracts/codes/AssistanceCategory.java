package cn.medicare.campaign.contracts.codes;

/**
 * 资助参保类别: a category of needy residents, certified by exactly one agency. Only that
 * agency's list decides who belongs to it.
 */
public enum AssistanceCategory {
    /** 特困供养人员 */
    EXTREME_POVERTY(Agency.CIVIL_AFFAIRS, "特困人员"),
    /** 低保对象 */
    MINIMUM_LIVING(Agency.CIVIL_AFFAIRS, "低保对象"),
    /** 低保边缘家庭成员 */
    LOW_INCOME_MARGINAL(Agency.CIVIL_AFFAIRS, "低保边缘家庭成员"),
    /** 孤儿 */
    ORPHAN(Agency.CIVIL_AFFAIRS, "孤儿"),
    /** 事实无人抚养儿童 */
    DE_FACTO_UNSUPPORTED_CHILD(Agency.CIVIL_AFFAIRS, "事实无人抚养儿童"),
    /** 监测对象（脱贫不稳定、边缘易致贫、突发严重困难） */
    MONITORED(Agency.RURAL_REVITALIZATION, "监测对象"),
    /** 返贫致贫人口 */
    RETURNED_TO_POVERTY(Agency.RURAL_REVITALIZATION, "返贫致贫人口"),
    /** 稳定脱贫人口: still certified so the figures can count them; assisted only if a campaign says so (usually none does). */
    STABLE_EX_POOR(Agency.RURAL_REVITALIZATION, "稳定脱贫人口"),
    /** 一、二级残疾 */
    DISABILITY_SEVERE(Agency.DISABLED_FEDERATION, "一、二级残疾人"),
    /** 三、四级残疾 */
    DISABILITY_MODERATE(Agency.DISABLED_FEDERATION, "三、四级残疾人"),
    /** 重点优抚对象 */
    PRIORITY_VETERAN(Agency.VETERANS_AFFAIRS, "重点优抚对象"),
    /** 计生特殊家庭 */
    FAMILY_PLANNING_SPECIAL(Agency.HEALTH, "计生特殊家庭"),
    /** 严重精神障碍患者 */
    SEVERE_MENTAL_ILLNESS(Agency.HEALTH, "严重精神障碍患者");

    private final Agency agency;
    private final String chineseName;

    AssistanceCategory(Agency agency, String chineseName) {
        this.agency = agency;
        this.chineseName = chineseName;
    }

    /** The name the lists and forms people read print (a code never reaches a clerk). */
    public String chineseName() {
        return chineseName;
    }

    /** The only agency whose lists may add people to or remove them from this category. */
    public Agency agency() {
        return agency;
    }
}
