package cn.medicare.campaign.infra.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelayTests {

    /**
     * The Connect cluster was named by the state directory's path alone: on an external broker a local stack started again
     * (its PostgreSQL empty, its state directory cleared) went on from the earlier run's offsets, above the new WAL.
     */
    @Test
    void theConnectClusterIsKeptWithItsStateDirectoryAndNewWithANewOne(@TempDir Path home) throws IOException {
        Path state = home.resolve("relay-offsets");
        String first = Relay.clusterId(state);

        assertThat(Relay.clusterId(state)).as("a relay restarted in the same run").isEqualTo(first);
        Files.delete(state.resolve("connect-cluster-id"));
        assertThat(Relay.clusterId(state)).as("the next run, its state directory cleared").isNotEqualTo(first);
    }
}
