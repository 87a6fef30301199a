package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.web.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/** Each township's rate at each stage deadline and what it earned: for the stages endpoint and the stage reports. */
@Component
public class StageResults {

    /** @param closed false while the deadline has not passed: the figures are those of today */
    public record StageResult(LocalDate deadline, BigDecimal threshold, BigDecimal reward, BigDecimal penaltyPerPoint, boolean closed,
            List<TownshipResult> townships) {
    }

    public record TownshipResult(String township, String townshipName, BigDecimal rate, boolean met, BigDecimal reward,
            BigDecimal penalty) {
    }

    private final ParticipationStore query;
    private final Clock clock;

    StageResults(ParticipationStore query, Clock clock) {
        this.query = query;
        this.clock = clock;
    }

    public List<StageResult> of(String region, int coverageYear, Predicate<String> townships) {
        CampaignDefined campaign = query.campaign(region, coverageYear)
                .orElseThrow(() -> ApiException.notFound("该地区该年度没有参保缴费工作方案 / no campaign for that region and coverage year"));
        LocalDate today = BusinessTime.today(clock);
        return campaign.stages().stream().map(stage -> {
            boolean closed = stage.deadline().isBefore(today);
            Moment moment = closed ? Moment.endOf(stage.deadline()) : Moment.now(clock);
            List<TownshipResult> results = query.townships(region, coverageYear, moment).stream()
                    .filter(figures -> townships.test(figures.township()))
                    .map(figures -> {
                        StageRule.Outcome outcome = StageRule.judge(stage, figures.enrolled(), figures.target());
                        return new TownshipResult(figures.township(), figures.townshipName(), figures.rate(), outcome.met(),
                                outcome.reward(), outcome.penalty());
                    })
                    .toList();
            return new StageResult(stage.deadline(), stage.threshold(), stage.reward(), stage.penaltyPerPoint(), closed, results);
        }).toList();
    }
}
