package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import cn.medicare.campaign.contracts.codes.WithdrawalReason;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * 终止参保: the person leaves the figures from {@code effectiveDate} on.
 *
 * @param effectiveDate absent when the withdrawal takes effect on the person's birth date (a newborn enrolled twice, withdrawn
 *     from its first day) or near it ({@link cn.medicare.campaign.contracts.identity.NearBirthRule}): next to the newborn's
 *     enrolment that date would narrow the ID number to a few thousand candidates (EVENTS.md, "Personal data on the bus");
 *     then {@code effectiveFromBirth} is true
 * @param effectiveFromBirth true when the withdrawal takes effect from the birth: on its date, or within those first days
 *     (docs/deviations.md); absent otherwise (additive, since session 49)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonWithdrawn(
        String personId, int coverageYear, String region, WithdrawalReason reason, LocalDate effectiveDate, Boolean effectiveFromBirth)
        implements PersonEvent {

    /** A withdrawal effective on a day away from the birth. */
    public PersonWithdrawn(String personId, int coverageYear, String region, WithdrawalReason reason, LocalDate effectiveDate) {
        this(personId, coverageYear, region, reason, requireNonNull(effectiveDate, "effectiveDate"), null);
    }

    public PersonWithdrawn {
        requireNonNull(personId, "personId");
        requireNonNull(region, "region");
        requireNonNull(reason, "reason");
        if (Boolean.FALSE.equals(effectiveFromBirth)) {
            effectiveFromBirth = null;
        }
        if ((effectiveDate == null) == (effectiveFromBirth == null)) {
            throw new IllegalArgumentException("exactly one of effectiveDate and effectiveFromBirth: a birth date travels as the flag alone");
        }
    }

    /**
     * The day the person leaves the figures, a withdrawal from the birth as the earliest day there is ({@link LocalDate#MIN},
     * PostgreSQL's {@code -infinity}): nothing ends before a birth, so it ends every moment a reader asks about.
     */
    public LocalDate effectiveOn() {
        return effectiveDate == null ? LocalDate.MIN : effectiveDate;
    }

    @Override
    public EventType type() {
        return EventType.PERSON_WITHDRAWN;
    }
}
