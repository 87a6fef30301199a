package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.identity.PersonIds;
import java.time.LocalDate;

/** A row that passed every check, with its values read. */
record ValidRow(String idNumber, String township, String village, String region, AdjustmentAction action,
        AssistanceCategory category, LocalDate effectiveDate) {

    @Override
    public String toString() {
        return "ValidRow[idNumber=" + PersonIds.maskIdNumber(idNumber) + ", township=" + township + ", village=" + village
                + ", action=" + action + ", category=" + category + ", effectiveDate=" + effectiveDate + "]";
    }
}
