package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.contracts.codes.ReportType;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.ListsIssued;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.reporting.participation.ParticipationStore;
import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 周报表: every Friday before 18:00 (Beijing time) a weekly report of each campaign whose collection
 * period (with its extensions) is running, as the townships must send theirs (DOMAIN.md), and the
 * Friday lists that go to townships, civil affairs, rural revitalisation and the bureau.
 */
@Component
class WeeklyReportService {

    private static final Logger log = LoggerFactory.getLogger(WeeklyReportService.class);

    private final ParticipationStore query;
    private final ReportService reports;
    private final ListIssueService lists;
    private final Clock clock;

    WeeklyReportService(ParticipationStore query, ReportService reports, ListIssueService lists, Clock clock) {
        this.query = query;
        this.reports = reports;
        this.lists = lists;
        this.clock = clock;
    }

    /**
     * Once per cluster: the lock keeps a second replica from starting the job, and holds for a
     * minute at least so that a replica whose clock runs late does not start it again after the
     * first finished; the unique weekly report per day catches whatever gets past both.
     */
    @Scheduled(cron = "${insurance.reporting.weekly-cron:0 0 17 * * FRI}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "weekly-report", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    public void publish() {
        LocalDate today = BusinessTime.today(clock);
        for (ParticipationStore.RegionYear campaign : query.campaigns()) {
            query.campaign(campaign.region(), campaign.coverageYear())
                    .filter(definition -> running(definition, today))
                    .ifPresent(definition -> publish(campaign));
        }
    }

    /** 每周五名单: the paid, unpaid, certified-not-enrolled and newborns-not-enrolled lists of each running campaign, kept. */
    @Scheduled(cron = "${insurance.reporting.lists-cron:0 0 17 * * FRI}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "friday-lists", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    public void issueLists() {
        LocalDate today = BusinessTime.today(clock);
        for (ParticipationStore.RegionYear campaign : query.campaigns()) {
            if (query.campaign(campaign.region(), campaign.coverageYear()).filter(definition -> running(definition, today)).isEmpty()) {
                continue;
            }
            try {
                ListsIssued issued = lists.issue(campaign.region(), campaign.coverageYear(), true);
                log.info("Friday lists {} of {} {} issued: {}", issued.issueId(), campaign.region(), campaign.coverageYear(),
                        issued.lists());
            } catch (DuplicateKeyException alreadyIssued) {
                log.info("Friday lists of {} {} were issued today already (another replica)", campaign.region(), campaign.coverageYear());
            }
        }
    }

    private void publish(ParticipationStore.RegionYear campaign) {
        try {
            Report report = reports.create(ReportType.WEEKLY, campaign.region(), campaign.coverageYear(), null, true);
            log.info("Weekly report {} of {} {} published", report.reportId(), campaign.region(), campaign.coverageYear());
        } catch (DuplicateKeyException alreadyPublished) {
            log.info("Weekly report of {} {} was published today already (another replica)", campaign.region(), campaign.coverageYear());
        }
    }

    /** From the first day anyone may pay (a category's own earlier period too) to the last (extensions too). */
    static boolean running(CampaignDefined campaign, LocalDate today) {
        return !today.isBefore(campaign.firstCollectionDay()) && !today.isAfter(campaign.lastCollectionDay());
    }
}
