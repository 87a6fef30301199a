package cn.medicare.campaign.tax.levy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A page of the levy list.
 *
 * @param next the cursor to ask after for the following page; null when this page was the last
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record LevyPage(List<Item> items, Long next) {

    /**
     * Null fields are written as null: the tax bureau's integrators read a fixed shape.
     *
     * @param payBy 缴费截止日: where the coverage starts at payment (a late enrolment's waiting, a special case's day
     *     after payment), the last day a payment still starts it within the coverage year; null otherwise
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Item(long cursor, String idNumber, String name, int coverageYear, BigDecimal payableAmount,
            String assistanceCategory, LevyStatus status, LocalDate payBy) {

        @Override
        public String toString() {
            return "Item[cursor=" + cursor + ", status=" + status + ", number hidden]";
        }
    }
}
