package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.events.PersonUpdated;
import cn.medicare.campaign.contracts.events.TargetsSet;
import cn.medicare.campaign.contracts.identity.PersonIds;
import cn.medicare.campaign.contracts.policy.EnrolmentPolicy;
import cn.medicare.campaign.enrollment.campaign.CampaignStore;
import cn.medicare.campaign.kit.identity.ContactSealer;
import cn.medicare.campaign.kit.outbox.OutboxWriter;
import cn.medicare.campaign.kit.privacy.FreeText;
import cn.medicare.campaign.kit.security.Caller;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import cn.medicare.campaign.kit.web.RequestValues;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrects or moves an enrolment (a new village, a child who became a student, a household moved
 * to another township) and announces only what changed, as PersonUpdated.
 */
@Service
class ChangeService {

    private final EnrolmentStore roster;
    private final CampaignStore campaigns;
    private final AuditStore audit;
    private final OutboxWriter outbox;
    private final Clock clock;

    private final ContactSealer contacts;

    ChangeService(EnrolmentStore roster, CampaignStore campaigns, AuditStore audit, OutboxWriter outbox, Clock clock,
            ObjectProvider<ContactSealer> contacts) {
        this.contacts = contacts.getIfAvailable();
        this.roster = roster;
        this.campaigns = campaigns;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The names of the fields a change touched, for the audit (never their values: a phone or a name stays home). */
    private static String changedFields(Enrolment changed, Enrolment current) {
        List<String> fields = new ArrayList<>();
        if (!changed.name().equals(current.name())) {
            fields.add("name");
        }
        if (!Objects.equals(changed.phone(), current.phone())) {
            fields.add("phone");
        }
        if (changed.personCategory() != current.personCategory()) {
            fields.add("personCategory " + current.personCategory() + " -> " + changed.personCategory());
        }
        if (!changed.township().equals(current.township())) {
            fields.add("township " + current.township() + " -> " + changed.township());
        }
        if (!changed.village().equals(current.village())) {
            fields.add("village");
        }
        if (!Objects.equals(changed.school(), current.school())) {
            fields.add("school");
        }
        if (changed.hukouLocal() != current.hukouLocal() || changed.residencePermit() != current.residencePermit()) {
            fields.add("hukouLocal/residencePermit");
        }
        return String.join(", ", fields);
    }

    @Transactional
    Enrolment change(Caller caller, String personId, int coverageYear, EnrolmentChange change) {
        Enrolment current = roster.findForUpdate(personId, coverageYear)
                .orElseThrow(() -> ApiException.notFound("该人员该年度没有参保登记 / no enrolment of this person for " + coverageYear));
        caller.requireMayActIn(current.township());
        if (change.township() != null) {
            // a household moving to another township is the bureau's to record, not one township's
            caller.requireMayActIn(change.township());
        }
        if (current.withdrawnOn() != null) {
            throw ApiException.conflict("居民 " + current.idNumberMasked() + " 已于 " + current.withdrawnOnShown().chinese() + " 退出参保，已退出的参保登记不能变更"
                    + " / resident " + current.idNumberMasked() + " was withdrawn on " + current.withdrawnOnShown().english()
                    + "; a withdrawn enrolment is not changed");
        }
        check(current, change);
        Enrolment changed = new Enrolment(current.personId(), current.coverageYear(), current.region(), current.idNumberSealed(),
                current.idNumberMasked(), or(change.name(), current.name()), or(change.phone() == null ? null : change.phone().trim(), current.phone()),
                current.birthDate(), current.sex(), category(current, change),
                or(change.township(), current.township()), or(FreeText.redactedOrNull(change.village()), current.village()),
                change.clearsSchool() ? null : or(FreeText.redactedOrNull(change.school()), current.school()),
                or(change.hukouLocal(), current.hukouLocal()), or(change.residencePermit(), current.residencePermit()),
                current.channel(), current.enrolledOn(), current.coverageStart(), current.waitingPeriodDays(), current.enrolledBy(),
                null, null, false, current.terms());
        if (changed.equals(current)) {
            return current;
        }
        roster.update(changed);
        audit.record(personId, coverageYear, clock.instant(), caller.clientId(), "CHANGED", null, changedFields(changed, current));
        outbox.append(new PersonUpdated(personId, coverageYear, current.region(),
                differs(changed.township(), current.township()), differs(changed.village(), current.village()),
                schoolChange(changed.school(), current.school()), differs(changed.personCategory(), current.personCategory()),
                differs(changed.hukouLocal(), current.hukouLocal()), differs(changed.residencePermit(), current.residencePermit()),
                changed.name().equals(current.name()) ? null : PersonIds.maskName(changed.name()),
                contacts == null || changed.name().equals(current.name()) && Objects.equals(changed.phone(), current.phone()) ? null
                        : contacts.seal(changed.name(), changed.phone())));
        return changed;
    }

    private void check(Enrolment current, EnrolmentChange change) {
        List<InputError> errors = new ArrayList<>();
        // read once, and only for a change of the township, village or school
        List<TargetsSet.Unit> units = change.township() != null || change.village() != null || change.school() != null
                ? campaigns.units(current.region(), current.coverageYear()) : List.of();
        if (change.township() != null) {
            List<TargetsSet.Target> targets = campaigns.targets(current.region(), current.coverageYear());
            if (targets.stream().noneMatch(target -> target.township().equals(change.township()))) {
                errors.add(InputError.field("township", "该乡镇在本年度方案中没有任务 / has no target in the "
                        + current.coverageYear() + " campaign of " + current.region()));
            }
        }
        if (change.village() != null && (change.village().isBlank() || change.village().length() > EnrolmentRequests.MAX_PLACE)) {
            errors.add(InputError.field("village", "不能为空，最多 " + EnrolmentRequests.MAX_PLACE + " 个字符 / is not blank, at most "
                    + EnrolmentRequests.MAX_PLACE + " characters"));
        } else if ((change.village() != null || change.township() != null) && !aPupil(current, change)) {
            // a move keeps the village's name unless the clerk gives the new one: the pair is checked; a pupil's is the class
            UnitRule.villageProblem(or(change.township(), current.township()), or(change.village(), current.village()),
                    UnitRule.villagesByTownship(units)).ifPresent(errors::add);
        }
        if (change.school() != null && change.school().length() > EnrolmentRequests.MAX_PLACE) {
            errors.add(InputError.field("school", "最多 " + EnrolmentRequests.MAX_PLACE + " 个字符 / has at most " + EnrolmentRequests.MAX_PLACE
                    + " characters"));
        } else if (change.school() != null) {
            UnitRule.schoolProblem(change.school(), UnitRule.schools(units)).ifPresent(errors::add);
        }
        if (change.name() != null && (change.name().isBlank() || change.name().length() > EnrolmentRequests.MAX_NAME)) {
            errors.add(InputError.field("name", "不能为空，最多 " + EnrolmentRequests.MAX_NAME + " 个字符 / is not blank, at most "
                    + EnrolmentRequests.MAX_NAME + " characters"));
        } else if (change.name() != null) {
            EnrolmentRequests.nameProblem(change.name()).ifPresent(errors::add);
        }
        RequestValues.phoneProblem(change.phone()).ifPresent(errors::add);
        if (change.personCategory() != null) {
            // the amount follows the category (subsidy-service re-assesses on PersonUpdated), so it must fit the birth date
            campaigns.find(current.region(), current.coverageYear())
                    .map(campaign -> EnrolmentPolicy.categoryContradiction(change.personCategory(), current.birthDate(), campaign))
                    .ifPresent(contradiction -> errors.add(InputError.field("personCategory", contradiction)));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /** The category as the enrolment records it: a MINOR born after the period opened is the NEWBORN it is, as at enrolment. */
    private PersonCategory category(Enrolment current, EnrolmentChange change) {
        if (change.personCategory() == null) {
            return current.personCategory();
        }
        return campaigns.find(current.region(), current.coverageYear())
                .map(campaign -> EnrolmentPolicy.categoryOf(change.personCategory(), current.birthDate(), campaign))
                .orElse(change.personCategory());
    }

    private static <T> T or(T changed, T current) {
        return changed != null ? changed : current;
    }

    /** PersonUpdated carries changed fields only; a school left is announced as "" (docs/events.md), as null means unchanged. */
    private static String schoolChange(String changed, String current) {
        return changed == null && current != null ? "" : differs(changed, current);
    }

    /** PersonUpdated carries changed fields only. */
    private static <T> T differs(T changed, T current) {
        return Objects.equals(changed, current) ? null : changed;
    }

    /** Whether the enrolment names a school once changed: its 村/社区/班级 is the class (附件4), as at enrolment, no village to check. */
    private static boolean aPupil(Enrolment current, EnrolmentChange change) {
        String school = change.clearsSchool() ? null : or(change.school(), current.school());
        return school != null && !school.isBlank();
    }
}
