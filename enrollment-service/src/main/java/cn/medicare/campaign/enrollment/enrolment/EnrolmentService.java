package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.EnrolmentChannel;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.events.CampaignDefined;
import cn.medicare.campaign.contracts.events.PersonEnrolled;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.contracts.identity.IdNumberSealer;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.contracts.identity.ResidentIdCheck;
import cn.medicare.campaign.enrollment.campaign.CampaignStore;
import cn.medicare.campaign.kit.BusinessTime;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Puts residents on the roster and announces each one on {@code insurance.roster.v1}. */
@Service
class EnrolmentService {

    record Enrolled(String personId, LocalDate coverageStart, int waitingPeriodDays) {
    }

    private final EnrolmentStore roster;
    private final CampaignStore campaigns;
    private final PersonIds personIds;
    private final IdNumberSealer sealer;
    private final OutboxWriter outbox;
    private final Clock clock;

    EnrolmentService(EnrolmentStore roster, CampaignStore campaigns, PersonIds personIds, IdNumberSealer sealer,
            OutboxWriter outbox, Clock clock) {
        this.roster = roster;
        this.campaigns = campaigns;
        this.personIds = personIds;
        this.sealer = sealer;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Enrolled enrol(Caller caller, EnrolmentRequest request) {
        LocalDate today = BusinessTime.today(clock);
        ResidentIdCheck.Valid id = EnrolmentRequests.check(request, today);
        caller.requireMayActIn(request.township().trim());
        CampaignDefined campaign = campaigns.find(request.region(), request.coverageYear())
                .orElseThrow(() -> ApiException.ruleViolated("there is no campaign for region " + request.region()
                        + " and coverage year " + request.coverageYear() + " yet"));
        requireKnownTownship(request);
        PersonCategory category = request.personCategory() != null ? request.personCategory()
                : CoverageRules.defaultCategory(id.birthDate(), campaign);
        LocalDate enrolledOn = request.enrolledOn() != null ? request.enrolledOn() : today;
        if (enrolledOn.isBefore(campaign.collectionPeriod().start())) {
            throw ApiException.invalid("enrolledOn", "is on or after the start of the collection period, "
                    + campaign.collectionPeriod().start());
        }
        CoverageRules.Coverage coverage = CoverageRules.coverage(enrolledOn, category, id.birthDate(), campaign);
        Enrolment enrolment = new Enrolment(personIds.personId(id.number()), request.coverageYear(), request.region(),
                sealer.seal(id.number()), PersonIds.maskIdNumber(id.number()), request.name().trim(), blankToNull(request.phone()),
                id.birthDate(), id.sex(), category, request.township().trim(), request.village().trim(), blankToNull(request.school()),
                request.hukouLocal(), request.residencePermit(),
                request.school() == null || request.school().isBlank() ? EnrolmentChannel.TOWNSHIP : EnrolmentChannel.SCHOOL,
                enrolledOn, coverage.start(), coverage.waitingPeriodDays(), caller.clientId());
        if (!roster.add(enrolment, clock.instant())) {
            throw ApiException.conflict("resident " + enrolment.idNumberMasked() + " is already enrolled for " + request.coverageYear());
        }
        outbox.append(announcement(enrolment));
        return new Enrolled(enrolment.personId(), enrolment.coverageStart(), enrolment.waitingPeriodDays());
    }

    @Transactional(readOnly = true)
    Enrolment find(Caller caller, String personId, int coverageYear) {
        Enrolment enrolment = roster.find(personId, coverageYear)
                .orElseThrow(() -> ApiException.notFound("no enrolment of " + personId + " for " + coverageYear));
        caller.requireMayActIn(enrolment.township());
        return enrolment;
    }

    private void requireKnownTownship(EnrolmentRequest request) {
        List<TargetsSet.Target> targets = campaigns.targets(request.region(), request.coverageYear());
        if (targets.stream().noneMatch(target -> target.township().equals(request.township().trim()))) {
            throw ApiException.invalid(List.of(InputError.field("township", "township " + request.township().trim()
                    + " has no target in the " + request.coverageYear() + " campaign of " + request.region())));
        }
    }

    private static PersonEnrolled announcement(Enrolment enrolment) {
        return new PersonEnrolled(enrolment.personId(), enrolment.coverageYear(), enrolment.region(), enrolment.idNumberMasked(),
                enrolment.idNumberSealed(), PersonIds.maskName(enrolment.name()), enrolment.birthDate(), enrolment.sex(),
                enrolment.personCategory(), enrolment.township(), enrolment.village(), enrolment.school(), enrolment.hukouLocal(),
                enrolment.residencePermit(), enrolment.channel(), enrolment.coverageStart(), enrolment.waitingPeriodDays());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
