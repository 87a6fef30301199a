package cn.medicare.campaign.subsidy.adjustment;

import cn.medicare.campaign.kit.privacy.FreeText;
import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.kit.web.InputError;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Submitted batches and their row outcomes. */
@Repository
class BatchStore {

    private static final TypeReference<List<InputError>> ERRORS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    BatchStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Submission(Agency agency, String batchId, boolean onTime) {
    }

    /** Fails with a DuplicateKeyException when the agency already used the idempotency key. */
    void insert(UUID batchId, Agency agency, YearMonth month, Instant submittedAt, boolean onTime, String idempotencyKey,
            List<CheckedRow> rows) {
        jdbc.update("""
                insert into adjustment_batch (batch_id, agency, month, submitted_at, on_time, idempotency_key)
                values (?, ?, ?, ?, ?, ?)""",
                batchId, agency.name(), month.toString(), Timestamp.from(submittedAt), onTime, idempotencyKey);
        jdbc.batchUpdate("""
                insert into adjustment_row (batch_id, row_no, id_number_masked, township, village, action, category,
                                            effective_date, accepted, errors)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json)""",
                rows, 500, (statement, row) -> {
                    statement.setObject(1, batchId);
                    statement.setInt(2, row.row());
                    statement.setString(3, row.idNumberMasked());
                    statement.setString(4, FreeText.redact(row.input().township()));
                    statement.setString(5, FreeText.redact(row.input().village()));
                    statement.setString(6, FreeText.redact(row.input().action()));
                    statement.setString(7, FreeText.redact(row.input().category()));
                    statement.setString(8, FreeText.redact(row.input().effectiveDate()));
                    statement.setBoolean(9, row.accepted());
                    statement.setString(10, json.writeValueAsString(row.errors()));
                });
    }

    Optional<UUID> idOf(Agency agency, String idempotencyKey) {
        return jdbc.queryForList("select batch_id from adjustment_batch where agency = ? and idempotency_key = ?",
                UUID.class, agency.name(), idempotencyKey).stream().findFirst();
    }

    Optional<BatchDetails> find(UUID batchId) {
        List<BatchDetails.RowOutcome> rows = jdbc.query("""
                select row_no, id_number_masked, township, village, action, category, effective_date, accepted, errors::text
                from adjustment_row where batch_id = ? order by row_no""",
                (row, n) -> new BatchDetails.RowOutcome(row.getInt(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7),
                        row.getBoolean(8) ? BatchDetails.Status.ACCEPTED : BatchDetails.Status.REJECTED,
                        json.readValue(row.getString(9), ERRORS)),
                batchId);
        int accepted = (int) rows.stream().filter(row -> row.status() == BatchDetails.Status.ACCEPTED).count();
        return jdbc.query("select agency, month, on_time, submitted_at from adjustment_batch where batch_id = ?",
                (row, n) -> new BatchDetails(batchId.toString(), Agency.valueOf(row.getString(1)), row.getString(2),
                        row.getBoolean(3), row.getTimestamp(4).toInstant(), accepted, rows),
                batchId).stream().findFirst();
    }

    List<Submission> submissions(YearMonth month) {
        return jdbc.query("select agency, batch_id, on_time from adjustment_batch where month = ? order by submitted_at, batch_id",
                (row, n) -> new Submission(Agency.valueOf(row.getString(1)), row.getString(2), row.getBoolean(3)),
                month.toString());
    }
}
