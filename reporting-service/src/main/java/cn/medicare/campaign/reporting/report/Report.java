package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.contracts.codes.ReportType;
import cn.medicare.campaign.reporting.participation.Figures;
import cn.medicare.campaign.reporting.participation.StageResults;
import cn.medicare.campaign.reporting.participation.TownshipRankings;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** 报表: the participation figures of a campaign as they stood at {@code asOf}, kept as published. */
record Report(UUID reportId, ReportType type, String region, int coverageYear, Instant asOf, Instant createdAt, Content content) {

    /**
     * What every report holds, the county total and one row per township (and, where the campaign
     * assesses them, per village and per school), and what its type adds: the rankings so far
     * (half-monthly, monthly bulletins) or the stage results (stage reports); the county's name
     * for the forms' titles (absent in reports kept before it was).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Content(Figures total, List<Figures> townships, List<TownshipRankings.Ranking> rankings,
            List<StageResults.StageResult> stages, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Figures> villages,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Figures> schools, String regionName) {
    }
}
