package cn.medicare.campaign.contracts.codes;

/**
 * 人员类别细分: the names 附件3 (困难人口动态调整名单) and the disabled persons' federation's lists give within one
 * {@link AssistanceCategory}. The amount follows the category alone; the subcategory tells two certifications of one
 * category apart, so that a person moved from one to the other keeps the category: a 农转城 transfer is written as EXIT
 * 农村低保 and ADD 城镇低保, a re-graded disability as EXIT 二级残疾 and ADD 一级残疾, often on one day.
 */
public enum AssistanceSubcategory {
    /** 农村特困 */
    RURAL_EXTREME_POVERTY(AssistanceCategory.EXTREME_POVERTY, "农村特困"),
    /** 城镇特困 */
    URBAN_EXTREME_POVERTY(AssistanceCategory.EXTREME_POVERTY, "城镇特困"),
    /** 农村低保 */
    RURAL_MINIMUM_LIVING(AssistanceCategory.MINIMUM_LIVING, "农村低保"),
    /** 城镇低保 */
    URBAN_MINIMUM_LIVING(AssistanceCategory.MINIMUM_LIVING, "城镇低保"),
    /** 脱贫不稳定人口 */
    UNSTABLE_EX_POOR(AssistanceCategory.MONITORED, "脱贫不稳定人口"),
    /** 边缘易致贫人口 */
    MARGINAL_AT_RISK(AssistanceCategory.MONITORED, "边缘易致贫人口"),
    /** 突发严重困难人口 */
    SUDDEN_SEVERE_HARDSHIP(AssistanceCategory.MONITORED, "突发严重困难人口"),
    /** 一级残疾 */
    DISABILITY_GRADE_1(AssistanceCategory.DISABILITY_SEVERE, "一级残疾"),
    /** 二级残疾 */
    DISABILITY_GRADE_2(AssistanceCategory.DISABILITY_SEVERE, "二级残疾"),
    /** 三级残疾 */
    DISABILITY_GRADE_3(AssistanceCategory.DISABILITY_MODERATE, "三级残疾"),
    /** 四级残疾 */
    DISABILITY_GRADE_4(AssistanceCategory.DISABILITY_MODERATE, "四级残疾");

    private final AssistanceCategory category;
    private final String chineseName;

    AssistanceSubcategory(AssistanceCategory category, String chineseName) {
        this.category = category;
        this.chineseName = chineseName;
    }

    /** The category whose amount applies. */
    public AssistanceCategory category() {
        return category;
    }

    /** The name as the form prints it. */
    public String chineseName() {
        return chineseName;
    }
}
