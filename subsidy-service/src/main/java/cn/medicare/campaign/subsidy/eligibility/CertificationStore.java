package cn.medicare.campaign.subsidy.eligibility;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every accepted adjustment row, by person, whether or not the person has enrolled yet. */
@Repository
public class CertificationStore {

    private final JdbcTemplate jdbc;

    CertificationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String personId, AssistanceCategory category, Agency agency, AdjustmentAction action,
            LocalDate effectiveDate, UUID batchId) {
        jdbc.update("""
                insert into certification (person_id, category, agency, action, effective_date, batch_id)
                values (?, ?, ?, ?, ?, ?)""",
                personId, category.name(), agency.name(), action.name(), effectiveDate, batchId);
    }

    public List<Certification> of(String personId) {
        return jdbc.query("select category, action, effective_date, id from certification where person_id = ?",
                (row, n) -> new Certification(AssistanceCategory.valueOf(row.getString(1)),
                        AdjustmentAction.valueOf(row.getString(2)), row.getObject(3, LocalDate.class), row.getLong(4)),
                personId);
    }
}
