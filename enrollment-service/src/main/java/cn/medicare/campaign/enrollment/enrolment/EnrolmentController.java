package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.kit.security.Caller;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/enrolments")
class EnrolmentController {

    /** The roster entry as people read it: the ID number masked. */
    record EnrolmentView(String personId, int coverageYear, String region, String idNumberMasked, String name,
            String personCategory, String township, String village, String school, boolean hukouLocal,
            boolean residencePermit, String channel, String enrolledOn, String coverageStart, int waitingPeriodDays) {

        static EnrolmentView of(Enrolment e) {
            return new EnrolmentView(e.personId(), e.coverageYear(), e.region(), e.idNumberMasked(), e.name(),
                    e.personCategory().name(), e.township(), e.village(), e.school(), e.hukouLocal(), e.residencePermit(),
                    e.channel().name(), e.enrolledOn().toString(), e.coverageStart().toString(), e.waitingPeriodDays());
        }
    }

    private final EnrolmentService enrolments;

    EnrolmentController(EnrolmentService enrolments) {
        this.enrolments = enrolments;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('BUREAU','TOWNSHIP')")
    ResponseEntity<EnrolmentService.Enrolled> enrol(Caller caller, @RequestBody EnrolmentRequest request) {
        EnrolmentService.Enrolled enrolled = enrolments.enrol(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/enrolments/" + enrolled.personId() + "?coverageYear=" + request.coverageYear()))
                .body(enrolled);
    }

    @GetMapping("/{personId}")
    @PreAuthorize("hasAnyRole('BUREAU','TOWNSHIP')")
    EnrolmentView get(Caller caller, @PathVariable String personId, @RequestParam int coverageYear) {
        return EnrolmentView.of(enrolments.find(caller, personId, coverageYear));
    }
}
