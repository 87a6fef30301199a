package cn.medicare.campaign.infra.testing;

import cn.medicare.campaign.infra.Infrastructure;
import cn.medicare.campaign.infra.LocalInfrastructure;
import cn.medicare.campaign.infra.RestartableInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The one real infrastructure of a test JVM, started on first use and stopped when the JVM
 * exits: Testcontainers when a Docker engine answers, the embedded PostgreSQL and in-JVM Kafka
 * broker otherwise. {@code -Dinfrastructure=local} or {@code =containers} forces one.
 */
public final class TestInfrastructure {

    private static Infrastructure running;

    private TestInfrastructure() {
    }

    public static synchronized Infrastructure get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "test-infrastructure-stop"));
            // said on standard output on purpose: the test report shows which infrastructure ran
            System.out.println("[real infrastructure] " + running.description());
        }
        return running;
    }

    private static Infrastructure start() {
        String choice = System.getProperty("infrastructure", "auto");
        boolean containers = switch (choice) {
            case "containers" -> true;
            case "local" -> false;
            default -> ContainerInfrastructure.dockerAvailable();
        };
        if (containers) {
            return ContainerInfrastructure.start();
        }
        Path work = temporaryDirectory();
        LocalInfrastructure local = LocalInfrastructure.start(0, 0, work);
        return new RestartableInfrastructure() {
            @Override
            public cn.medicare.campaign.infra.postgres.PostgresServer postgres() {
                return local.postgres();
            }

            @Override
            public void restartKafka() {
                local.restartKafka();
            }

            @Override
            public void restartPostgres() {
                local.restartPostgres();
            }

            @Override
            public String kafkaBootstrapServers() {
                return local.kafkaBootstrapServers();
            }

            @Override
            public String description() {
                return local.description() + " (no Docker engine)";
            }

            @Override
            public void close() {
                local.close();
                deleteRecursively(work);
            }
        };
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("campaign-test-infra-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is not worth failing a test run for
        }
    }
}
