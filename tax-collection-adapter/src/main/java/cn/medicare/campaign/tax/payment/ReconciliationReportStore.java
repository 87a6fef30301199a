package cn.medicare.campaign.tax.payment;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The last reconciliation report of each day. */
@Repository
class ReconciliationReportStore {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ReconciliationReportStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<ReconciliationReport> of(LocalDate date) {
        return jdbc.queryForList("select report::text from reconciliation where date = ?", String.class, date).stream()
                .findFirst().map(text -> json.readValue(text, ReconciliationReport.class));
    }

    void save(ReconciliationReport report) {
        jdbc.update("""
                insert into reconciliation (date, report) values (?, ?::json)
                on conflict (date) do update set report = excluded.report, completed_at = now()""",
                report.date(), json.writeValueAsString(report));
    }
}
