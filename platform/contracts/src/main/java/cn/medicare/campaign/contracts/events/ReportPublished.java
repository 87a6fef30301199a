package cn.medicare.campaign.contracts.events;

import static java.util.Objects.requireNonNull;

import cn.medicare.campaign.contracts.codes.ReportFormat;
import cn.medicare.campaign.contracts.codes.ReportType;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * 报表发布: a report is ready in the listed formats. The JSON field {@code type} is the report
 * type; the component is named {@code reportType} because {@link Event#type()} is the event type.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportPublished(
        String reportId,
        @JsonProperty("type") ReportType reportType,
        int coverageYear,
        Instant asOf,
        List<ReportFormat> formats,
        Summary summary,
        String region) implements Event {

    public ReportPublished {
        requireNonNull(reportId, "reportId");
        requireNonNull(reportType, "type");
        requireNonNull(asOf, "asOf");
        formats = List.copyOf(requireNonNull(formats, "formats"));
        requireNonNull(summary, "summary");
    }

    @Override
    public EventType type() {
        return EventType.REPORT_PUBLISHED;
    }

    @Override
    public String key() {
        return reportId;
    }

    /** Headline figures: should enrol, enrolled and the rate (4 decimals, e.g. "0.9812"). */
    public record Summary(int target, int enrolled, BigDecimal rate) {

        public Summary {
            requireNonNull(rate, "rate");
        }
    }
}
