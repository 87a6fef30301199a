package cn.medicare.campaign.reporting.participation;

import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.kit.privacy.FreeText;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.security.Role;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.RequestValues;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Each township's rate at each stage deadline of the campaign, and the reward or penalty it earned. */
@RestController
class StagesController {

    record Stages(String region, int coverageYear, Level level, List<StageResults.StageResult> stages) {
    }

    /** 重新核算: the bureau re-computes a settled stage, saying why. */
    record Recomputation(String region, Integer coverageYear, LocalDate deadline, CampaignDefined.Stage.Measure measure, String reason) {
    }

    private final StageResults stages;
    private final StageSettlementService settlements;

    StagesController(StageResults stages, StageSettlementService settlements) {
        this.stages = stages;
        this.settlements = settlements;
    }

    @PostMapping("/api/v1/stages/recomputation")
    @PreAuthorize("hasRole('BUREAU')")
    StageResults.StageResult recompute(Caller caller, @RequestBody Recomputation request) {
        RequestValues.requireRegion(request.region());
        if (request.coverageYear() == null || request.deadline() == null) {
            throw ApiException.invalid(request.coverageYear() == null ? "coverageYear" : "deadline", "必填 / is required");
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 300) {
            throw ApiException.invalid("reason", "重新核算须说明原因 / is required, at most 300 characters");
        }
        return settlements.recompute(request.region(), request.coverageYear(), request.deadline(), request.measure(), caller.clientId(),
                FreeText.redact(request.reason().strip()));
    }

    @GetMapping("/api/v1/stages")
    @PreAuthorize("hasAnyRole('BUREAU','VIEWER','TOWNSHIP')")
    // one snapshot for the several queries behind one answer, so that its figures agree with each other
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Stages stages(Caller caller, @RequestParam String region, @RequestParam int coverageYear,
            @RequestParam(defaultValue = "TOWNSHIP") Level level) {
        return new Stages(region, coverageYear, level, stages.of(region, coverageYear, level,
                township -> !caller.is(Role.TOWNSHIP) || caller.township().equals(township)));
    }
}
