package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.security.Role;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.RequestValues;
import com.fasterxml.jackson.annotation.JsonInclude;
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

    /**
     * 参保率 of a county's campaign: the county total and each unit of the level asked (a township
     * sees its own row, or its own villages and schools).
     *
     * @param townships the rows of the level: townships (and the education system), villages or schools
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Participation(String region, int coverageYear, Level level, Instant asOf, Figures total, List<Figures> townships,
            ParticipationStore.Unattributed unattributed, String regionName) {
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
            @RequestParam(required = false) Instant asOf, @RequestParam(defaultValue = "TOWNSHIP") Level level) {
        String outOfRange = RequestValues.problemWithInstant(asOf);
        if (outOfRange != null) {
            throw ApiException.invalid("asOf", outOfRange);
        }
        CampaignDefined campaign = query.campaign(region, coverageYear)
                .orElseThrow(() -> ApiException.notFound("该地区该年度没有参保缴费工作方案 / no campaign for that region and coverage year"));
        Moment moment = asOf == null ? Moment.now(clock) : Moment.asOf(asOf);
        List<Figures> units = query.units(level, region, coverageYear, moment).stream()
                .filter(figures -> !caller.is(Role.TOWNSHIP) || caller.township().equals(figures.township()))
                .map(figures -> figures.withGoal(campaign.goalFor(figures.type())))
                .toList();
        if (level == Level.TOWNSHIP) {
            units = withGroups(campaign, moment, units);
        }
        return new Participation(region, coverageYear, level, moment.at(),
                Figures.total(units).withGoal(campaign.goalFor(level == Level.SCHOOL ? TargetsSet.UnitType.SCHOOL : null)), units,
                caller.is(Role.TOWNSHIP) || level != Level.TOWNSHIP ? null : query.unattributed(region, coverageYear, moment),
                campaign.regionName());
    }

    /** Each township's certified needy and newborns, judged against the campaign's goals for them. */
    private List<Figures> withGroups(CampaignDefined campaign, Moment moment, List<Figures> townships) {
        List<String> assistedCategories = campaign.assistedCategories().stream().map(Enum::name).toList();
        Map<String, int[]> assisted = query.assistedPeople(campaign.region(), campaign.coverageYear(), moment, assistedCategories);
        return townships.stream().map(figures -> {
            int[] certified = assisted.getOrDefault(figures.township(), new int[2]);
            Figures.Judged newborns = figures.newborns();
            return figures.withGroups(Figures.Judged.of(certified[0], certified[1], campaign.assistedGoal()),
                    Figures.Judged.of(newborns.of(), newborns.done(), campaign.newbornGoal()));
        }).toList();
    }
}
