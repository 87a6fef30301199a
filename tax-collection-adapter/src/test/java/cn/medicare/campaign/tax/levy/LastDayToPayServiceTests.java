package cn.medicare.campaign.tax.levy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LastDayToPayServiceTests {

    /** The tax bureau's file of a day comes the next day: on the night of 4 October the payments of 2 October are all in. */
    @Test
    void theNightsJudgementKnowsThePaymentsUpToTheDayBeforeYesterday() {
        assertThat(LastDayToPayService.paymentsKnownThrough(LocalDate.of(2018, 10, 4), 1)).isEqualTo(LocalDate.of(2018, 10, 2));
        assertThat(LastDayToPayService.paymentsKnownThrough(LocalDate.of(2018, 10, 4), 0)).as("no file to wait for")
                .isEqualTo(LocalDate.of(2018, 10, 3));
    }
}
