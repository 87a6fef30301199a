package cn.medicare.campaign.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V14: the campaigns that hold a late enrolment owing the fiscal part too are reassessed once, everyone at once, under the
 * reading of session 43 (assistance of the whole standard); no other. Run in a transaction rolled back, so that neither the
 * reassessment job nor another test meets the rows made up here.
 */
class LateEnrolmentsReassessedIntegrationTests extends SubsidyIntegrationTestBase {

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theCampaignsHoldingALateEnrolmentOwingTheFiscalPartAreReassessedOnce() {
        transaction.executeWithoutResult(status -> {
            enrolled("P-V14-1", "990101", "INDIVIDUAL_PLUS_FISCAL");
            enrolled("P-V14-2", "990101", "INDIVIDUAL");
            enrolled("P-V14-3", "990102", "INDIVIDUAL");

            jdbc.execute(migration());

            assertThat(jdbc.queryForList("select region from reassessment where region in ('990101', '990102') and after_person_id is null",
                    String.class)).isEqualTo(List.of("990101"));
            status.setRollbackOnly();
        });
    }

    private void enrolled(String personId, String region, String amountRule) {
        jdbc.update("insert into enrolment (person_id, coverage_year, region, person_category, township, village, amount_rule) "
                + "values (?, 2031, ?, 'GENERAL', '', '', ?)", personId, region, amountRule);
    }

    private String migration() {
        try (InputStream sql = getClass().getResourceAsStream("/db/subsidy-service/V14__late_enrolments_reassessed.sql")) {
            return new String(sql.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
