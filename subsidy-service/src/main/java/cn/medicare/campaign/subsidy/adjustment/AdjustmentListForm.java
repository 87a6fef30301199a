package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.kit.export.BlankForm;
import java.util.List;
import java.util.Set;

/**
 * 附件3 困难人口动态调整名单 as a blank workbook for the agencies, with drop-downs for 动态调整类型 and
 * 人员类别; filled in and uploaded as it is, it is read back by {@link AdjustmentColumns}.
 */
final class AdjustmentListForm {

    private AdjustmentListForm() {
    }

    /** @param agency the agency the form is for, whose categories the drop-down offers; null for every category */
    static BlankForm blank(Agency agency) {
        return BlankForm.of("附件3", "困难人口动态调整名单", AdjustmentColumns.FORM_HEADER)
                .width("身份证号码", 22).width("村/社区", 16).width("人员类别", 18)
                .choices("动态调整类型", List.of("新增", "退出"))
                .choices("人员类别", FormCategories.choicesFor(agency))
                // a month typed as the form allows (2017年10月) stays a month: a date-formatted cell kept it as the 1st
                .text(Set.of("身份证号码", "联系电话", "动态调整时间"));
    }
}
