package cn.medicare.campaign.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.infra.testing.RunningService;
import org.junit.jupiter.api.Test;

class SubsidyServiceIntegrationTests extends SubsidyIntegrationTestBase {

    @Test
    void startsOnItsOwnDatabaseWithOutboxAndInbox() {
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public'", String.class))
                .contains("outbox", "inbox", "campaign", "enrolment", "certification", "assessment", "adjustment_batch");
    }

    @Test
    void answersHealthMetricsAndOpenApi() {
        RunningService.assertOperable(port, "subsidy-service", Topics.CAMPAIGN, Topics.ROSTER);
    }
}
