package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.identity.PersonIds;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** A row that passed every check, with its values read. */
record ValidRow(String idNumber, String township, String village, String region, AdjustmentAction action,
        AssistanceCategory category, LocalDate effectiveDate) {

    /**
     * Whether the row takes effect on the day the person was born (a newborn of an assisted family): that date travels
     * only as a flag (EVENTS.md, "Personal data on the bus"). The number passed its checks, so its birth date reads.
     */
    boolean effectiveFromBirth() {
        return effectiveDate.equals(LocalDate.parse(idNumber.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE));
    }

    @Override
    public String toString() {
        return "ValidRow[idNumber=" + PersonIds.maskIdNumber(idNumber) + ", township=" + township + ", village=" + village
                + ", action=" + action + ", category=" + category + ", effectiveDate=" + effectiveDate + "]";
    }
}
