package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.contracts.codes.ReportType;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.ListsIssued;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.reporting.participation.ParticipationStore;
import cn.medicare.campaign.reporting.participation.ReadModelProgress;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 周报表: every Friday before 18:00 (Beijing time) a weekly report of each campaign whose collection
 * period (with its extensions) is running, as the townships must send theirs (DOMAIN.md), and the
 * Friday lists that go to townships, civil affairs, rural revitalisation and the bureau. The job runs
 * every five minutes from 17:00: each run makes what the day does not have yet, once the read model has
 * applied what reached Kafka ({@link ReadModelProgress}), or from {@code weekly-wait-until} (17:40) as it
 * stands, so that a restart at 16:58 or the tax bureau's batch at 16:55 neither freezes half a week's
 * facts into the kept report nor leaves the week without one.
 */
@Component
class WeeklyReportService {

    private static final Logger log = LoggerFactory.getLogger(WeeklyReportService.class);

    private final ParticipationStore query;
    private final ReportService reports;
    private final ReportStore kept;
    private final ListIssueService lists;
    private final IssuedListStore issued;
    private final ReadModelProgress progress;
    private final LocalTime waitUntil;
    private final Clock clock;

    WeeklyReportService(ParticipationStore query, ReportService reports, ReportStore kept, ListIssueService lists, IssuedListStore issued,
            ReadModelProgress progress, @Value("${insurance.reporting.weekly-wait-until:17:40}") LocalTime waitUntil, Clock clock) {
        this.query = query;
        this.reports = reports;
        this.kept = kept;
        this.lists = lists;
        this.issued = issued;
        this.progress = progress;
        this.waitUntil = waitUntil;
        this.clock = clock;
    }

    /**
     * Once per cluster: the lock keeps a second replica from starting the job, and holds for a
     * minute at least so that a replica whose clock runs late does not start it again after the
     * first finished; the unique weekly report per day catches whatever gets past both.
     */
    @Scheduled(cron = "${insurance.reporting.weekly-cron:0 0/5 17 * * FRI}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "weekly-report", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    public void publish() {
        publishDue();
    }

    /** The weekly reports the day does not have yet, unless the read model is behind and it is not late yet. */
    void publishDue() {
        LocalDate today = BusinessTime.today(clock);
        List<ParticipationStore.RegionYear> due = running(today).stream()
                .filter(campaign -> !kept.scheduledWeeklyExists(campaign.region(), campaign.coverageYear(), today)).toList();
        if (!due.isEmpty() && readyOrLate("weekly report", due.size())) {
            due.forEach(this::publish);
        }
    }

    /** 每周五名单: the paid, unpaid, certified-not-enrolled and newborns-not-enrolled lists of each running campaign, kept. */
    @Scheduled(cron = "${insurance.reporting.lists-cron:0 0/5 17 * * FRI}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "friday-lists", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    public void issueLists() {
        issueDueLists();
    }

    void issueDueLists() {
        LocalDate today = BusinessTime.today(clock);
        List<ParticipationStore.RegionYear> due = running(today).stream()
                .filter(campaign -> !issued.scheduledIssued(campaign.region(), campaign.coverageYear(), today)).toList();
        if (!due.isEmpty() && readyOrLate("Friday lists", due.size())) {
            due.forEach(this::issueLists);
        }
    }

    private List<ParticipationStore.RegionYear> running(LocalDate today) {
        return query.campaigns().stream().filter(campaign -> query.campaign(campaign.region(), campaign.coverageYear())
                .filter(definition -> running(definition, today)).isPresent()).toList();
    }

    /** Whether to make them now: the read model has caught up, or it is too late in the afternoon to wait for it. */
    private boolean readyOrLate(String what, int campaigns) {
        if (progress.caughtUp()) {
            return true;
        }
        if (clock.instant().atZone(BusinessTime.ZONE).toLocalTime().isBefore(waitUntil)) {
            log.info("{} of {} campaign(s) wait: the read model has not applied every fact that reached Kafka", what, campaigns);
            return false;
        }
        log.warn("{} of {} campaign(s) made as the read model stands: it has not applied every fact that reached Kafka, and {} "
                + "is as long as the Friday job waits", what, campaigns, waitUntil);
        return true;
    }

    private void publish(ParticipationStore.RegionYear campaign) {
        try {
            Report report = reports.create(ReportType.WEEKLY, campaign.region(), campaign.coverageYear(), null, true);
            log.info("Weekly report {} of {} {} published", report.reportId(), campaign.region(), campaign.coverageYear());
        } catch (DuplicateKeyException alreadyPublished) {
            log.info("Weekly report of {} {} was published today already (another replica)", campaign.region(), campaign.coverageYear());
        } catch (RuntimeException e) {
            // one campaign's failure does not cost the others their report; the next run tries it again
            log.error("The weekly report of {} {} failed", campaign.region(), campaign.coverageYear(), e);
        }
    }

    private void issueLists(ParticipationStore.RegionYear campaign) {
        try {
            ListsIssued lists = this.lists.issue(campaign.region(), campaign.coverageYear(), true);
            log.info("Friday lists {} of {} {} issued: {}", lists.issueId(), campaign.region(), campaign.coverageYear(), lists.lists());
        } catch (DuplicateKeyException alreadyIssued) {
            log.info("Friday lists of {} {} were issued today already (another replica)", campaign.region(), campaign.coverageYear());
        } catch (RuntimeException e) {
            log.error("The Friday lists of {} {} failed", campaign.region(), campaign.coverageYear(), e);
        }
    }

    /** From the first day anyone may pay (a category's own earlier period too) to the last (extensions too). */
    static boolean running(CampaignDefined campaign, LocalDate today) {
        return !today.isBefore(campaign.firstCollectionDay()) && !today.isAfter(campaign.lastCollectionDay());
    }
}
