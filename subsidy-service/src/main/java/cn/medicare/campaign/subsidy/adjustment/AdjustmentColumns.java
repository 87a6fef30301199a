package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.kit.intake.ListColumns;
import cn.medicare.campaign.kit.intake.ListRow;
import java.util.List;

/**
 * The columns of an agency list (API.md), as CSV and as the spreadsheet itself alike:
 * {@code township,village,idNumber,phone,action,category,effectiveDate}, found by name, {@code phone}
 * may be left out. The kit's intake reads the file; this maps its rows.
 */
final class AdjustmentColumns {

    static final ListColumns COLUMNS = ListColumns.of(
            List.of("township", "village", "idNumber", "action", "category", "effectiveDate"), List.of("phone"));

    private AdjustmentColumns() {
    }

    static AdjustmentRowInput row(ListRow row) {
        return new AdjustmentRowInput(row.get("township"), row.get("village"), row.get("idNumber"), row.get("phone"),
                row.get("action"), row.get("category"), row.get("effectiveDate"));
    }
}
