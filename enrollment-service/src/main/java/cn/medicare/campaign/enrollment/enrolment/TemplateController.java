package cn.medicare.campaign.enrollment.enrolment;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The blank form this service takes back: 附件4, for the townships and schools. */
@RestController
class TemplateController {

    @GetMapping("/api/v1/templates/new-enrolment.xlsx")
    @PreAuthorize("hasAnyRole('TOWNSHIP','BUREAU')")
    ResponseEntity<byte[]> newEnrolment() {
        return NewEnrolmentForm.blank().download("附件4-新参保登记表.xlsx");
    }
}
