package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * 待遇享受起始日撤销: a coverage start announced with {@link CoverageStarted} is taken back, the person
 * not withdrawn, because a refund before that day left them no longer paid (DOMAIN.md: coverage
 * starts on payment). Their coverage waits for their payment again; paying anew announces a new start.
 * Published by the tax adapter, which sees the refund and the settlement.
 *
 * @param coverageStart the start taken back, as CoverageStarted announced it
 */
public record CoverageRevoked(String personId, int coverageYear, String region, LocalDate coverageStart) implements PersonEvent {

    public CoverageRevoked {
        requireNonNull(personId, "personId");
        requireNonNull(region, "region");
        requireNonNull(coverageStart, "coverageStart");
    }

    @Override
    public EventType type() {
        return EventType.COVERAGE_REVOKED;
    }
}
