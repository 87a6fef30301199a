package cn.medicare.campaign.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * V14: a campaign kept before session 43 whose late enrolment owes the fiscal part says its assistance reduced the
 * individual part only, as it then did, so that nobody's payable moves on the upgrade; any other is left as it was.
 */
class CampaignsKeptBeforeV14IntegrationTests extends SubsidyIntegrationTestBase {

    @Test
    void aCampaignKeptBeforeOwingTheFiscalPartSaysItsAssistanceReducedTheIndividualPart() throws IOException {
        keptBefore("990101", "{\"amount\":\"INDIVIDUAL_PLUS_FISCAL\",\"waitingDays\":90}");
        keptBefore("990102", "{\"amount\":\"INDIVIDUAL_PLUS_FISCAL\",\"assistanceReduces\":\"STANDARD\"}");
        keptBefore("990103", "{\"amount\":\"INDIVIDUAL\"}");
        try {
            try (InputStream migration = getClass().getResourceAsStream("/db/subsidy-service/V14__late_enrolment_assisted_part_kept.sql")) {
                jdbc.execute(new String(migration.readAllBytes(), StandardCharsets.UTF_8));
            }

            assertThat(assistanceReduces("990101")).isEqualTo("INDIVIDUAL");
            assertThat(assistanceReduces("990102")).isEqualTo("STANDARD");
            assertThat(assistanceReduces("990103")).isNull();
            assertThat(jdbc.queryForObject("select definition -> 'lateEnrolment' ->> 'waitingDays' from campaign where region = '990101'",
                    String.class)).isEqualTo("90");
        } finally {
            jdbc.update("delete from campaign where region in ('990101', '990102', '990103')");
        }
    }

    private void keptBefore(String region, String lateEnrolment) {
        jdbc.update("insert into campaign (region, coverage_year, version, assistance_cutoff, definition) values (?, 2031, 1, date '2030-12-31', "
                + "cast(? as json))", region, "{\"region\":\"" + region + "\",\"lateEnrolment\":" + lateEnrolment + "}");
    }

    private String assistanceReduces(String region) {
        return jdbc.queryForObject("select definition -> 'lateEnrolment' ->> 'assistanceReduces' from campaign where region = ?",
                String.class, region);
    }
}
