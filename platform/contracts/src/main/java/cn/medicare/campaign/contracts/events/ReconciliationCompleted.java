package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 入库对账: the tax bureau's daily file compared with the confirmations received.
 * {@code recovered} counts confirmations only the file had, which are now published. {@code rejected} (optional, added
 * in session 24) counts the file's rows that could not be compared (unreadable, a voucher twice, a payer no county
 * knows), which {@code taxCount} and {@code taxTotal} leave out: without it a file with refused rows read as a clean day.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReconciliationCompleted(
        LocalDate date,
        int taxCount,
        BigDecimal taxTotal,
        int matched,
        int recovered,
        int mismatched,
        int unknownToTax,
        Integer rejected) implements Event {

    public ReconciliationCompleted {
        requireNonNull(date, "date");
        taxTotal = Amounts.yuan(requireNonNull(taxTotal, "taxTotal"));
    }

    @Override
    public EventType type() {
        return EventType.RECONCILIATION_COMPLETED;
    }

    @Override
    public String key() {
        return date.toString();
    }
}
