package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.kit.BusinessTime;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
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

    private final CategoryStore store;
    private final Clock clock;

    CategoryController(CategoryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/api/v1/participation/categories")
    @PreAuthorize("hasAnyRole('BUREAU','VIEWER')")
    @Transactional(readOnly = true)
    List<CategoryFigures> categories(@RequestParam String region, @RequestParam int coverageYear) {
        return store.categories(region, coverageYear, BusinessTime.today(clock));
    }
}
