package cn.medicare.campaign.enrollment.campaign;

import cn.medicare.campaign.kit.intake.ListIntake;
import cn.medicare.campaign.kit.security.Caller;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/campaigns/{region}/{coverageYear}")
class CampaignController {

    private final CampaignService campaigns;
    private final ListIntake intake;

    CampaignController(CampaignService campaigns, ListIntake intake) {
        this.campaigns = campaigns;
        this.intake = intake;
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('BUREAU')")
    CampaignView define(Caller caller, @PathVariable String region, @PathVariable int coverageYear, @RequestBody CampaignRequest request) {
        return campaigns.define(caller, region, coverageYear, request);
    }

    /**
     * JSON {@code {"targets":[...]}}, read row by row by the kit's intake like the CSV. Both bodies
     * are required (and streamed): with optional ones Spring ignores {@code consumes} for an empty
     * request, and the two handlers would make it ambiguous, a 500.
     */
    @PutMapping(path = "/targets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('BUREAU')")
    CampaignView setTargets(Caller caller, @PathVariable String region, @PathVariable int coverageYear,
            @RequestBody InputStreamResource body) throws IOException {
        try (InputStream json = body.getInputStream()) {
            return campaigns.setTargets(caller, region, coverageYear, intake.jsonRows(json, "targets", TargetRow.class));
        }
    }

    @PutMapping(path = "/targets", consumes = "text/csv")
    @PreAuthorize("hasRole('BUREAU')")
    CampaignView setTargetsFromCsv(Caller caller, @PathVariable String region, @PathVariable int coverageYear,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody InputStreamResource body) throws IOException {
        try (InputStream csv = body.getInputStream()) {
            return campaigns.setTargets(caller, region, coverageYear, TargetsCsv.parse(intake, csv, contentType));
        }
    }

    /** 方案变更记录 (the bureau's to read): each version of the campaign and each change of its targets, oldest first. */
    @GetMapping("/changes")
    @PreAuthorize("hasRole('BUREAU')")
    List<CampaignStore.Change> changes(@PathVariable String region, @PathVariable int coverageYear) {
        return campaigns.changes(region, coverageYear);
    }

    @GetMapping
    CampaignView get(@PathVariable String region, @PathVariable int coverageYear) {
        return campaigns.get(region, coverageYear);
    }
}
