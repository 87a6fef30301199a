package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.security.Role;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.RequestValues;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/participation")
class ParticipationController {

    /** 参保率 of a county's campaign: the county total and each township (a township sees its own row). */
    record Participation(String region, int coverageYear, Instant asOf, Figures total, List<Figures> townships,
            ParticipationStore.Unattributed unattributed) {
    }

    private final ParticipationStore query;
    private final Clock clock;

    ParticipationController(ParticipationStore query, Clock clock) {
        this.query = query;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('BUREAU','VIEWER','TOWNSHIP')")
    // one snapshot for the several queries behind one answer, so that its figures agree with each other
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Participation participation(Caller caller, @RequestParam String region, @RequestParam int coverageYear,
            @RequestParam(required = false) Instant asOf) {
        String outOfRange = RequestValues.problemWithInstant(asOf);
        if (outOfRange != null) {
            throw ApiException.invalid("asOf", outOfRange);
        }
        if (!query.campaignKnown(region, coverageYear)) {
            throw ApiException.notFound("该地区该年度没有参保缴费工作方案 / no campaign for that region and coverage year");
        }
        Moment moment = asOf == null ? Moment.now(clock) : Moment.asOf(asOf);
        BigDecimal goal = query.campaign(region, coverageYear).map(CampaignDefined::townshipGoal).orElseThrow();
        Map<String, ParticipationStore.EVouchers> eVouchers = query.eVouchers(region, coverageYear, moment.day());
        List<Figures> townships = query.townships(region, coverageYear, moment).stream()
                .filter(figures -> !caller.is(Role.TOWNSHIP) || figures.township().equals(caller.township()))
                .map(figures -> figures.withGoal(goal))
                .map(figures -> {
                    ParticipationStore.EVouchers vouchers = eVouchers.get(figures.township());
                    return vouchers == null ? figures : figures.withEVouchers(vouchers.target(), vouchers.activated());
                })
                .toList();
        return new Participation(region, coverageYear, moment.at(), Figures.total(townships).withGoal(goal), townships,
                caller.is(Role.TOWNSHIP) ? null : query.unattributed(region, coverageYear));
    }
}
