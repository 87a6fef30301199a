package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.reporting.readmodel.Definitions;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The agencies' certifications against the read model: certified and enrolled per assistance category. */
@Repository
class CategoryStore {

    private final JdbcClient jdbc;

    CategoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CategoryController.CategoryFigures> categories(String region, int coverageYear, LocalDate today) {
        // as the townships' assisted figures and the certified-not-enrolled list count them: a person holds a category
        // while an ADD of the agencies' lists for it effective by today stands (AgencyLists), and is no longer one to enrol once
        // withdrawn (deceased, moved away, in employee insurance)
        return jdbc.sql("""
                with latest as (""" + AgencyLists.latestRows(true, false) + """
                )
                select l.category, count(*) as certified,
                       count(py.person_id) filter (where """ + Definitions.REGISTERED + " and " + Definitions.SETTLED + """
                ) as enrolled
                from latest l
                left join person_year py on py.person_id = l.person_id and py.coverage_year = :coverageYear
                where l.action = 'ADD' and (py.withdrawn_on is null or py.withdrawn_on > :today)
                group by l.category
                order by l.category""")
                .param("region", region).param("coverageYear", coverageYear).param("today", today)
                .query((row, n) -> new CategoryController.CategoryFigures(row.getString("category"), row.getInt("certified"),
                        row.getInt("enrolled"), Figures.rate(row.getInt("enrolled"), row.getInt("certified"))))
                .list();
    }
}
