package cn.medicare.campaign.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the programs the local infrastructure sets itself up with ({@code initdb}, {@code keytool}): a minute each at most. */
public final class Programs {

    private Programs() {
    }

    /**
     * Runs {@code command} with nothing on its input and {@code environment} added to this process's; throws, with what it
     * printed, when it fails or is still running after a minute (then it is killed). Secrets go in {@code environment},
     * never in {@code command}, which the failure names.
     */
    public static void run(List<String> command, Map<String, String> environment) {
        Path output = null;
        try {
            output = Files.createTempFile("program", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " still ran after a minute: " + Files.readString(output));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }
}
