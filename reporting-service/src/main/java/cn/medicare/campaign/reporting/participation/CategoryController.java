package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.reporting.readmodel.Definitions;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 困难群体参保率: how many of the people each agency certified are enrolled. The goal for assisted
 * groups is all of them (DOMAIN.md), so this is the list the bureau chases agencies and townships with.
 */
@RestController
class CategoryController {

    /** @param certified holding the category for the year by the agencies' latest lists, enrolled or not */
    record CategoryFigures(String category, int certified, int enrolled, BigDecimal rate) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CategoryController(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/api/v1/participation/categories")
    @PreAuthorize("hasAnyRole('BUREAU','VIEWER')")
    @Transactional(readOnly = true)
    List<CategoryFigures> categories(@RequestParam String region, @RequestParam int coverageYear) {
        // a person holds a category while the latest row of the agencies' lists for it says ADD
        return jdbc.query("""
                with latest as (
                    select distinct on (person_id, category) person_id, category, action
                    from eligibility_adjustment
                    where region = ? and coverage_year <= ?
                    order by person_id, category, effective_date desc, action desc
                )
                select l.category, count(*) as certified,
                       count(py.person_id) filter (where """ + Definitions.REGISTERED + " and " + Definitions.SETTLED + """
                ) as enrolled
                from latest l
                left join person_year py on py.person_id = l.person_id and py.coverage_year = ?
                where l.action = 'ADD'
                group by l.category
                order by l.category""",
                (row, n) -> new CategoryFigures(row.getString("category"), row.getInt("certified"), row.getInt("enrolled"),
                        Figures.rate(row.getInt("enrolled"), row.getInt("certified"))),
                region, coverageYear, BusinessTime.today(clock), coverageYear);
    }
}
