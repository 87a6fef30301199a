package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.web.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Each township's rate at each stage deadline and what it earned: for the stages endpoint and the
 * stage reports. A closed stage answers what was settled (once, at its deadline: {@link
 * StageSettlementService}); only a closed stage not yet settled, or an open one, is computed.
 */
@Component
public class StageResults {

    /**
     * @param closed false while the deadline has not passed: the figures are those of today
     * @param settledAt when the results were settled (null while they are computed on each call)
     * @param settledBy who settled them: the schedule, or the bureau's client that re-computed them
     */
    public record StageResult(LocalDate deadline, BigDecimal threshold, BigDecimal reward, BigDecimal penaltyPerPoint, boolean closed,
            List<TownshipResult> townships, Instant settledAt, String settledBy) {
    }

    public record TownshipResult(String township, String townshipName, BigDecimal rate, boolean met, BigDecimal reward,
            BigDecimal penalty) {
    }

    private final ParticipationStore query;
    private final StageStore settled;
    private final Clock clock;

    StageResults(ParticipationStore query, StageStore settled, Clock clock) {
        this.query = query;
        this.settled = settled;
        this.clock = clock;
    }

    public List<StageResult> of(String region, int coverageYear, Predicate<String> townships) {
        CampaignDefined campaign = query.campaign(region, coverageYear)
                .orElseThrow(() -> ApiException.notFound("该地区该年度没有参保缴费工作方案 / no campaign for that region and coverage year"));
        LocalDate today = BusinessTime.today(clock);
        return campaign.stages().stream().map(stage -> {
            boolean closed = stage.deadline().isBefore(today);
            Optional<StageStore.Settlement> settlement = closed ? settled.latest(region, coverageYear, stage.deadline()) : Optional.empty();
            List<TownshipResult> results = (settlement.isPresent() ? settled.results(settlement.get().id())
                    : compute(campaign, stage, closed ? Moment.endOf(stage.deadline()) : Moment.now(clock)))
                    .stream().filter(result -> townships.test(result.township())).toList();
            return new StageResult(stage.deadline(), stage.threshold(), stage.reward(), stage.penaltyPerPoint(), closed, results,
                    settlement.map(StageStore.Settlement::settledAt).orElse(null),
                    settlement.map(StageStore.Settlement::settledBy).orElse(null));
        }).toList();
    }

    /** Every township's result of the stage on the figures as they stood at {@code moment}, judged on the exact rate. */
    List<TownshipResult> compute(CampaignDefined campaign, CampaignDefined.Stage stage, Moment moment) {
        return query.townships(campaign.region(), campaign.coverageYear(), moment).stream()
                .map(figures -> {
                    StageRule.Outcome outcome = StageRule.judge(stage, figures.enrolled(), figures.target(), campaign.penaltyOrDefault());
                    return new TownshipResult(figures.township(), figures.townshipName(), figures.rate(), outcome.met(),
                            outcome.reward(), outcome.penalty());
                })
                .toList();
    }
}
