package cn.medicare.campaign.tax.levy;

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
 * V24 gives back the standard of the assessment each item holds (the payable is the standard less the subsidy): a person who
 * settled before the upgrade owes a change of the standard after it, as one who settled after; a change made before it
 * stays held off, as it was judged then.
 */
@RealInfrastructure
class AssessedStandardMigrationIntegrationTests {

    private static final String DATABASE = "tax_assessed_standard_migration";

    @Test
    void theAssessmentEachItemHoldsGetsItsStandardBack() throws SQLException {
        PostgresServer postgres = TestInfrastructure.get().postgres();
        postgres.dropDatabase(DATABASE);
        postgres.createDatabase(DATABASE);
        try {
            flyway(postgres, "23").migrate();
            try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement()) {
                statement.executeUpdate("""
                        insert into levy_item (person_id, coverage_year, region, payable_amount, subsidy_amount, assessed_at) values
                            ('assisted', 2018, '350825', 40.00, 140.00, '2017-10-09T02:00:00Z'),
                            ('corrected', 2018, '350825', 180.00, 0.00, '2017-10-20T02:00:00Z'),
                            ('before-v6', 2018, '350825', 180.00, null, '2017-10-09T02:00:00Z')""");
                statement.executeUpdate("""
                        insert into levy_assessment (person_id, coverage_year, assessed_at, arrived, payable_amount, subsidy_amount) values
                            ('corrected', 2018, '2017-10-09T02:00:00Z', 0, 100.00, 0.00),
                            ('corrected', 2018, '2017-10-20T02:00:00Z', 7, 180.00, 0.00)""");
            }

            flyway(postgres, "latest").migrate();

            assertThat(standards(postgres, "select person_id, standard_amount from levy_item"))
                    .containsEntry("assisted", "180.00").containsEntry("corrected", "180.00").containsEntry("before-v6", null);
            assertThat(standards(postgres, "select person_id || '@' || arrived, standard_amount from levy_assessment"))
                    .containsEntry("corrected@7", "180.00")
                    .as("a pupil's standard before the correction: held off, as judged then").containsEntry("corrected@0", null);
        } finally {
            postgres.dropDatabase(DATABASE);
        }
    }

    private static Map<String, String> standards(PostgresServer postgres, String query) throws SQLException {
        Map<String, String> standards = new HashMap<>();
        try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                standards.put(rows.getString(1), rows.getString(2));
            }
        }
        return standards;
    }

    private static Flyway flyway(PostgresServer postgres, String target) {
        return Flyway.configure().dataSource(postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password())
                .locations("classpath:db/kit", "classpath:db/tax-collection-adapter").target(target).load();
    }
}
