package cn.medicare.campaign.enrollment.campaign;

import cn.medicare.campaign.contracts.events.TargetsSet;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/campaigns/{region}/{coverageYear}")
class CampaignController {

    record TargetsRequest(List<TargetsSet.Target> targets) {
    }

    private final CampaignService campaigns;

    CampaignController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('BUREAU')")
    CampaignView define(@PathVariable String region, @PathVariable int coverageYear, @RequestBody CampaignRequest request) {
        return campaigns.define(region, coverageYear, request);
    }

    @PutMapping(path = "/targets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('BUREAU')")
    CampaignView setTargets(@PathVariable String region, @PathVariable int coverageYear, @RequestBody TargetsRequest request) {
        return campaigns.setTargets(region, coverageYear, request.targets());
    }

    @PutMapping(path = "/targets", consumes = "text/csv")
    @PreAuthorize("hasRole('BUREAU')")
    CampaignView setTargetsFromCsv(@PathVariable String region, @PathVariable int coverageYear, @RequestBody String csv) {
        return campaigns.setTargets(region, coverageYear, TargetsCsv.parse(csv));
    }

    @GetMapping
    CampaignView get(@PathVariable String region, @PathVariable int coverageYear) {
        return campaigns.get(region, coverageYear);
    }
}
