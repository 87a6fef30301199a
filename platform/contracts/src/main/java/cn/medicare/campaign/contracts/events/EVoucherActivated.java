package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * 医保电子凭证激活: a resident activated their medical-insurance e-voucher, a target townships are
 * assessed on (Gaolou). Published once per person, for the person's latest enrolment.
 */
public record EVoucherActivated(String personId, int coverageYear, String region, LocalDate activatedOn) implements PersonEvent {

    public EVoucherActivated {
        requireNonNull(personId, "personId");
        requireNonNull(region, "region");
        requireNonNull(activatedOn, "activatedOn");
    }

    @Override
    public EventType type() {
        return EventType.E_VOUCHER_ACTIVATED;
    }
}
