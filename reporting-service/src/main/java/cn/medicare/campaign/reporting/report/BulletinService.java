package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.contracts.codes.ReportType;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.reporting.participation.Moment;
import cn.medicare.campaign.reporting.participation.ParticipationStore;
import cn.medicare.campaign.reporting.participation.ReadModelProgress;
import cn.medicare.campaign.reporting.participation.StageSettlementService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
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
    private final ReadModelProgress progress;
    private final StageSettlementService settlements;
    private final Clock clock;

    BulletinService(ParticipationStore query, ReportService reports, ReportStore kept, ReadModelProgress progress,
            StageSettlementService settlements, Clock clock) {
        this.query = query;
        this.reports = reports;
        this.kept = kept;
        this.progress = progress;
        this.settlements = settlements;
        this.clock = clock;
    }

    /**
     * Every quarter hour from 00:10, for the days that ended: once per cluster, and once per period end whatever runs it,
     * and only once the read model has applied the night's facts ({@link ReadModelProgress}) and the period's standings and
     * stages are kept ({@link StageSettlementService}, five minutes before): a bulletin is published once and never made
     * again. The last week is looked at, not only yesterday: a service down at midnight issues that
     * night's when it is back.
     */
    @Scheduled(cron = "${insurance.reporting.bulletin-cron:0 10/15 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "bulletins", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    public void issueDue() {
        LocalDate yesterday = BusinessTime.today(clock).minusDays(1);
        List<CampaignDefined> campaigns = campaigns();
        List<Due> due = new ArrayList<>();
        for (LocalDate day = yesterday.minusDays(CATCH_UP_DAYS - 1); !day.isAfter(yesterday); day = day.plusDays(1)) {
            due.addAll(dueFor(campaigns, day));
        }
        if (due.isEmpty()) {
            return;
        }
        if (!progress.caughtUp()) {
            log.info("{} bulletin(s) due wait: the read model has not applied every fact that reached Kafka", due.size());
            return;
        }
        due.forEach(this::issue);
    }

    /** The bulletins due for {@code day} of every campaign running then, each unless it was issued already. */
    void issueFor(LocalDate day) {
        dueFor(campaigns(), day).forEach(this::issue);
    }

    /** Every campaign the read model knows, read once for the week the schedule looks at. */
    private List<CampaignDefined> campaigns() {
        return query.campaigns().stream().flatMap(key -> query.campaign(key.region(), key.coverageYear()).stream()).toList();
    }

    /** A bulletin to issue: its type, campaign and moment. */
    private record Due(ReportType type, CampaignDefined campaign, LocalDate day) {

        Instant asOf() {
            return Moment.endOf(day).at();
        }
    }

    private List<Due> dueFor(List<CampaignDefined> campaigns, LocalDate day) {
        List<Due> due = new ArrayList<>();
        for (CampaignDefined definition : campaigns) {
            // a day that ended before the read model held the campaign (a county going live in the week after it) had no
            // figures here then: a bulletin of it would be kept, published, on whatever back-dated facts had arrived
            if (!WeeklyReportService.running(definition, day)
                    || !query.campaignHeldBefore(definition.region(), definition.coverageYear(), Moment.endOf(day).until())) {
                continue;
            }
            boolean monthEnd = day.getDayOfMonth() == day.lengthOfMonth();
            boolean periodEnd = day.equals(definition.lastCollectionDay());
            if (day.getDayOfMonth() == 15 || monthEnd || periodEnd) {
                due.add(new Due(ReportType.HALF_MONTHLY, definition, day));
            }
            if (monthEnd || periodEnd) {
                due.add(new Due(ReportType.MONTHLY, definition, day));
            }
        }
        return due.stream().filter(bulletin -> !kept.exists(bulletin.type(), bulletin.campaign().region(),
                bulletin.campaign().coverageYear(), bulletin.asOf())).toList();
    }

    private void issue(Due bulletin) {
        CampaignDefined campaign = bulletin.campaign();
        try {
            if (!settlements.keptThrough(campaign, bulletin.day())) {
                // the stage schedule keeps them minutes after midnight: a day later something stops it, and in a week the
                // bulletin is past the look-back and never issued
                boolean late = bulletin.day().isBefore(BusinessTime.today(clock).minusDays(1));
                log.atLevel(late ? Level.WARN : Level.INFO).log("The {} bulletin of {} {} as of {} waits for the period's standings and"
                        + " stages to be kept (StageSettlementService)", bulletin.type(), campaign.region(), campaign.coverageYear(),
                        bulletin.asOf());
                return;
            }
            Report report = reports.create(bulletin.type(), campaign.region(), campaign.coverageYear(), bulletin.asOf());
            log.info("{} bulletin {} of {} {} issued as of {}", bulletin.type(), report.reportId(), campaign.region(),
                    campaign.coverageYear(), bulletin.asOf());
        } catch (RuntimeException e) {
            // one campaign's failure does not cost the others their bulletins; the next run tries it again
            log.error("The {} bulletin of {} {} as of {} failed", bulletin.type(), campaign.region(), campaign.coverageYear(),
                    bulletin.asOf(), e);
        }
    }
}
