package cn.medicare.campaign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkDirectoryTests {

    /** A second stack on the same directory (another terminal) used to delete the running one's data before it failed. */
    @Test
    void aSecondStackOnTheSameDirectoryIsRefusedAndDeletesNothing(@TempDir Path home) throws IOException {
        try (WorkDirectory running = WorkDirectory.claim(home)) {
            Path data = Files.createDirectories(home.resolve("postgres-reporting_service")).resolve("PG_VERSION");
            Files.writeString(data, "17");

            assertThatThrownBy(() -> WorkDirectory.claim(home)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another local stack runs on");
            assertThat(data).exists();
        }
        WorkDirectory.claim(home).close();
    }

    /** LOCAL_STACK_HOME set to a directory of one's own (".") clears only what a stack wrote there. */
    @Test
    void onlyWhatTheStackWroteIsCleared(@TempDir Path home) throws IOException {
        Files.createDirectories(home.resolve("postgres-enrollment_service"));
        Files.createDirectories(home.resolve("kafka")).resolve("meta.properties").toFile().createNewFile();
        Files.createDirectories(home.resolve("relay-offsets"));
        Path own = Files.writeString(home.resolve("notes.txt"), "mine");

        WorkDirectory.claim(home).close();

        assertThat(home.resolve("postgres-enrollment_service")).doesNotExist();
        assertThat(home.resolve("kafka")).doesNotExist();
        assertThat(home.resolve("relay-offsets")).doesNotExist();
        assertThat(own).hasContent("mine");
    }
}
