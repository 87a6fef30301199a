package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.contracts.codes.ReportType;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.reporting.participation.ParticipationStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 半月通报 and 月通报: issued by themselves at each period end of a running campaign, as of the last
 * moment of that day (Beijing time): every 15th and month end, and the last day of the collection
 * period (with its extensions) where that is neither, so that no partial period goes unreported.
 * Each carries the ranking, the bottom three with their explanation and criticism flags, the stage
 * results and the 走势图 of every unit's rate.
 */
@Component
class BulletinService {

    /** How many days back the schedule looks for a bulletin not issued (an operations allowance, not the county's policy). */
    private static final int CATCH_UP_DAYS = 7;

    private static final Logger log = LoggerFactory.getLogger(BulletinService.class);

    private final ParticipationStore query;
    private final ReportService reports;
    private final ReportStore kept;
    private final Clock clock;

    BulletinService(ParticipationStore query, ReportService reports, ReportStore kept, Clock clock) {
        this.query = query;
        this.reports = reports;
        this.kept = kept;
        this.clock = clock;
    }

    /**
     * Just after midnight, for the days that ended; once per cluster, and once per period end whatever runs it. The last
     * week is looked at, not only yesterday: a service redeployed at 00:10 would otherwise never issue that night's.
     */
    @Scheduled(cron = "${insurance.reporting.bulletin-cron:0 10 0 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "bulletins", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    public void issueDue() {
        LocalDate yesterday = BusinessTime.today(clock).minusDays(1);
        for (LocalDate day = yesterday.minusDays(CATCH_UP_DAYS - 1); !day.isAfter(yesterday); day = day.plusDays(1)) {
            issueFor(day);
        }
    }

    /** The bulletins due for {@code day} of every campaign running then, each unless it was issued already. */
    void issueFor(LocalDate day) {
        for (ParticipationStore.RegionYear campaign : query.campaigns()) {
            try {
                query.campaign(campaign.region(), campaign.coverageYear())
                        .filter(definition -> WeeklyReportService.running(definition, day))
                        .ifPresent(definition -> issue(definition, day));
            } catch (RuntimeException e) {
                // one campaign's failure does not cost the others their bulletins; the next night tries it again
                log.error("The bulletins of {} {} for {} failed", campaign.region(), campaign.coverageYear(), day, e);
            }
        }
    }

    private void issue(CampaignDefined campaign, LocalDate day) {
        boolean monthEnd = day.getDayOfMonth() == day.lengthOfMonth();
        boolean periodEnd = day.equals(campaign.lastCollectionDay());
        Instant asOf = day.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant().minusSeconds(1);
        if (day.getDayOfMonth() == 15 || monthEnd || periodEnd) {
            issue(ReportType.HALF_MONTHLY, campaign, asOf);
        }
        if (monthEnd || periodEnd) {
            issue(ReportType.MONTHLY, campaign, asOf);
        }
    }

    private void issue(ReportType type, CampaignDefined campaign, Instant asOf) {
        if (kept.exists(type, campaign.region(), campaign.coverageYear(), asOf)) {
            return;
        }
        Report report = reports.create(type, campaign.region(), campaign.coverageYear(), asOf);
        log.info("{} bulletin {} of {} {} issued as of {}", type, report.reportId(), campaign.region(), campaign.coverageYear(), asOf);
    }
}
