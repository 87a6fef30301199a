package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.AssistanceSubcategory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 人员类别 as 附件3 (困难人口动态调整名单) and the agencies' own sheets write them, read as our
 * categories: 农村低保 and 城镇低保 are both 低保 (MINIMUM_LIVING), 脱贫不稳定人口, 边缘易致贫人口 and
 * 突发严重困难人口 are all 监测对象 (MONITORED); which of them the agency wrote is the row's
 * {@link AssistanceSubcategory}, so that a 农转城 transfer (EXIT 农村低保, ADD 城镇低保) keeps the person's 低保.
 * The codes themselves (MINIMUM_LIVING, URBAN_MINIMUM_LIVING) are read too.
 */
final class FormCategories {

    /** The form's names in its own order (DOMAIN.md "Official forms"), then the other agencies' usual names. */
    private static final Map<String, Named> NAMES = names();

    /** A category as a row names it, with the subcategory where the name is a finer one (农村低保), else null (低保对象). */
    record Named(AssistanceCategory category, AssistanceSubcategory subcategory) {

        private Named(AssistanceSubcategory subcategory) {
            this(subcategory.category(), subcategory);
        }

        private Named(AssistanceCategory category) {
            this(category, null);
        }
    }

    private FormCategories() {
    }

    private static Map<String, Named> names() {
        Map<String, Named> names = new LinkedHashMap<>();
        names.put("农村特困", new Named(AssistanceSubcategory.RURAL_EXTREME_POVERTY));
        names.put("城镇特困", new Named(AssistanceSubcategory.URBAN_EXTREME_POVERTY));
        names.put("农村低保", new Named(AssistanceSubcategory.RURAL_MINIMUM_LIVING));
        names.put("城镇低保", new Named(AssistanceSubcategory.URBAN_MINIMUM_LIVING));
        names.put("孤儿", new Named(AssistanceCategory.ORPHAN));
        names.put("事实无人抚养儿童", new Named(AssistanceCategory.DE_FACTO_UNSUPPORTED_CHILD));
        names.put("低保边缘家庭成员", new Named(AssistanceCategory.LOW_INCOME_MARGINAL));
        names.put("脱贫户", new Named(AssistanceCategory.STABLE_EX_POOR));
        names.put("返贫致贫人口", new Named(AssistanceCategory.RETURNED_TO_POVERTY));
        names.put("脱贫不稳定人口", new Named(AssistanceSubcategory.UNSTABLE_EX_POOR));
        names.put("边缘易致贫人口", new Named(AssistanceSubcategory.MARGINAL_AT_RISK));
        names.put("突发严重困难人口", new Named(AssistanceSubcategory.SUDDEN_SEVERE_HARDSHIP));
        names.put("特困供养人员", new Named(AssistanceCategory.EXTREME_POVERTY));
        names.put("特困人员", new Named(AssistanceCategory.EXTREME_POVERTY));
        names.put("低保对象", new Named(AssistanceCategory.MINIMUM_LIVING));
        names.put("监测对象", new Named(AssistanceCategory.MONITORED));
        names.put("稳定脱贫人口", new Named(AssistanceCategory.STABLE_EX_POOR));
        names.put("一级残疾", new Named(AssistanceSubcategory.DISABILITY_GRADE_1));
        names.put("二级残疾", new Named(AssistanceSubcategory.DISABILITY_GRADE_2));
        names.put("一、二级残疾", new Named(AssistanceCategory.DISABILITY_SEVERE));
        names.put("三级残疾", new Named(AssistanceSubcategory.DISABILITY_GRADE_3));
        names.put("四级残疾", new Named(AssistanceSubcategory.DISABILITY_GRADE_4));
        names.put("三、四级残疾", new Named(AssistanceCategory.DISABILITY_MODERATE));
        names.put("重点优抚对象", new Named(AssistanceCategory.PRIORITY_VETERAN));
        names.put("计生特殊家庭", new Named(AssistanceCategory.FAMILY_PLANNING_SPECIAL));
        names.put("严重精神障碍患者", new Named(AssistanceCategory.SEVERE_MENTAL_ILLNESS));
        return names;
    }

    /**
     * The names for the blank form's drop-down of 人员类别: every name this reads for a category {@code agency} certifies,
     * the form's own (农村低保) and the usual ones (低保对象, 一级残疾: the form prints none for the disabled persons'
     * federation, veterans affairs or health, and Excel refuses a value off the list); for the bureau (null), every name.
     */
    static List<String> choicesFor(Agency agency) {
        return NAMES.entrySet().stream().filter(named -> agency == null || named.getValue().category().agency() == agency)
                .map(Map.Entry::getKey).toList();
    }

    /** The category a cell names, by the form's name, the name our lists print or our code. */
    static Optional<Named> read(String cell) {
        if (cell == null) {
            return Optional.empty();
        }
        String text = cell.strip();
        Named named = NAMES.get(text);
        if (named != null) {
            return Optional.of(named);
        }
        return Arrays.stream(AssistanceSubcategory.values()).filter(subcategory -> subcategory.name().equals(text))
                .map(Named::new).findFirst()
                .or(() -> Arrays.stream(AssistanceCategory.values())
                        .filter(category -> category.name().equals(text) || category.chineseName().equals(text)).map(Named::new)
                        .findFirst());
    }
}
