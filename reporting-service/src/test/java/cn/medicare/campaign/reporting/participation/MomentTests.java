package cn.medicare.campaign.reporting.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MomentTests {

    private static final Instant MIDNIGHT_NOV_1 = Instant.parse("2017-10-31T16:00:00Z");

    @Test
    void aMomentNamedToTheSecondCoversThatWholeSecond() {
        Moment lastSecond = Moment.asOf(Instant.parse("2017-10-31T15:59:59Z"));

        assertThat(lastSecond.day()).isEqualTo(LocalDate.of(2017, 10, 31));
        assertThat(lastSecond.until()).as("a payment stamped 23:59:59.4 counts as of 23:59:59").isEqualTo(MIDNIGHT_NOV_1);
    }

    @Test
    void theEndOfADayIsShownAsItsLastSecondAndCountsTheWholeDay() {
        Moment deadline = Moment.endOf(LocalDate.of(2017, 10, 31));

        assertThat(deadline.at()).isEqualTo(Instant.parse("2017-10-31T15:59:59Z"));
        assertThat(deadline.until()).isEqualTo(MIDNIGHT_NOV_1);
        assertThat(deadline.day()).isEqualTo(LocalDate.of(2017, 10, 31));
        assertThat(deadline).isEqualTo(Moment.asOf(Instant.parse("2017-10-31T15:59:59Z")));
    }

    @Test
    void aMomentFinerThanASecondCountsUpToItExactly() {
        Instant at = Instant.parse("2017-10-31T15:59:59.250Z");

        assertThat(Moment.asOf(at).until()).isEqualTo(at);
    }
}
