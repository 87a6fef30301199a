package cn.medicare.campaign.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.infra.testing.MigratedDatabase;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * V45 gives every kept assessment the standard its person-year holds: a change of the standard after the upgrade is owed,
 * one made before it stays held off, as it was judged then.
 */
@RealInfrastructure
class AssessmentStandardMigrationIntegrationTests {

    @Test
    void everyKeptAssessmentGetsTheStandardItsPersonYearHolds() throws SQLException {
        try (MigratedDatabase database = MigratedDatabase.at("44", "reporting_assessment_standard_migration", "classpath:db/kit",
                "classpath:db/reporting-service")) {
            database.execute("""
                    insert into person_year (person_id, coverage_year, region, standard_amount, subsidy_amount, payable_amount,
                                             assessed_at) values
                        ('corrected', 2018, '350825', 180.00, 140.00, 40.00, '2017-10-20T02:00:00Z')""");
            database.execute("""
                    insert into assessment_history (person_id, coverage_year, assessed_at, payable_amount, subsidy_amount) values
                        ('corrected', 2018, '2017-10-09T02:00:00Z', 100.00, 0.00),
                        ('corrected', 2018, '2017-10-20T02:00:00Z', 40.00, 140.00)""");

            database.migrateToTheLatest();

            assertThat(database.pairs("""
                    select person_id || '@' || to_char(assessed_at at time zone 'UTC', 'YYYY-MM-DD'), standard_amount
                    from assessment_history""")).containsEntry("corrected@2017-10-20", "180.00")
                    .as("a pupil's standard before the correction: no change known, held off as judged then")
                    .containsEntry("corrected@2017-10-09", "180.00");
        }
    }
}
