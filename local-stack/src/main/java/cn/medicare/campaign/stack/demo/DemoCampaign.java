package cn.medicare.campaign.stack.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Liancheng county's campaign as API.md writes it, for any coverage year, and its 2018 targets. */
public final class DemoCampaign {

    public static final String REGION = "350825";

    private DemoCampaign() {
    }

    /** The campaign body of API.md, its dates moved to the year before {@code coverageYear}. */
    public static String campaignJson(int coverageYear) {
        int y = coverageYear - 1;
        return """
                {"regionName":"连城县",
                 "collectionPeriod":{"start":"%1$d-09-01","end":"%1$d-12-31"},
                 "extensions":[{"appliesTo":"NEWBORN","until":"%2$d-01-31"}],
                 "contributions":{"GENERAL":"180.00","STUDENT":"180.00","MINOR":"180.00","COLLEGE_STUDENT":"180.00","NEWBORN":"180.00"},
                 "fiscalSubsidy":"450.00",
                 "assistance":[{"categories":["EXTREME_POVERTY","ORPHAN","DE_FACTO_UNSUPPORTED_CHILD"],"mode":"FULL"},
                               {"categories":["MINIMUM_LIVING"],"mode":"FIXED","subsidy":"140.00"},
                               {"categories":["LOW_INCOME_MARGINAL","DISABILITY_MODERATE"],"mode":"PERCENT","percent":"50"}],
                 "participationGoal":"0.98",
                 "stages":[{"deadline":"%1$d-10-31","threshold":"0.50","reward":"500.00","penaltyPerPoint":"0.00"},
                           {"deadline":"%1$d-11-15","threshold":"0.75","reward":"1000.00","penaltyPerPoint":"50.00"}],
                 "lateEnrolmentWaitingDays":90}""".formatted(y, coverageYear);
    }

    /**
     * The 17 townships and their 2018 targets from the county's notice ({@code shared/data}), as
     * CSV with the header {@code township,townshipName,target,enrolledLastYear}.
     */
    public static String targetsCsv() {
        try (InputStream in = DemoCampaign.class.getResourceAsStream("/demo/liancheng-2018-targets.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
