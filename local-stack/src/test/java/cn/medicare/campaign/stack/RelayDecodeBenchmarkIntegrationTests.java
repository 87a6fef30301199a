package cn.medicare.campaign.stack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.TestInfrastructure;
import cn.medicare.campaign.stack.bench.RelayDecodeBenchmark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay benchmark at smoke size relays every row of both outboxes and sums itself up; how fast is the full run's to tell. */
@RealInfrastructure
class RelayDecodeBenchmarkIntegrationTests {

    @Test
    void relaysBothOutboxesAndSumsItUp(@TempDir Path work) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        String last = RelayDecodeBenchmark.run(TestInfrastructure.get(), work, new PrintStream(printed, true, StandardCharsets.UTF_8), true);

        assertThat(last).matches("relay-decode: now_per_s=\\d+ now_cpu_us=\\d+\\.\\d before_per_s=\\d+ before_cpu_us=\\d+\\.\\d");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("now (time as the header's text)", "before V0_0_7");
    }
}
