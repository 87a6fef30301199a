package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 阶段考核: settles each stage once, after its deadline (Asia/Shanghai), on the figures as they stood
 * at the end of that day, and keeps the result: later facts, target revisions and moves do not change
 * it (DOMAIN.md). A re-computation is the bureau's explicit act, kept with who and why.
 *
 * <p>The schedule settles only once the read model has applied every fact that reached Kafka before
 * the run ({@link ReadModelProgress}): a consumer stopped over the deadline night would otherwise fix a
 * township's reward on the part of its payments it had applied, and nothing would say so. It runs every quarter hour, so a
 * stage settles at the first run after its deadline that finds the figures complete; each campaign in
 * its own transaction, so one that fails does not hold the others back.
 */
@Service
public class StageSettlementService {

    /** Who settles a stage when nobody asks: the schedule. */
    static final String SCHEDULE = "schedule";

    private static final Logger log = LoggerFactory.getLogger(StageSettlementService.class);

    private final StageStore store;
    private final StageResults results;
    private final TownshipRankings rankings;
    private final ParticipationStore query;
    private final ReadModelProgress progress;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Counter failures;

    StageSettlementService(StageStore store, StageResults results, TownshipRankings rankings, ParticipationStore query,
            ReadModelProgress progress, TransactionTemplate transaction, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.results = results;
        this.rankings = rankings;
        this.query = query;
        this.progress = progress;
        // one snapshot for every level and period end of a campaign, as its reads are served: at READ COMMITTED a payment
        // the consumer committed between the townships' query and the villages' was kept in one and not the other, for good
        this.transaction = new TransactionTemplate(transaction.getTransactionManager());
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
        this.failures = Counter.builder("insurance.stage.settlements.failed")
                .description("Campaigns whose scheduled settlement failed; their periods' bulletins wait for it (StageSettlementFailing)")
                .register(meters);
    }

    /** Every quarter hour, Beijing time (from 00:05): every closed stage and every passed period end not yet settled. */
    @Scheduled(cron = "${insurance.reporting.stage-cron:0 5/15 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "stage-settlement", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    public void settleDue() {
        settleWhatIsDue();
    }

    /** The schedule's run, without its lock (the lock holds at least a minute, whoever calls). */
    void settleWhatIsDue() {
        List<CampaignDefined> due = store.campaigns().stream()
                .flatMap(key -> query.campaign(key.region(), key.coverageYear()).stream())
                .filter(this::due)
                .toList();
        if (due.isEmpty()) {
            return;
        }
        if (!progress.caughtUp()) {
            log.info("{} campaign(s) with stages or period ends due wait: the read model has not applied every fact that reached Kafka",
                    due.size());
            return;
        }
        for (CampaignDefined campaign : due) {
            try {
                transaction.executeWithoutResult(status -> settleDue(campaign));
            } catch (RuntimeException e) {
                failures.increment();
                log.error("Settling the stages of {} {} failed; the next run tries again", campaign.region(), campaign.coverageYear(), e);
            }
        }
    }

    /** The closed stages and the passed period ends (for the rankings) of one campaign not yet settled, on the figures as they are. */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public void settleDue(String region, int coverageYear) {
        query.campaign(region, coverageYear).ifPresent(this::settleDue);
    }

    /**
     * Whether what the schedule keeps up to the period end {@code day} is kept: the standings of every period end, and every
     * stage that had closed by then (those that ended before the read model held the campaign are not the schedule's to keep).
     * A bulletin of that day waits for it, so that it reads what {@code /rankings}, {@code /stages} and the next bulletins'
     * streaks read for good, not figures of its own that a payment of the day arriving before the settlement would leave
     * apart from them.
     */
    public boolean keptThrough(CampaignDefined campaign, LocalDate day) {
        return rankings.keptThrough(campaign, day) && closedUnsettled(campaign).stream().allMatch(stage -> stage.deadline().isAfter(day));
    }

    private boolean due(CampaignDefined campaign) {
        return !closedUnsettled(campaign).isEmpty() || rankings.due(campaign);
    }

    /**
     * The closed stages not settled yet that closed while the read model held the campaign: one that closed before (a
     * replayed season, a county going live mid-campaign) had no figures as they stood then here, and is computed on each
     * read until the bureau settles it ({@link #recompute}).
     */
    private List<CampaignDefined.Stage> closedUnsettled(CampaignDefined campaign) {
        LocalDate today = BusinessTime.today(clock);
        return StageResults.judged(campaign).stream()
                .filter(stage -> stage.deadline().isBefore(today))
                .filter(stage -> store.latest(campaign.region(), campaign.coverageYear(), stage).isEmpty())
                .filter(stage -> query.campaignHeldBefore(campaign.region(), campaign.coverageYear(), Moment.endOf(stage.deadline()).until()))
                .toList();
    }

    private void settleDue(CampaignDefined campaign) {
        String region = campaign.region();
        int coverageYear = campaign.coverageYear();
        closedUnsettled(campaign).forEach(stage -> {
            store.settle(region, coverageYear, stage, results.computeAllLevels(campaign, stage, Moment.endOf(stage.deadline())),
                    SCHEDULE, null, clock.instant());
            log.info("Stage {} ({}) of {} {} settled", stage.deadline(), stage.measureOrDefault(), region, coverageYear);
        });
        rankings.settleDue(campaign);
    }

    /**
     * The bureau's explicit re-computation of a closed stage on the figures as they stand now for that day, with its reason;
     * the period ends up to its deadline not kept yet are kept too.
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public StageResults.StageResult recompute(String region, int coverageYear, LocalDate deadline, CampaignDefined.Stage.Measure measure,
            String by, String reason) {
        CampaignDefined campaign = query.campaign(region, coverageYear)
                .orElseThrow(() -> ApiException.notFound("该地区该年度没有参保缴费工作方案 / no campaign for that region and coverage year"));
        CampaignDefined.Stage.Measure judged = measure == null ? CampaignDefined.Stage.Measure.ENROLMENT : measure;
        CampaignDefined.Stage stage = StageResults.judged(campaign).stream()
                .filter(s -> s.deadline().equals(deadline) && s.measureOrDefault() == judged).findFirst()
                .orElseThrow(() -> ApiException.invalid("deadline", "应为本方案某一阶段（该考核内容）的截止日"
                        + " / is the deadline of one of the campaign's stages (of that measure)"));
        if (!deadline.isBefore(BusinessTime.today(clock))) {
            throw ApiException.ruleViolated("该阶段尚未结束 / the stage has not closed yet");
        }
        store.settle(region, coverageYear, stage, results.computeAllLevels(campaign, stage, Moment.endOf(deadline)), by, reason,
                clock.instant());
        // the period ends up to it that no schedule kept (they ended before the read model held the campaign) are kept with it
        rankings.settleThrough(campaign, deadline);
        return results.of(region, coverageYear, Level.TOWNSHIP, township -> true).stream()
                .filter(result -> result.deadline().equals(deadline) && (result.measure() == null ? CampaignDefined.Stage.Measure.ENROLMENT
                        : result.measure()) == judged)
                .findFirst().orElseThrow();
    }
}
