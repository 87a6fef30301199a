package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import java.time.LocalDate;

/** 终止参保: the person leaves the figures from {@code effectiveDate} on. */
public record PersonWithdrawn(
        String personId, int coverageYear, String region, WithdrawalReason reason, LocalDate effectiveDate)
        implements PersonEvent {

    public PersonWithdrawn {
        requireNonNull(personId, "personId");
        requireNonNull(region, "region");
        requireNonNull(reason, "reason");
        requireNonNull(effectiveDate, "effectiveDate");
    }

    @Override
    public EventType type() {
        return EventType.PERSON_WITHDRAWN;
    }
}
