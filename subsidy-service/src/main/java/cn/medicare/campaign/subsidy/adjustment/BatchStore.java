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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Submitted batches and their row outcomes. */
@Repository
class BatchStore {

    private static final TypeReference<List<InputError>> ERRORS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BatchStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param accepted whether any of the batch's rows was accepted, or it had none (a nil return): a list wholly rejected
     *     has not been received
     */
    record Submission(Agency agency, String batchId, boolean onTime, boolean accepted) {
    }

    /** Keeps the first time the agency's list for the month had to wait for this service (503); later waits change nothing. */
    void waited(Agency agency, YearMonth month, Instant at) {
        jdbc.sql("insert into list_waited (agency, month, first_at) values (:agency, :month, :at) on conflict do nothing")
                .param("agency", agency.name()).param("month", month.toString()).param("at", Timestamp.from(at))
                .update();
    }

    /** The wait has been made good: the list sent again was accepted, and later lists are judged by their own day. */
    void waitOver(Agency agency, YearMonth month) {
        jdbc.sql("delete from list_waited where agency = :agency and month = :month")
                .param("agency", agency.name()).param("month", month.toString())
                .update();
    }

    /** When the agency's list for the month first had to wait for this service, if it ever did. */
    Optional<Instant> firstWaited(Agency agency, YearMonth month) {
        return jdbc.sql("select first_at from list_waited where agency = :agency and month = :month")
                .param("agency", agency.name()).param("month", month.toString())
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** Fails with a DuplicateKeyException when the agency already used the idempotency key. */
    void insert(UUID batchId, Agency agency, YearMonth month, Instant submittedAt, boolean onTime, String idempotencyKey,
            List<CheckedRow> rows) {
        jdbc.sql("""
                insert into adjustment_batch (batch_id, agency, month, submitted_at, on_time, idempotency_key)
                values (:batchId, :agency, :month, :submittedAt, :onTime, :idempotencyKey)""")
                .param("batchId", batchId).param("agency", agency.name()).param("month", month.toString())
                .param("submittedAt", Timestamp.from(submittedAt)).param("onTime", onTime)
                .param("idempotencyKey", idempotencyKey)
                .update();
        // one array per column, one statement: as a JDBC batch a list of 5,000 was 40 statements of 1,280 parameters each
        jdbc.sql("""
                insert into adjustment_row (batch_id, row_no, id_number_masked, township, village, action, category,
                                            effective_date, accepted, errors)
                select :batchId, row_no, id_number_masked, township, village, action, category, effective_date, accepted,
                       cast(errors as json)
                from unnest(cast(:rowNos as int[]), cast(:masked as varchar[]), cast(:townships as varchar[]),
                            cast(:villages as varchar[]), cast(:actions as varchar[]), cast(:categories as varchar[]),
                            cast(:effectiveDates as varchar[]), cast(:accepted as boolean[]), cast(:errors as text[]))
                     as checked(row_no, id_number_masked, township, village, action, category, effective_date, accepted, errors)""")
                .param("batchId", batchId)
                .param("rowNos", rows.stream().map(CheckedRow::row).toArray(Integer[]::new))
                .param("masked", rows.stream().map(CheckedRow::idNumberMasked).toArray(String[]::new))
                .param("townships", rows.stream().map(row -> FreeText.redact(row.input().township())).toArray(String[]::new))
                .param("villages", rows.stream().map(row -> FreeText.redact(row.input().village())).toArray(String[]::new))
                .param("actions", rows.stream().map(row -> FreeText.redact(row.input().action())).toArray(String[]::new))
                .param("categories", rows.stream().map(row -> FreeText.redact(row.input().category())).toArray(String[]::new))
                .param("effectiveDates", rows.stream().map(row -> FreeText.redact(row.input().effectiveDate())).toArray(String[]::new))
                .param("accepted", rows.stream().map(CheckedRow::accepted).toArray(Boolean[]::new))
                .param("errors", rows.stream().map(row -> json.writeValueAsString(row.errors())).toArray(String[]::new))
                .update();
    }

    Optional<UUID> idOf(Agency agency, String idempotencyKey) {
        return jdbc.sql("select batch_id from adjustment_batch where agency = :agency and idempotency_key = :idempotencyKey")
                .param("agency", agency.name()).param("idempotencyKey", idempotencyKey).query(UUID.class).optional();
    }

    Optional<BatchDetails> find(UUID batchId) {
        List<BatchDetails.RowOutcome> rows = jdbc.sql("""
                select row_no, id_number_masked, township, village, action, category, effective_date, accepted, errors::text
                from adjustment_row where batch_id = :batchId order by row_no""")
                .param("batchId", batchId)
                .query((row, n) -> new BatchDetails.RowOutcome(row.getInt(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                        row.getBoolean(8) ? BatchDetails.Status.ACCEPTED : BatchDetails.Status.REJECTED,
                        json.readValue(row.getString(9), ERRORS)))
                .list();
        int accepted = (int) rows.stream().filter(row -> row.status() == BatchDetails.Status.ACCEPTED).count();
        return jdbc.sql("select agency, month, on_time, submitted_at from adjustment_batch where batch_id = :batchId")
                .param("batchId", batchId)
                .query((row, n) -> new BatchDetails(batchId.toString(), Agency.valueOf(row.getString(1)), row.getString(2),
                        row.getBoolean(3), row.getTimestamp(4).toInstant(), accepted, rows))
                .optional();
    }

    List<Submission> submissions(YearMonth month) {
        return jdbc.sql("""
                select b.agency, b.batch_id, b.on_time,
                       exists (select 1 from adjustment_row r where r.batch_id = b.batch_id and r.accepted)
                           or not exists (select 1 from adjustment_row r where r.batch_id = b.batch_id) as accepted
                from adjustment_batch b where b.month = :month order by b.submitted_at, b.batch_id""")
                .param("month", month.toString())
                .query((row, n) -> new Submission(Agency.valueOf(row.getString(1)), row.getString(2), row.getBoolean(3),
                        row.getBoolean(4)))
                .list();
    }
}
