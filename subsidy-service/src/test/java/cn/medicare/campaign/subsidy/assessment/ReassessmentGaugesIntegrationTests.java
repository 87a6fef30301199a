package cn.medicare.campaign.subsidy.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.medicare.campaign.subsidy.SubsidyIntegrationTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** What the operations team is told of the reassessment: how long the oldest version has waited. */
class ReassessmentGaugesIntegrationTests extends SubsidyIntegrationTestBase {

    @Autowired
    ReassessmentGauges gauges;

    @Autowired
    ReassessmentStore requests;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Clock clock;

    @Test
    void tellsHowLongTheOldestVersionHasWaitedAndZeroOnceNoneWaits() {
        transaction.executeWithoutResult(status -> {
            // never committed, so the scheduled reassessment cannot take it away while the gauge reads it
            requests.request("350825", 2098, clock.instant().minus(Duration.ofMinutes(20)));
            gauges.refresh();
            status.setRollbackOnly();
        });
        assertThat(oldestAgeSeconds()).isEqualTo(1200);

        await().atMost(Duration.ofSeconds(60)).until(() -> requests.pending().isEmpty());
        gauges.refresh();

        assertThat(oldestAgeSeconds()).as("none waits").isZero();
    }

    private double oldestAgeSeconds() {
        return meters.get("insurance.reassessment.oldest.age.seconds").gauge().value();
    }
}
