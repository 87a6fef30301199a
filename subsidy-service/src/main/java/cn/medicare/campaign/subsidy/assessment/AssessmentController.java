package cn.medicare.campaign.subsidy.assessment;

import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.kit.web.ApiException;
import java.math.BigDecimal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a person owes for a year, for any authenticated caller: it holds no personal data but the pseudonym. */
@RestController
class AssessmentController {

    private final Assessments assessments;

    AssessmentController(Assessments assessments) {
        this.assessments = assessments;
    }

    record AssessmentView(String personId, int coverageYear, BigDecimal standardAmount, BigDecimal subsidyAmount,
            BigDecimal payableAmount, AssistanceCategory assistanceCategory) {
    }

    @GetMapping("/api/v1/assessments/{personId}")
    AssessmentView assessment(@PathVariable String personId, @RequestParam(required = false) String coverageYear) {
        int year = year(coverageYear);
        Assessment assessment = assessments.find(personId, year)
                .orElseThrow(() -> ApiException.notFound("this person has no assessment for " + year));
        return new AssessmentView(personId, year, assessment.standardAmount(), assessment.subsidyAmount(),
                assessment.payableAmount(), assessment.assistanceCategory());
    }

    private static int year(String coverageYear) {
        if (coverageYear == null || !coverageYear.matches("[0-9]{4}")) {
            throw ApiException.invalid("coverageYear", "coverageYear is a four-digit year, e.g. 2018");
        }
        return Integer.parseInt(coverageYear);
    }
}
