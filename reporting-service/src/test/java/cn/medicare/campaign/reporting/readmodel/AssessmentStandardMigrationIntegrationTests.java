package cn.medicare.campaign.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.infra.postgres.PostgresServer;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import cn.medicare.campaign.infra.testing.TestInfrastructure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V45 gives back the standard of each person-year's latest assessment: a change of the standard after the upgrade is owed,
 * one made before it stays held off, as it was judged then.
 */
@RealInfrastructure
class AssessmentStandardMigrationIntegrationTests {

    private static final String DATABASE = "reporting_assessment_standard_migration";

    @Test
    void theLatestAssessmentOfEachPersonYearGetsItsStandardBack() throws SQLException {
        PostgresServer postgres = TestInfrastructure.get().postgres();
        postgres.dropDatabase(DATABASE);
        postgres.createDatabase(DATABASE);
        try {
            flyway(postgres, "44").migrate();
            try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement()) {
                statement.executeUpdate("""
                        insert into person_year (person_id, coverage_year, region, standard_amount, subsidy_amount, payable_amount,
                                                 assessed_at) values
                            ('corrected', 2018, '350825', 180.00, 140.00, 40.00, '2017-10-20T02:00:00Z')""");
                statement.executeUpdate("""
                        insert into assessment_history (person_id, coverage_year, assessed_at, payable_amount, subsidy_amount) values
                            ('corrected', 2018, '2017-10-09T02:00:00Z', 100.00, 0.00),
                            ('corrected', 2018, '2017-10-20T02:00:00Z', 40.00, 140.00)""");
            }

            flyway(postgres, "latest").migrate();

            assertThat(standards(postgres)).containsEntry("corrected@2017-10-20", "180.00")
                    .as("a pupil's standard before the correction: held off, as judged then").containsEntry("corrected@2017-10-09", null);
        } finally {
            postgres.dropDatabase(DATABASE);
        }
    }

    private static Map<String, String> standards(PostgresServer postgres) throws SQLException {
        Map<String, String> standards = new HashMap<>();
        try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select person_id || '@' || to_char(assessed_at at time zone 'UTC', 'YYYY-MM-DD'), standard_amount
                        from assessment_history""")) {
            while (rows.next()) {
                standards.put(rows.getString(1), rows.getString(2));
            }
        }
        return standards;
    }

    private static Flyway flyway(PostgresServer postgres, String target) {
        return Flyway.configure().dataSource(postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password())
                .locations("classpath:db/kit", "classpath:db/reporting-service").target(target).load();
    }
}
