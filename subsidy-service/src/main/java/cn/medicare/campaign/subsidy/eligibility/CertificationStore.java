package cn.medicare.campaign.subsidy.eligibility;

import cn.medicare.campaign.contracts.codes.AdjustmentAction;
import cn.medicare.campaign.contracts.codes.Agency;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.AssistanceSubcategory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** One accepted row about one person, as recorded; the subcategory null where the row named the category alone. */
    public record Row(String personId, AssistanceCategory category, AssistanceSubcategory subcategory, AdjustmentAction action,
            LocalDate effectiveDate, String region) {
    }

    /** Records a list's rows in one statement, in the order given. */
    public void recordAll(Agency agency, UUID batchId, List<Row> rows) {
        jdbc.sql("""
                insert into certification (person_id, category, subcategory, agency, action, effective_date, batch_id, region)
                select person_id, category, subcategory, :agency, action, effective_date, :batchId, region
                from unnest(cast(:personIds as varchar[]), cast(:categories as varchar[]), cast(:subcategories as varchar[]),
                            cast(:actions as varchar[]), cast(:effectiveDates as date[]), cast(:regions as varchar[]))
                    with ordinality as rows(person_id, category, subcategory, action, effective_date, region, n)
                order by n""")
                .param("agency", agency.name()).param("batchId", batchId)
                .param("personIds", rows.stream().map(Row::personId).toArray(String[]::new))
                .param("categories", rows.stream().map(row -> row.category().name()).toArray(String[]::new))
                .param("subcategories", rows.stream().map(row -> row.subcategory() == null ? null : row.subcategory().name())
                        .toArray(String[]::new))
                .param("actions", rows.stream().map(row -> row.action().name()).toArray(String[]::new))
                .param("effectiveDates", rows.stream().map(row -> row.effectiveDate().toString()).toArray(String[]::new))
                .param("regions", rows.stream().map(Row::region).toArray(String[]::new))
                .update();
    }

    /** The certifications of each of these people who has any. */
    public Map<String, List<Certification>> of(Collection<String> personIds) {
        Map<String, List<Certification>> byPerson = new HashMap<>();
        jdbc.sql("""
                select person_id, category, action, effective_date, region, subcategory from certification
                where person_id = any(cast(:personIds as varchar[]))""")
                .param("personIds", personIds.toArray(String[]::new))
                .query(row -> {
                    byPerson.computeIfAbsent(row.getString(1), person -> new ArrayList<>()).add(new Certification(
                            AssistanceCategory.valueOf(row.getString(2)),
                            row.getString(6) == null ? null : AssistanceSubcategory.valueOf(row.getString(6)),
                            AdjustmentAction.valueOf(row.getString(3)), row.getObject(4, LocalDate.class), row.getString(5)));
                });
        return byPerson;
    }
}
