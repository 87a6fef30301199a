package cn.medicare.campaign.stack;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.infra.Infrastructure;
import cn.medicare.campaign.infra.LocalInfrastructure;
import cn.medicare.campaign.infra.postgres.PostgresServer;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.TestInfrastructure;
import cn.medicare.campaign.stack.demo.Season;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@RealInfrastructure
class StackInfrastructureIntegrationTests {

    @TempDir
    Path home;

    @Test
    void environmentVariablesPointTheStackAtAnExternalKafkaAndPostgresql() {
        Infrastructure external = TestInfrastructure.get();
        StackSettings settings = StackSettings.from(new String[] {"--no-demo"}, Map.of(
                "POSTGRES_HOST", external.postgres().host(),
                "POSTGRES_PORT", String.valueOf(external.postgres().port()),
                "POSTGRES_USER", external.postgres().user(),
                "POSTGRES_PASSWORD", external.postgres().password(),
                "KAFKA_BOOTSTRAP_SERVERS", external.kafkaBootstrapServers(),
                "LOCAL_STACK_HOME", home.toString()));

        try (StackInfrastructure stack = StackInfrastructure.start(settings)) {
            assertThat(settings.demo()).isFalse();
            assertThat(stack.postgres()).isEqualTo(external.postgres());
            assertThat(Arrays.stream(SuiteService.values()).map(service -> stack.postgres(service.database())))
                    .as("every service's database on the one external server").containsOnly(external.postgres());
            assertThat(stack.kafkaBootstrapServers()).isEqualTo(external.kafkaBootstrapServers());
            assertThat(stack.description()).startsWith("external PostgreSQL").contains("external Kafka");
        }
    }

    @Test
    void withoutThemItStartsItsOwn() throws SQLException {
        StackSettings settings = StackSettings.from(new String[0], Map.of("LOCAL_STACK_HOME", home.toString(),
                "KAFKA_PORT", String.valueOf(LocalInfrastructure.freePort())));

        try (StackInfrastructure stack = StackInfrastructure.start(settings)) {
            assertThat(settings.demo()).isTrue();
            assertThat(settings.season()).as("the season simulator's defaults: a tenth of the county in four minutes")
                    .isEqualTo(new Season.Settings(0.1, 2018, Duration.ofSeconds(240)));
            assertThat(StackSettings.from(new String[] {"--scale=0.02", "--seed=7", "--season-seconds=60"}, Map.of()).season())
                    .isEqualTo(new Season.Settings(0.02, 7, Duration.ofSeconds(60)));
            assertThat(stack.description()).startsWith("4 x embedded PostgreSQL 17, one per service database").contains("in-JVM Kafka broker");
            List<PostgresServer> servers = Arrays.stream(SuiteService.values()).map(service -> stack.postgres(service.database())).toList();
            assertThat(servers).as("a server for each service's database: a walsender decodes its whole server's WAL")
                    .doesNotHaveDuplicates().contains(stack.postgres());
            for (SuiteService service : SuiteService.values()) {
                stack.postgres(service.database()).createDatabase(service.database());
                try (Connection connection = stack.postgres(service.database()).connect(service.database());
                        Statement statement = connection.createStatement();
                        ResultSet level = statement.executeQuery("show wal_level")) {
                    assertThat(level.next()).isTrue();
                    assertThat(level.getString(1)).as("logical decoding on the server of %s", service.database()).isEqualTo("logical");
                }
            }
        }
    }
}
