package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.contracts.codes.ReportType;
import cn.medicare.campaign.reporting.participation.Figures;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** 报表: the participation figures of a campaign as they stood at {@code asOf}, kept as published. */
record Report(UUID reportId, ReportType type, String region, int coverageYear, Instant asOf, Instant createdAt, Content content) {

    /** What every report holds: the county total and one row per township. */
    record Content(Figures total, List<Figures> townships) {
    }
}
