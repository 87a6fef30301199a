package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.security.Role;
import cn.medicare.campaign.kit.web.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Each township's rate at each stage deadline of the campaign, and the reward or penalty it earned. */
@RestController
class StagesController {

    record Stages(String region, int coverageYear, List<StageResult> stages) {
    }

    /** @param closed false while the deadline has not passed: the figures are those of today */
    record StageResult(LocalDate deadline, BigDecimal threshold, BigDecimal reward, BigDecimal penaltyPerPoint, boolean closed,
            List<TownshipResult> townships) {
    }

    record TownshipResult(String township, String townshipName, BigDecimal rate, boolean met, BigDecimal reward,
            BigDecimal penalty) {
    }

    private final ParticipationQuery query;
    private final Clock clock;

    StagesController(ParticipationQuery query, Clock clock) {
        this.query = query;
        this.clock = clock;
    }

    @GetMapping("/api/v1/stages")
    @PreAuthorize("hasAnyRole('BUREAU','VIEWER','TOWNSHIP')")
    @Transactional(readOnly = true)
    Stages stages(Caller caller, @RequestParam String region, @RequestParam int coverageYear) {
        CampaignDefined campaign = query.campaign(region, coverageYear)
                .orElseThrow(() -> ApiException.notFound("no campaign for region " + region + " and coverage year " + coverageYear));
        LocalDate today = BusinessTime.today(clock);
        List<StageResult> results = campaign.stages().stream().map(stage -> {
            boolean closed = stage.deadline().isBefore(today);
            Moment moment = closed ? Moment.endOf(stage.deadline()) : Moment.now(clock);
            List<TownshipResult> townships = query.townships(region, coverageYear, moment).stream()
                    .filter(figures -> !caller.is(Role.TOWNSHIP) || figures.township().equals(caller.township()))
                    .map(figures -> {
                        StageRule.Outcome outcome = StageRule.judge(stage, figures.rate());
                        return new TownshipResult(figures.township(), figures.townshipName(), figures.rate(), outcome.met(),
                                outcome.reward(), outcome.penalty());
                    })
                    .toList();
            return new StageResult(stage.deadline(), stage.threshold(), stage.reward(), stage.penaltyPerPoint(), closed, townships);
        }).toList();
        return new Stages(region, coverageYear, results);
    }
}
