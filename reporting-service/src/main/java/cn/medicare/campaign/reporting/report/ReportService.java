package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.contracts.codes.ReportFormat;
import cn.medicare.campaign.contracts.codes.ReportType;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.ReportPublished;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.reporting.participation.Figures;
import cn.medicare.campaign.reporting.participation.Level;
import cn.medicare.campaign.reporting.participation.Moment;
import cn.medicare.campaign.reporting.participation.ParticipationStore;
import cn.medicare.campaign.reporting.participation.StageResults;
import cn.medicare.campaign.reporting.participation.TownshipRankings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Makes a report from the figures as they stood at its moment, keeps it, and announces it (ReportPublished). */
@Service
class ReportService {

    private final ParticipationStore query;
    private final TownshipRankings rankings;
    private final StageResults stages;
    private final ReportStore reports;
    private final OutboxWriter outbox;
    private final Clock clock;

    ReportService(ParticipationStore query, TownshipRankings rankings, StageResults stages, ReportStore reports, OutboxWriter outbox,
            Clock clock) {
        this.query = query;
        this.rankings = rankings;
        this.stages = stages;
        this.reports = reports;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The bulletins (通报) rank the townships at every period end whose day had ended by their moment, as {@link #dueBy}
     * judges stages: a bulletin made at 15:00 on Oct 31 does not rank the afternoon's figures as the month's, nor count
     * them in the bottom-three streaks.
     */
    private List<TownshipRankings.Ranking> rankings(ReportType type, String region, int coverageYear, Moment moment) {
        LocalDate ended = Moment.endOf(moment.day()).until().isAfter(moment.until()) ? moment.day().minusDays(1) : moment.day();
        return switch (type) {
            case HALF_MONTHLY -> rankings.of(region, coverageYear, TownshipRankings.Period.HALF_MONTHLY, ended);
            case MONTHLY -> rankings.of(region, coverageYear, TownshipRankings.Period.MONTHLY, ended);
            default -> null;
        };
    }

    /**
     * A stage report of now has every stage, those still open with today's figures; a stage report of a
     * past moment and a bulletin those whose deadline had come by their moment: a later stage's figures
     * are today's, which a report dated before them cannot show.
     */
    private List<StageResults.StageResult> stages(ReportType type, String region, int coverageYear, Moment moment) {
        return switch (type) {
            case STAGE -> moment.live() ? stages.of(region, coverageYear, Level.TOWNSHIP, township -> true) : dueBy(region, coverageYear, moment);
            case HALF_MONTHLY, MONTHLY -> dueBy(region, coverageYear, moment);
            default -> null;
        };
    }

    /** The stages whose deadline day had ended by the moment: a report of Oct 31 10:00 is not one of the Oct 31 stage's. */
    private List<StageResults.StageResult> dueBy(String region, int coverageYear, Moment moment) {
        return stages.of(region, coverageYear, Level.TOWNSHIP, township -> true).stream()
                .filter(stage -> !Moment.endOf(stage.deadline()).until().isAfter(moment.until())).toList();
    }

    /** A report asked for (the bureau's, a bulletin's). */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    Report create(ReportType type, String region, int coverageYear, Instant asOf) {
        return create(type, region, coverageYear, asOf, false);
    }

    /** @param scheduled the Friday schedule's WEEKLY report, which one asked for the same day does not stand in for */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    Report create(ReportType type, String region, int coverageYear, Instant asOf, boolean scheduled) {
        CampaignDefined campaign = query.campaign(region, coverageYear).orElseThrow(() -> ApiException.ruleViolated(
                "该县（区）该年度尚无参保缴费工作方案，无法生成报表 / no campaign for region " + region + " and coverage year " + coverageYear
                        + " to report on"));
        Instant now = clock.instant();
        Moment moment = asOf == null || !asOf.isBefore(now) ? Moment.now(clock) : Moment.asOf(asOf);
        if ((type == ReportType.HALF_MONTHLY || type == ReportType.MONTHLY) && reports.exists(type, region, coverageYear, moment.at())) {
            throw ApiException.conflict("该时点的" + (type == ReportType.MONTHLY ? "月通报" : "半月通报") + "已发布，不重复发布 / the "
                    + type + " bulletin of " + region + " " + coverageYear + " as of " + moment.at()
                    + " exists already: read it with GET /api/v1/reports?type=" + type);
        }
        List<Figures> townships = query.townships(region, coverageYear, moment);
        Figures total = Figures.total(townships).withGoal(campaign.goalFor(null));
        Report.Content content = new Report.Content(total, townships, rankings(type, region, coverageYear, moment),
                stages(type, region, coverageYear, moment),
                query.units(Level.VILLAGE, region, coverageYear, moment), query.units(Level.SCHOOL, region, coverageYear, moment),
                campaign.regionName());
        Report report = new Report(UUID.randomUUID(), type, region, coverageYear, moment.at(), now, content);
        reports.add(report, scheduled);
        outbox.append(new ReportPublished(report.reportId().toString(), type, coverageYear, report.asOf(),
                List.of(ReportFormat.values()), new ReportPublished.Summary(total.target(), total.enrolled(), total.rate()), region));
        return report;
    }
}
