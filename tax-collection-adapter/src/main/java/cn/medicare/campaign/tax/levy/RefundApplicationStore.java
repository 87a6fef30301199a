package cn.medicare.campaign.tax.levy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 退费申请: every application and its decision, approved or refused, kept for the audit. */
@Repository
class RefundApplicationStore {

    private final JdbcClient jdbc;

    RefundApplicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID applicationId, String personId, int coverageYear, String region, RefundApplicationRule.Reason reason,
            RefundApplicationRule.Decision decision, String appliedBy, Instant at) {
        jdbc.sql("""
                insert into refund_application (application_id, person_id, coverage_year, region, reason, decision, amount,
                                                explanation, applied_by, applied_at)
                values (:id, :personId, :coverageYear, :region, :reason, :decision, :amount, :explanation, :appliedBy, :at)""")
                .param("id", applicationId).param("personId", personId).param("coverageYear", coverageYear).param("region", region)
                .param("reason", reason.name()).param("decision", decision.approved() ? "APPROVED" : "REFUSED")
                .param("amount", decision.amount() == null ? BigDecimal.ZERO : decision.amount())
                .param("explanation", decision.explanation()).param("appliedBy", appliedBy).param("at", Timestamp.from(at))
                .update();
    }
}
