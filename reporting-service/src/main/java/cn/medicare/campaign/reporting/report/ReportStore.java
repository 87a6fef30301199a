package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.contracts.codes.ReportType;
import cn.medicare.campaign.contracts.events.EventJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReportStore {

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param scheduled made by the Friday schedule, not asked for: its WEEKLY once per campaign and business day, one asked for once per business day and day reported on (V38) */
    void add(Report report, boolean scheduled) {
        jdbc.sql("""
                insert into report (report_id, type, region, coverage_year, as_of, created_at, business_date, content, scheduled)
                values (:reportId, :type, :region, :coverageYear, :asOf, :createdAt, :businessDate, cast(:content as json), :scheduled)""")
                .param("reportId", report.reportId()).param("type", report.type().name()).param("region", report.region())
                .param("coverageYear", report.coverageYear()).param("asOf", Timestamp.from(report.asOf()))
                .param("createdAt", Timestamp.from(report.createdAt()))
                .param("businessDate", report.createdAt().atZone(BusinessTime.ZONE).toLocalDate())
                .param("content", EventJson.mapper().writeValueAsString(report.content())).param("scheduled", scheduled)
                .update();
    }

    /** Whether the Friday schedule's WEEKLY report of the campaign was made on that business day. */
    boolean scheduledWeeklyExists(String region, int coverageYear, LocalDate businessDate) {
        return jdbc.sql("""
                select exists (select 1 from report where type = 'WEEKLY' and scheduled and region = :region
                                and coverage_year = :coverageYear and business_date = :businessDate)""")
                .param("region", region).param("coverageYear", coverageYear).param("businessDate", businessDate)
                .query(Boolean.class).single();
    }

    /** Whether a report of the type was already made for the campaign at that moment (a bulletin is issued once). */
    boolean exists(ReportType type, String region, int coverageYear, Instant asOf) {
        return jdbc.sql("""
                select count(*) from report
                where type = :type and region = :region and coverage_year = :coverageYear and as_of = :asOf""")
                .param("type", type.name()).param("region", region).param("coverageYear", coverageYear)
                .param("asOf", Timestamp.from(asOf)).query(Integer.class).single() > 0;
    }

    Optional<Report> find(UUID reportId) {
        return jdbc.sql("select * from report where report_id = :reportId").param("reportId", reportId)
                .query(ReportStore::read).optional();
    }

    List<Report> list(String region, int coverageYear, ReportType type) {
        return jdbc.sql("""
                select * from report where region = :region and coverage_year = :coverageYear
                  and (cast(:type as varchar) is null or type = :type)
                order by created_at desc""")
                .param("region", region).param("coverageYear", coverageYear).param("type", type == null ? null : type.name())
                .query(ReportStore::read).list();
    }

    private static Report read(ResultSet row, int n) throws SQLException {
        return new Report(row.getObject("report_id", UUID.class), ReportType.valueOf(row.getString("type")), row.getString("region"),
                row.getInt("coverage_year"), row.getTimestamp("as_of").toInstant(), row.getTimestamp("created_at").toInstant(),
                EventJson.mapper().readValue(row.getString("content"), Report.Content.class));
    }
}
