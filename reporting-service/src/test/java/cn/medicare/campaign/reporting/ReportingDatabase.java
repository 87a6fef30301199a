package cn.medicare.campaign.reporting;

import cn.medicare.campaign.infra.testing.ServiceDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The database of a test class that keeps the period ends and stages it reads itself. */
public final class ReportingDatabase {

    private ReportingDatabase() {
    }

    /**
     * The class's own database, the quarter-hour stage schedule off: a run between two of a test's facts would keep the
     * period ends half-applied (it waits for the records a minute old, not for those just sent).
     */
    public static void withoutTheStageSchedule(DynamicPropertyRegistry registry, String database) {
        ServiceDatabase.register(registry, database);
        registry.add("insurance.reporting.stage-cron", () -> "-");
    }
}
