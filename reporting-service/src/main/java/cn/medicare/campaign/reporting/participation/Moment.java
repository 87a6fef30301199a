package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.kit.BusinessTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * When figures are for: now (the live read model), or a past moment, counting enrolments by their
 * business day and money by when it was paid or refunded.
 *
 * <p>A moment named to the second covers that whole second: "as of 23:59:59" (the bulletins' and the
 * notices' 截至) counts a payment the tax hall stamped 23:59:59.4, as the end of the day does.
 *
 * @param at the moment as asked and shown (截止日期)
 * @param day the business day (Asia/Shanghai) of {@code at}
 */
public record Moment(Instant at, LocalDate day, boolean live) {

    /** Money counts when paid or refunded before this instant. */
    public Instant until() {
        return !live && at.getNano() == 0 ? at.plusSeconds(1) : at;
    }

    public static Moment now(Clock clock) {
        return new Moment(clock.instant(), BusinessTime.today(clock), true);
    }

    public static Moment asOf(Instant at) {
        return new Moment(at, at.atZone(BusinessTime.ZONE).toLocalDate(), false);
    }

    /** The end of a business day, e.g. a stage's deadline: everything that happened that day counts. */
    public static Moment endOf(LocalDate day) {
        return asOf(day.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant().minusSeconds(1));
    }
}
