package cn.medicare.campaign.tax.levy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.infra.testing.MigratedDatabase;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * V24 gives every item the standard of the assessment it holds (the payable is the standard less the subsidy), and every
 * assessment it kept too: a person who settled before the upgrade owes a change of the standard after it, as one who
 * settled after; a change made before it stays held off, as it was judged then.
 */
@RealInfrastructure
class AssessedStandardMigrationIntegrationTests {

    @Test
    void everyItemAndWhatItKeptGetTheStandardOfTheAssessmentItHolds() throws SQLException {
        try (MigratedDatabase database = MigratedDatabase.at("23", "tax_assessed_standard_migration", "classpath:db/kit",
                "classpath:db/tax-collection-adapter")) {
            database.execute("""
                    insert into levy_item (person_id, coverage_year, region, payable_amount, subsidy_amount, assessed_at) values
                        ('assisted', 2018, '350825', 40.00, 140.00, '2017-10-09T02:00:00Z'),
                        ('corrected', 2018, '350825', 180.00, 0.00, '2017-10-20T02:00:00Z'),
                        ('before-v6', 2018, '350825', 180.00, null, '2017-10-09T02:00:00Z')""");
            database.execute("""
                    insert into levy_assessment (person_id, coverage_year, assessed_at, arrived, payable_amount, subsidy_amount) values
                        ('corrected', 2018, '2017-10-09T02:00:00Z', 0, 100.00, 0.00),
                        ('corrected', 2018, '2017-10-20T02:00:00Z', 7, 180.00, 0.00)""");

            database.migrateToTheLatest();

            assertThat(database.pairs("select person_id, standard_amount from levy_item"))
                    .containsEntry("assisted", "180.00").containsEntry("corrected", "180.00").containsEntry("before-v6", null);
            assertThat(database.pairs("select person_id || '@' || arrived, standard_amount from levy_assessment"))
                    .containsEntry("corrected@7", "180.00")
                    .as("a pupil's standard before the correction: no change known, held off as judged then")
                    .containsEntry("corrected@0", "180.00");
        }
    }
}
