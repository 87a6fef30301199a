package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * 医保电子凭证激活: a resident activated their medical-insurance e-voucher, a target townships are
 * assessed on (Gaolou). Published once per person, for the person's latest enrolment.
 *
 * @param activatedOn absent when the activation came on the person's birth date or near it
 *     ({@link cn.medicare.campaign.contracts.identity.NearBirthRule}: parents activating a newborn's e-voucher in its first
 *     week): next to the newborn's enrolment that date would narrow the ID number to a few thousand candidates (EVENTS.md,
 *     "Personal data on the bus"); then {@code activatedFromBirth} is true
 * @param activatedFromBirth true when the activation counts from the birth: on its date, or within those first days;
 *     absent otherwise (additive, since session 49)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EVoucherActivated(String personId, int coverageYear, String region, LocalDate activatedOn, Boolean activatedFromBirth)
        implements PersonEvent {

    /** An activation on a day away from the birth. */
    public EVoucherActivated(String personId, int coverageYear, String region, LocalDate activatedOn) {
        this(personId, coverageYear, region, requireNonNull(activatedOn, "activatedOn"), null);
    }

    public EVoucherActivated {
        requireNonNull(personId, "personId");
        requireNonNull(region, "region");
        if (Boolean.FALSE.equals(activatedFromBirth)) {
            activatedFromBirth = null;
        }
        if ((activatedOn == null) == (activatedFromBirth == null)) {
            throw new IllegalArgumentException("exactly one of activatedOn and activatedFromBirth: a birth date travels as the flag alone");
        }
    }

    @Override
    public EventType type() {
        return EventType.E_VOUCHER_ACTIVATED;
    }
}
