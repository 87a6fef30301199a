package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.security.Role;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Each township's rate at each stage deadline of the campaign, and the reward or penalty it earned. */
@RestController
class StagesController {

    record Stages(String region, int coverageYear, List<StageResults.StageResult> stages) {
    }

    private final StageResults stages;

    StagesController(StageResults stages) {
        this.stages = stages;
    }

    @GetMapping("/api/v1/stages")
    @PreAuthorize("hasAnyRole('BUREAU','VIEWER','TOWNSHIP')")
    // one snapshot for the several queries behind one answer, so that its figures agree with each other
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Stages stages(Caller caller, @RequestParam String region, @RequestParam int coverageYear) {
        return new Stages(region, coverageYear, stages.of(region, coverageYear,
                township -> !caller.is(Role.TOWNSHIP) || township.equals(caller.township())));
    }
}
