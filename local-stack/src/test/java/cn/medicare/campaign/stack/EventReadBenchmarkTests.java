package cn.medicare.campaign.stack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.stack.bench.EventReadBenchmark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The read benchmark at smoke size runs and sums itself up; how fast is for the full run to tell, not a test. */
class EventReadBenchmarkTests {

    @Test
    void readsTheThreeCommonestEventsBothWaysAndSumsItUp() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        String last = EventReadBenchmark.run(new PrintStream(printed, true, StandardCharsets.UTF_8), true);

        assertThat(last).matches("event-read: ours_us=\\d+\\.\\d\\d jacksons_us=\\d+\\.\\d\\d");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("PersonEnrolled", "ContributionAssessed", "PaymentConfirmed");
    }
}
