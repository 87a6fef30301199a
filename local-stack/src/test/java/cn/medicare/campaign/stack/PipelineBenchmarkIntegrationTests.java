package cn.medicare.campaign.stack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.TestInfrastructure;
import cn.medicare.campaign.stack.bench.PipelineBenchmark;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline benchmark at smoke size runs and sums itself up; its speed is for the full run to tell, not a test. */
@RealInfrastructure
class PipelineBenchmarkIntegrationTests {

    @Test
    void runsAndPrintsItsSummaryLine(@TempDir Path work) {
        Suite.dropDatabases(TestInfrastructure.get());
        try {
            String last = PipelineBenchmark.run(TestInfrastructure.get(), work, System.out, true);

            assertThat(last).matches("pipeline: e2e_max=\\d+ bound=\\d+ M1=\\d+\\.\\d\\d M2=\\d+\\.\\d\\d M3=\\d+\\.\\d\\d "
                    + "p50_ms=\\d+ p99_ms=\\d+ drain=\\d+\\.\\d");
        } finally {
            Suite.dropDatabases(TestInfrastructure.get());
        }
    }
}
