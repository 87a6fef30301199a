package cn.medicare.campaign.subsidy.assessment;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.codes.AmountRule;
import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.kit.kafka.ConsumerProgress;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.security.Role;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.subsidy.campaign.CampaignStore;
import cn.medicare.campaign.subsidy.roster.Enrolment;
import cn.medicare.campaign.subsidy.roster.RosterStore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a person owes for a year. The assistance category says why (a disability, a mental
 * illness), so only the bureau and the person's own township may read it.
 */
@RestController
class AssessmentController {

    private final AssessmentStore assessments;
    private final RosterStore roster;
    private final CampaignStore campaigns;
    private final ConsumerProgress progress;

    AssessmentController(AssessmentStore assessments, RosterStore roster, CampaignStore campaigns, ConsumerProgress progress) {
        this.assessments = assessments;
        this.roster = roster;
        this.campaigns = campaigns;
        this.progress = progress;
    }

    /** @param fiscalPart present for {@code INDIVIDUAL_PLUS_FISCAL}: the campaign's fiscal subsidy, inside the standard amount */
    record AssessmentView(String personId, int coverageYear, BigDecimal standardAmount, BigDecimal subsidyAmount,
            BigDecimal payableAmount, @JsonInclude(JsonInclude.Include.ALWAYS) AssistanceCategory assistanceCategory, AmountRule amountRule,
            BigDecimal fiscalPart) {
    }

    @GetMapping("/api/v1/assessments/{personId}")
    @PreAuthorize("hasAnyRole('BUREAU','TOWNSHIP')")
    AssessmentView assessment(Caller caller, @PathVariable String personId, @RequestParam(required = false) String coverageYear) {
        int year = year(coverageYear);
        // asked before the reads, so that what they miss was sent after the request; the campaign's partition, named by
        // the enrolment, after them. The assessment is read first: it commits with its enrolment, so an enrolment found
        // after an assessment missed is read again with it
        boolean factsRead = progress.caughtUpNow(Topics.ROSTER, personId);
        Optional<Assessment> found = assessments.find(personId, year);
        Optional<Enrolment> enrolment = roster.find(personId, year);
        if (found.isEmpty() && enrolment.isPresent()) {
            factsRead = factsRead && progress.caughtUpNow(Topics.CAMPAIGN, CampaignDefined.key(enrolment.get().region(), year));
            found = assessments.find(personId, year);
        }
        if (found.isEmpty() && !factsRead) {
            // asked right after the enrolment: not "not found" nor "not yours" while the facts have not reached this service
            throw ApiException.notYetKnown("本服务尚未收到此人的参保登记或年度方案，请稍后再查 (the enrolment or the campaign has not reached"
                    + " this service yet: ask again shortly)", List.of());
        }
        if (caller.is(Role.TOWNSHIP)) {
            caller.requireMayActIn(enrolment.map(Enrolment::township).orElse(null));
        }
        Assessment assessment = found
                .orElseThrow(() -> ApiException.notFound("此人没有 " + year + " 年度的缴费核定 / this person has no assessment for " + year));
        AmountRule amountRule = enrolment.map(Enrolment::amountRule).orElse(AmountRule.INDIVIDUAL);
        BigDecimal fiscalPart = amountRule == AmountRule.INDIVIDUAL_PLUS_FISCAL
                ? enrolment.flatMap(e -> campaigns.find(e.region(), year)).map(CampaignDefined::fiscalSubsidy).orElse(null)
                : null;
        return new AssessmentView(personId, year, assessment.standardAmount(), assessment.subsidyAmount(),
                assessment.payableAmount(), assessment.assistanceCategory(), amountRule, fiscalPart);
    }

    private static int year(String coverageYear) {
        if (coverageYear == null || !coverageYear.matches("[0-9]{4}")) {
            throw ApiException.invalid("coverageYear", "参保年度应为四位年份，如 2018 / coverageYear is a four-digit year, e.g. 2018");
        }
        return Integer.parseInt(coverageYear);
    }
}
