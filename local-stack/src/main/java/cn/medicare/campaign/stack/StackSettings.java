package cn.medicare.campaign.stack;

import cn.medicare.campaign.infra.relay.Relay;
import cn.medicare.campaign.stack.demo.Season;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * How the local stack was asked to run: command-line flags ({@code --no-demo}; {@code --relay=embedded|connect};
 * the season simulator's {@code --scale=0.1}, {@code --seed=2018}, {@code --season-seconds=240}), and environment variables that
 * point it at an external Kafka or PostgreSQL instead of the embedded ones.
 */
record StackSettings(boolean demo, Relay.Kind relay, Season.Settings season, int kafkaPort, Optional<String> externalKafka,
        Optional<ExternalPostgres> externalPostgres, Path workDirectory) {

    record ExternalPostgres(String host, int port, String user, String password) {
    }

    static StackSettings from(String[] args, Map<String, String> env) {
        boolean demo = Arrays.stream(args).noneMatch("--no-demo"::equals);
        Optional<ExternalPostgres> postgres = Optional.ofNullable(env.get("POSTGRES_HOST")).map(host -> new ExternalPostgres(host,
                Integer.parseInt(env.getOrDefault("POSTGRES_PORT", "5432")),
                env.getOrDefault("POSTGRES_USER", "postgres"),
                env.getOrDefault("POSTGRES_PASSWORD", "postgres")));
        Season.Settings season = new Season.Settings(Double.parseDouble(option(args, "--scale=", "0.1")),
                Long.parseLong(option(args, "--seed=", "2018")), Duration.ofSeconds(Long.parseLong(option(args, "--season-seconds=", "240"))));
        return new StackSettings(demo, Relay.Kind.parse(option(args, "--relay=", "embedded")), season,
                Integer.parseInt(env.getOrDefault("KAFKA_PORT", "9092")),
                Optional.ofNullable(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                postgres,
                Path.of(env.getOrDefault("LOCAL_STACK_HOME", ".local-stack")).toAbsolutePath());
    }

    private static String option(String[] args, String prefix, String otherwise) {
        return Arrays.stream(args).filter(arg -> arg.startsWith(prefix)).map(arg -> arg.substring(prefix.length())).findFirst()
                .orElse(otherwise);
    }
}
