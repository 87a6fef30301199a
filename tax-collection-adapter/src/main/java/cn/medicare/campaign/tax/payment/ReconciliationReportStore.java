package cn.medicare.campaign.tax.payment;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The last reconciliation report of each day. */
@Repository
class ReconciliationReportStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReconciliationReportStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<ReconciliationReport> of(LocalDate date) {
        return jdbc.sql("select report::text from reconciliation where date = :date").param("date", date)
                .query(String.class).optional().map(text -> json.readValue(text, ReconciliationReport.class));
    }

    void save(ReconciliationReport report) {
        jdbc.sql("""
                insert into reconciliation (date, report) values (:date, cast(:report as json))
                on conflict (date) do update set report = excluded.report, completed_at = now()""")
                .param("date", report.date()).param("report", json.writeValueAsString(report))
                .update();
    }
}
