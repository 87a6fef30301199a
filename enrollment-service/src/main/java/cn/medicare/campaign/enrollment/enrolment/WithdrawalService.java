package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.events.PersonWithdrawn;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a resident off the roster for a year (death, employee insurance, moving away, a duplicate
 * registration) and announces it, so that every figure drops the person from the effective date.
 */
@Service
class WithdrawalService {

    private final EnrolmentStore roster;
    private final OutboxWriter outbox;

    WithdrawalService(EnrolmentStore roster, OutboxWriter outbox) {
        this.roster = roster;
        this.outbox = outbox;
    }

    @Transactional
    Enrolment withdraw(Caller caller, String personId, WithdrawalRequest request) {
        List<InputError> errors = new ArrayList<>();
        if (request.coverageYear() == null) {
            errors.add(InputError.field("coverageYear", "is required, e.g. 2018"));
        }
        if (request.reason() == null) {
            errors.add(InputError.field("reason", "is one of DECEASED, EMPLOYEE_INSURANCE, MOVED_AWAY, DUPLICATE"));
        }
        if (request.effectiveDate() == null) {
            errors.add(InputError.field("effectiveDate", "is required: the day the person leaves the figures"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Enrolment enrolment = roster.findForUpdate(personId, request.coverageYear())
                .orElseThrow(() -> ApiException.notFound("该人员该年度没有参保登记 / no enrolment of this person for " + request.coverageYear()));
        caller.requireMayActIn(enrolment.township());
        if (enrolment.withdrawnOn() != null) {
            throw ApiException.conflict("resident " + enrolment.idNumberMasked() + " was already withdrawn on " + enrolment.withdrawnOn());
        }
        roster.withdraw(personId, request.coverageYear(), request.reason(), request.effectiveDate());
        outbox.append(new PersonWithdrawn(personId, request.coverageYear(), enrolment.region(), request.reason(), request.effectiveDate()));
        return roster.find(personId, request.coverageYear()).orElseThrow();
    }
}
