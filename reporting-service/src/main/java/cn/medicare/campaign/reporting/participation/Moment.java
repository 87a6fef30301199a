package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.kit.BusinessTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * When figures are for: now (the live read model), or a past moment, counting enrolments by their
 * business day and money by when it was paid or refunded.
 *
 * @param day the business day (Asia/Shanghai) of {@code at}
 */
public record Moment(Instant at, LocalDate day, boolean live) {

    public static Moment now(Clock clock) {
        return new Moment(clock.instant(), BusinessTime.today(clock), true);
    }

    public static Moment asOf(Instant at) {
        return new Moment(at, at.atZone(BusinessTime.ZONE).toLocalDate(), false);
    }

    /** The end of a business day, e.g. a stage's deadline: everything that happened that day counts. */
    static Moment endOf(LocalDate day) {
        return new Moment(day.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant(), day, false);
    }
}
