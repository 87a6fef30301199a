package cn.medicare.campaign.reporting.person;

import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.web.ApiException;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 参保缴费状态: whether one person counts as enrolled in the figures, and why, for the bureau and the
 * person's own township (the personId from the roster's lookup or a list).
 */
@RestController
class PersonStatusController {

    private final PersonStatusStore store;
    private final Clock clock;

    PersonStatusController(PersonStatusStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/api/v1/people/{personId}")
    @PreAuthorize("hasAnyRole('BUREAU','TOWNSHIP')")
    @Transactional(readOnly = true)
    PersonStatus status(Caller caller, @PathVariable String personId, @RequestParam int coverageYear) {
        PersonStatus status = store.find(personId, coverageYear, BusinessTime.today(clock))
                .orElseThrow(() -> ApiException.notFound("本服务没有该人员该年度的记录 / nothing is known of this person for " + coverageYear));
        // a person not registered yet has no township: the bureau's to read
        caller.requireMayActIn(status.township());
        return status;
    }
}
