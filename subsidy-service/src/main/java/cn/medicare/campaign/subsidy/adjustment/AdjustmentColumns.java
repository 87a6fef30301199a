package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.kit.intake.ListColumns;
import cn.medicare.campaign.kit.intake.ListRow;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of an agency list (API.md), as CSV and as the spreadsheet itself alike:
 * {@code township,village,idNumber,phone,action,category,effectiveDate}, found by name, {@code phone}
 * may be left out; or 附件3 (困难人口动态调整名单) as filled in: its title rows, its Chinese headers and
 * its 序号 column. The kit's intake reads the file; this maps its rows.
 */
final class AdjustmentColumns {

    static final ListColumns COLUMNS = ListColumns.of(
            List.of("township", "village", "idNumber", "action", "category", "effectiveDate"), List.of("phone"))
            .asOnTheForm(Map.of("乡镇/街道", "township", "村/社区", "village", "身份证号码", "idNumber", "联系电话", "phone",
                    "动态调整类型", "action", "人员类别", "category", "动态调整时间", "effectiveDate"), Set.of("序号"));

    /** 附件3's columns in the form's order (序号 first), as the blank form shows them. */
    static final List<String> FORM_HEADER = List.of("序号", "乡镇/街道", "村/社区", "身份证号码", "联系电话", "动态调整类型", "人员类别",
            "动态调整时间");

    private AdjustmentColumns() {
    }

    static AdjustmentRowInput row(ListRow row) {
        return new AdjustmentRowInput(row.get("township"), row.get("village"), row.get("idNumber"), row.get("phone"),
                row.get("action"), row.get("category"), row.get("effectiveDate"));
    }
}
