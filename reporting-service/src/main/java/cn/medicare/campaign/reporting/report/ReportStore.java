package cn.medicare.campaign.reporting.report;

import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.contracts.codes.ReportType;
import cn.medicare.campaign.contracts.events.EventJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class ReportStore {

    private final JdbcTemplate jdbc;

    ReportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(Report report) {
        jdbc.update("""
                insert into report (report_id, type, region, coverage_year, as_of, created_at, business_date, content)
                values (?, ?, ?, ?, ?, ?, ?, ?::json)""",
                report.reportId(), report.type().name(), report.region(), report.coverageYear(), Timestamp.from(report.asOf()),
                Timestamp.from(report.createdAt()), report.createdAt().atZone(BusinessTime.ZONE).toLocalDate(),
                EventJson.mapper().writeValueAsString(report.content()));
    }

    Optional<Report> find(UUID reportId) {
        return jdbc.query("select * from report where report_id = ?", ReportStore::read, reportId).stream().findFirst();
    }

    List<Report> list(String region, int coverageYear, ReportType type) {
        return jdbc.query("""
                select * from report where region = ? and coverage_year = ? and (cast(? as varchar) is null or type = ?)
                order by created_at desc""", ReportStore::read, region, coverageYear, type == null ? null : type.name(),
                type == null ? null : type.name());
    }

    private static Report read(ResultSet row, int n) throws SQLException {
        return new Report(row.getObject("report_id", UUID.class), ReportType.valueOf(row.getString("type")), row.getString("region"),
                row.getInt("coverage_year"), row.getTimestamp("as_of").toInstant(), row.getTimestamp("created_at").toInstant(),
                EventJson.mapper().readValue(row.getString("content"), Report.Content.class));
    }
}
