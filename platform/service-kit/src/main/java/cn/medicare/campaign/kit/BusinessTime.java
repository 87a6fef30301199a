package cn.medicare.campaign.kit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Business dates (deadlines, the 10th of the month, collection periods) are Beijing time (API.md). */
public final class BusinessTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
