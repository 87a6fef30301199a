package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.kit.BusinessTime;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RankingsController {

    record Rankings(String region, int coverageYear, TownshipRankings.Period period, Level level, List<TownshipRankings.Ranking> rankings) {
    }

    private final TownshipRankings rankings;
    private final Clock clock;

    RankingsController(TownshipRankings rankings, Clock clock) {
        this.rankings = rankings;
        this.clock = clock;
    }

    @GetMapping("/api/v1/rankings")
    @PreAuthorize("hasAnyRole('BUREAU','VIEWER','TOWNSHIP')")
    // one snapshot for the several queries behind one answer, so that its figures agree with each other
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Rankings rankings(@RequestParam String region, @RequestParam int coverageYear, @RequestParam TownshipRankings.Period period,
            @RequestParam(defaultValue = "TOWNSHIP") Level level) {
        return new Rankings(region, coverageYear, period, level, rankings.of(region, coverageYear, period, level, BusinessTime.today(clock)));
    }
}
