package cn.medicare.campaign.subsidy.eligibility;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every accepted adjustment row, by person, whether or not the person has enrolled yet. */
@Repository
public class CertificationStore {

    private final JdbcClient jdbc;

    CertificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String personId, AssistanceCategory category, Agency agency, AdjustmentAction action,
            LocalDate effectiveDate, UUID batchId) {
        jdbc.sql("""
                insert into certification (person_id, category, agency, action, effective_date, batch_id)
                values (:personId, :category, :agency, :action, :effectiveDate, :batchId)""")
                .param("personId", personId).param("category", category.name()).param("agency", agency.name())
                .param("action", action.name()).param("effectiveDate", effectiveDate).param("batchId", batchId)
                .update();
    }

    public List<Certification> of(String personId) {
        return jdbc.sql("select category, action, effective_date, id from certification where person_id = :personId")
                .param("personId", personId)
                .query((row, n) -> new Certification(AssistanceCategory.valueOf(row.getString(1)),
                        AdjustmentAction.valueOf(row.getString(2)), row.getObject(3, LocalDate.class), row.getLong(4)))
                .list();
    }
}
