package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 人员类别 as 附件3 (困难人口动态调整名单) and the agencies' own sheets write them, read as our
 * categories: 农村低保 and 城镇低保 are both 低保 (MINIMUM_LIVING; which of the two the agency wrote
 * stays in the batch's row as typed), 脱贫不稳定人口, 边缘易致贫人口 and 突发严重困难人口 are all
 * 监测对象 (MONITORED). The code itself (MINIMUM_LIVING) is read too.
 */
final class FormCategories {

    /** The form's names in its own order (DOMAIN.md "Official forms"), then the other agencies' usual names. */
    private static final Map<String, AssistanceCategory> NAMES = names();

    private FormCategories() {
    }

    private static Map<String, AssistanceCategory> names() {
        Map<String, AssistanceCategory> names = new LinkedHashMap<>();
        names.put("农村特困", AssistanceCategory.EXTREME_POVERTY);
        names.put("城镇特困", AssistanceCategory.EXTREME_POVERTY);
        names.put("农村低保", AssistanceCategory.MINIMUM_LIVING);
        names.put("城镇低保", AssistanceCategory.MINIMUM_LIVING);
        names.put("孤儿", AssistanceCategory.ORPHAN);
        names.put("事实无人抚养儿童", AssistanceCategory.DE_FACTO_UNSUPPORTED_CHILD);
        names.put("低保边缘家庭成员", AssistanceCategory.LOW_INCOME_MARGINAL);
        names.put("脱贫户", AssistanceCategory.STABLE_EX_POOR);
        names.put("返贫致贫人口", AssistanceCategory.RETURNED_TO_POVERTY);
        names.put("脱贫不稳定人口", AssistanceCategory.MONITORED);
        names.put("边缘易致贫人口", AssistanceCategory.MONITORED);
        names.put("突发严重困难人口", AssistanceCategory.MONITORED);
        names.put("特困供养人员", AssistanceCategory.EXTREME_POVERTY);
        names.put("特困人员", AssistanceCategory.EXTREME_POVERTY);
        names.put("低保对象", AssistanceCategory.MINIMUM_LIVING);
        names.put("监测对象", AssistanceCategory.MONITORED);
        names.put("稳定脱贫人口", AssistanceCategory.STABLE_EX_POOR);
        names.put("一级残疾", AssistanceCategory.DISABILITY_SEVERE);
        names.put("二级残疾", AssistanceCategory.DISABILITY_SEVERE);
        names.put("一、二级残疾", AssistanceCategory.DISABILITY_SEVERE);
        names.put("三级残疾", AssistanceCategory.DISABILITY_MODERATE);
        names.put("四级残疾", AssistanceCategory.DISABILITY_MODERATE);
        names.put("三、四级残疾", AssistanceCategory.DISABILITY_MODERATE);
        names.put("重点优抚对象", AssistanceCategory.PRIORITY_VETERAN);
        names.put("计生特殊家庭", AssistanceCategory.FAMILY_PLANNING_SPECIAL);
        names.put("严重精神障碍患者", AssistanceCategory.SEVERE_MENTAL_ILLNESS);
        return names;
    }

    /**
     * The names for the blank form's drop-down of 人员类别: every name this reads for a category {@code agency} certifies,
     * the form's own (农村低保) and the usual ones (低保对象, 一级残疾: the form prints none for the disabled persons'
     * federation, veterans affairs or health, and Excel refuses a value off the list); for the bureau (null), every name.
     */
    static List<String> choicesFor(Agency agency) {
        return NAMES.entrySet().stream().filter(named -> agency == null || named.getValue().agency() == agency)
                .map(Map.Entry::getKey).toList();
    }

    /** The category a cell names, by the form's name, the name our lists print or our code. */
    static Optional<AssistanceCategory> read(String cell) {
        if (cell == null) {
            return Optional.empty();
        }
        String text = cell.strip();
        AssistanceCategory named = NAMES.get(text);
        if (named != null) {
            return Optional.of(named);
        }
        return Arrays.stream(AssistanceCategory.values())
                .filter(category -> category.name().equals(text) || category.chineseName().equals(text)).findFirst();
    }
}
