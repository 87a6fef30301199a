package cn.medicare.campaign.tax.levy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.infra.testing.MigratedDatabase;
import cn.medicare.campaign.infra.testing.RealInfrastructure;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * V25 keeps what was paid too late apart from what refund applications grant, so that a start announced after all clears
 * it: money so judged before the upgrade moves there where no application was approved for the person-year.
 */
@RealInfrastructure
class TooLateRefundMigrationIntegrationTests {

    @Test
    void moneyOwedBackAsPaidTooLateMovesApartWhereNoApplicationWasApproved() throws SQLException {
        try (MigratedDatabase database = MigratedDatabase.at("24", "tax_too_late_refund_migration", "classpath:db/kit",
                "classpath:db/tax-collection-adapter")) {
            database.execute("""
                    insert into levy_item (person_id, coverage_year, region, applied_refund, applied_refund_reason) values
                        ('too-late', 2018, '350825', 100.00, 'WITHDRAWN_BEFORE_COVERAGE'),
                        ('applied', 2018, '350825', 180.00, 'WITHDRAWN_BEFORE_COVERAGE'),
                        ('duplicate', 2018, '350825', 20.00, 'DUPLICATE_PAYMENT'),
                        ('nothing', 2018, '350825', 0.00, null)""");
            database.execute("""
                    insert into refund_application (application_id, person_id, coverage_year, region, reason, decision, amount,
                                                    explanation, applied_by, applied_at) values
                        ('00000000-0000-0000-0000-000000000001', 'applied', 2018, '350825', 'JOINED_EMPLOYEE_INSURANCE', 'APPROVED',
                         180.00, '', 'bureau', '2018-03-01T02:00:00Z'),
                        ('00000000-0000-0000-0000-000000000002', 'too-late', 2018, '350825', 'DUPLICATE_PAYMENT', 'REFUSED',
                         0.00, '', 'bureau', '2018-03-01T02:00:00Z')""");

            database.migrateToTheLatest();

            assertThat(database.pairs("select person_id, too_late_refund || ' ' || applied_refund || ' ' || coalesce(applied_refund_reason, '-')"
                    + " from levy_item"))
                    .containsEntry("too-late", "100.00 0.00 -")
                    .as("beside an approved application, not told apart").containsEntry("applied", "0.00 180.00 WITHDRAWN_BEFORE_COVERAGE")
                    .containsEntry("duplicate", "0.00 20.00 DUPLICATE_PAYMENT")
                    .containsEntry("nothing", "0.00 0.00 -");
        }
    }
}
