package cn.medicare.campaign.stack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * How the local stack was asked to run: command-line flags, and environment variables that point
 * it at an external Kafka or PostgreSQL instead of the embedded ones.
 */
record StackSettings(boolean demo, int kafkaPort, Optional<String> externalKafka, Optional<ExternalPostgres> externalPostgres,
        Path workDirectory) {

    record ExternalPostgres(String host, int port, String user, String password) {
    }

    static StackSettings from(String[] args, Map<String, String> env) {
        boolean demo = Arrays.stream(args).noneMatch("--no-demo"::equals);
        Optional<ExternalPostgres> postgres = Optional.ofNullable(env.get("POSTGRES_HOST")).map(host -> new ExternalPostgres(host,
                Integer.parseInt(env.getOrDefault("POSTGRES_PORT", "5432")),
                env.getOrDefault("POSTGRES_USER", "postgres"),
                env.getOrDefault("POSTGRES_PASSWORD", "postgres")));
        return new StackSettings(demo,
                Integer.parseInt(env.getOrDefault("KAFKA_PORT", "9092")),
                Optional.ofNullable(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                postgres,
                Path.of(env.getOrDefault("LOCAL_STACK_HOME", ".local-stack")).toAbsolutePath());
    }
}
