package cn.medicare.campaign.tax;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.infra.testing.RunningService;
import org.junit.jupiter.api.Test;

class TaxCollectionAdapterIntegrationTests extends TaxIntegrationTestBase {

    @Test
    void startsOnItsOwnDatabaseWithOutboxAndInbox() {
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public'", String.class))
                .contains("outbox", "inbox", "levy_item", "payment", "campaign", "refund", "reconciliation");
    }

    @Test
    void answersHealthMetricsAndOpenApi() {
        RunningService.assertOperable(port, "tax-collection-adapter", Topics.CAMPAIGN, Topics.ROSTER, Topics.ELIGIBILITY);
    }
}
