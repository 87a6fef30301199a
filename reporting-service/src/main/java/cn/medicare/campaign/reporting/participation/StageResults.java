package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.web.ApiException;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Each unit's rate at each stage deadline and what it earned, at a level: for the stages endpoint
 * and the stage reports. A closed stage answers what was settled (once, at its deadline, at every
 * level: {@link StageSettlementService}); only a closed stage not yet settled, or an open one, is
 * computed. A stage of the e-voucher measure judges activations against the units' e-voucher targets.
 */
@Component
public class StageResults {

    /**
     * @param closed false while the deadline has not passed: the figures are those of today
     * @param settledAt when the results were settled (null while they are computed on each call)
     * @param settledBy who settled them: the schedule, or the bureau's client that re-computed them
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StageResult(LocalDate deadline, BigDecimal threshold, BigDecimal reward, BigDecimal penaltyPerPoint,
            CampaignDefined.Stage.Measure measure, boolean closed, List<TownshipResult> townships, Instant settledAt, String settledBy) {
    }

    /**
     * One unit's result: a township-level row names its township; a village's or school's names
     * itself in {@code unit}, with its township where it has one.
     *
     * @param done enrolled (or, for the e-voucher measure, activated) at the deadline
     * @param target the unit's target for the measure
     * @param matchingFunds for the goal judged at the end of the period: the county's matching funds the unit bears on its target
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TownshipResult(String township, String townshipName, BigDecimal rate, boolean met, BigDecimal reward,
            BigDecimal penalty, String unit, String unitName, Integer done, Integer target, BigDecimal matchingFunds) {

        String key() {
            return unit != null ? unit : township;
        }
    }

    private final ParticipationStore query;
    private final StageStore settled;
    private final Clock clock;

    StageResults(ParticipationStore query, StageStore settled, Clock clock) {
        this.query = query;
        this.settled = settled;
        this.clock = clock;
    }

    /** @param townships which townships the caller may see (a village or school is seen with its township) */
    public List<StageResult> of(String region, int coverageYear, Level level, Predicate<String> townships) {
        CampaignDefined campaign = query.campaign(region, coverageYear)
                .orElseThrow(() -> ApiException.notFound("该地区该年度没有参保缴费工作方案 / no campaign for that region and coverage year"));
        LocalDate today = BusinessTime.today(clock);
        return judged(campaign).stream().map(stage -> {
            boolean closed = stage.deadline().isBefore(today);
            Optional<StageStore.Settlement> settlement = closed ? settled.latest(region, coverageYear, stage) : Optional.empty();
            List<TownshipResult> results = (settlement.isPresent() ? settled.results(settlement.get().id(), level)
                    : compute(campaign, stage, level, closed ? Moment.endOf(stage.deadline()) : Moment.now(clock)))
                    .stream().filter(result -> result.township() != null ? townships.test(result.township()) : townships.test(null))
                    .toList();
            // a settled stage shows the terms it was judged on, whatever the campaign says since
            return new StageResult(stage.deadline(), settlement.map(StageStore.Settlement::threshold).orElse(stage.threshold()),
                    settlement.map(StageStore.Settlement::reward).orElse(stage.reward()),
                    settlement.map(StageStore.Settlement::penaltyPerPoint).orElse(stage.penaltyPerPoint()), stage.measure(), closed,
                    results, settlement.map(StageStore.Settlement::settledAt).orElse(null),
                    settlement.map(StageStore.Settlement::settledBy).orElse(null));
        }).toList();
    }

    /**
     * The campaign's stages and, where the campaign says what a shortfall costs, its goal judged at the
     * end of the collection period (the tax share lost per point short is that judgement's penalty).
     */
    static List<CampaignDefined.Stage> judged(CampaignDefined campaign) {
        List<CampaignDefined.Stage> stages = new ArrayList<>(campaign.stages());
        if (campaign.shortfall() != null) {
            BigDecimal perPoint = campaign.shortfall().taxSharePerPoint();
            stages.add(new CampaignDefined.Stage(campaign.collectionPeriod().end(), campaign.townshipGoal(), BigDecimal.ZERO,
                    perPoint == null ? BigDecimal.ZERO : perPoint, CampaignDefined.Stage.Measure.GOAL));
        }
        return stages;
    }

    /** Every result of the stage at every level that has units, as settled together. */
    Map<Level, List<TownshipResult>> computeAllLevels(CampaignDefined campaign, CampaignDefined.Stage stage, Moment moment) {
        Map<Level, List<TownshipResult>> byLevel = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            List<TownshipResult> results = compute(campaign, stage, level, moment);
            if (level == Level.TOWNSHIP || !results.isEmpty()) {
                byLevel.put(level, results);
            }
        }
        return byLevel;
    }

    /** Every unit's result of the stage at the level on the figures as they stood at {@code moment}, judged on the exact rate. */
    List<TownshipResult> compute(CampaignDefined campaign, CampaignDefined.Stage stage, Level level, Moment moment) {
        boolean eVouchers = stage.measureOrDefault() == CampaignDefined.Stage.Measure.E_VOUCHER;
        boolean goal = stage.measureOrDefault() == CampaignDefined.Stage.Measure.GOAL;
        return query.units(level, campaign.region(), campaign.coverageYear(), moment).stream()
                .filter(figures -> !eVouchers || figures.eVoucherTarget() != null)
                // a unit with nobody to enrol (target 0) has no rate to judge: "0 of 0" earned every reward
                .filter(figures -> (eVouchers ? figures.eVoucherTarget() : figures.target()) > 0)
                .map(figures -> {
                    int done = eVouchers ? figures.eVoucherActivated() : figures.enrolled();
                    int target = eVouchers ? figures.eVoucherTarget() : figures.target();
                    // the goal is the unit's own: a school's may be 100 % where a township's is 98 %
                    CampaignDefined.Stage judged = goal ? new CampaignDefined.Stage(stage.deadline(), campaign.goalFor(figures.type()),
                            stage.reward(), stage.penaltyPerPoint(), stage.measure()) : stage;
                    StageRule.Outcome outcome = StageRule.judge(judged, done, target, campaign.penaltyOrDefault());
                    // the goal's money is the township's to bear (DOMAIN.md): its villages and schools are judged met or not,
                    // never charged again on the same people
                    boolean bearsTheGoal = goal && level == Level.TOWNSHIP;
                    BigDecimal matchingFunds = bearsTheGoal && !outcome.met() && campaign.shortfall().matchingFundsPerHead() != null
                            ? campaign.shortfall().matchingFundsPerHead().multiply(BigDecimal.valueOf(target)) : null;
                    return new TownshipResult(figures.township(), figures.townshipName(), eVouchers ? figures.eVoucherRate() : figures.rate(),
                            outcome.met(), outcome.reward(), goal && !bearsTheGoal ? BigDecimal.ZERO : outcome.penalty(), figures.unit(),
                            figures.unitName(), done, target, matchingFunds);
                })
                .toList();
    }
}
