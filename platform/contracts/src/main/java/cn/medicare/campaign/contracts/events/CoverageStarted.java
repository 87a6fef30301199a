package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * 待遇享受起始日确定: a person whose coverage waited for their payment (缴费之日 / 缴费次日, plus any
 * waiting period) has settled, so their coverage start is now known. Published once per
 * person-year by the tax adapter, which sees the settlement, and once more after each
 * {@link CoverageRevoked} when the person settles again; the start is derived by
 * {@link cn.medicare.campaign.contracts.policy.EnrolmentPolicy.Coverage#startOnPayment}.
 */
public record CoverageStarted(String personId, int coverageYear, String region, LocalDate coverageStart) implements PersonEvent {

    public CoverageStarted {
        requireNonNull(personId, "personId");
        requireNonNull(region, "region");
        requireNonNull(coverageStart, "coverageStart");
    }

    @Override
    public EventType type() {
        return EventType.COVERAGE_STARTED;
    }
}
