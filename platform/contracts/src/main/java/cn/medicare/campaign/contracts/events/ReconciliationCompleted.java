package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 入库对账: the tax bureau's daily file compared with the confirmations received.
 * {@code recovered} counts confirmations only the file had, which are now published.
 */
public record ReconciliationCompleted(
        LocalDate date,
        int taxCount,
        BigDecimal taxTotal,
        int matched,
        int recovered,
        int mismatched,
        int unknownToTax) implements Event {

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
