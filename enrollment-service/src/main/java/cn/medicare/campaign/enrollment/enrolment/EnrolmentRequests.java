package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.SpecialCase;
import cn.medicare.campaign.contracts.identity.ResidentIdCheck;
import cn.medicare.campaign.contracts.identity.ResidentIdNumber;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.privacy.FreeText;
import cn.medicare.campaign.kit.web.InputError;
import cn.medicare.campaign.kit.web.RequestValues;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Everything wrong with an enrolment request at once, so that a clerk fixes the form in one go. */
final class EnrolmentRequests {

    private static final Pattern REGION = Pattern.compile("[0-9]{6}");
    private static final Pattern TOWNSHIP = Pattern.compile("[0-9]{9}");
    /** +86 and a mobile's 11 digits, or an area code and a landline: never the 15 or 18 of an ID number in the wrong column. */
    static final int MAX_PLACE = 100;
    static final int MAX_NAME = 50;
    static final int MAX_REMARKS = 500;

    private EnrolmentRequests() {
    }

    /** @return the valid ID number, or a 400 naming every field that is wrong */
    static ResidentIdCheck.Valid check(EnrolmentRequest request, LocalDate today) {
        List<InputError> errors = new ArrayList<>();
        ResidentIdCheck id = request.idNumber() == null ? null : ResidentIdNumber.check(request.idNumber(), today);
        if (id == null) {
            errors.add(InputError.field("idNumber", "必填 / is required"));
        } else if (!id.isValid()) {
            id.problems().forEach(problem -> errors.add(InputError.field("idNumber", problem)));
        }
        if (request.name() == null || request.name().isBlank() || request.name().strip().length() > MAX_NAME) {
            errors.add(InputError.field("name", "必填，最多 " + MAX_NAME + " 个字符 / is required, at most " + MAX_NAME + " characters"));
        } else {
            nameProblem(request.name()).ifPresent(errors::add);
        }
        if (request.region() == null || !REGION.matcher(request.region()).matches()) {
            errors.add(InputError.field("region", "应为 6 位县（区）代码，如 350825 / is a 6-digit county code such as 350825"));
        }
        if (request.coverageYear() == null) {
            errors.add(InputError.field("coverageYear", "必填，如 2018 / is required, e.g. 2018"));
        }
        if (request.township() == null || !TOWNSHIP.matcher(request.township().trim()).matches()) {
            errors.add(InputError.field("township", "应为 9 位乡镇代码 / is a 9-digit township code"));
        } else if (request.region() != null && REGION.matcher(request.region()).matches()
                && !request.township().trim().startsWith(request.region())) {
            errors.add(InputError.field("township", "乡镇 " + request.township().trim() + " 不属于县（区） " + request.region()
                    + " / township " + request.township().trim() + " is not in region " + request.region()));
        }
        if (request.village() == null || request.village().isBlank() || request.village().strip().length() > MAX_PLACE) {
            errors.add(InputError.field("village", "必填，最多 " + MAX_PLACE + " 个字符 / is required, at most " + MAX_PLACE + " characters"));
        }
        if (request.school() != null && request.school().strip().length() > MAX_PLACE) {
            errors.add(InputError.field("school", "最多 " + MAX_PLACE + " 个字符 / has at most " + MAX_PLACE + " characters"));
        }
        if (request.schoolClass() != null && request.schoolClass().strip().length() > MAX_PLACE) {
            errors.add(InputError.field("schoolClass", "最多 " + MAX_PLACE + " 个字符 / has at most " + MAX_PLACE + " characters"));
        }
        if (request.remarks() != null && request.remarks().strip().length() > MAX_REMARKS) {
            errors.add(InputError.field("remarks", "最多 " + MAX_REMARKS + " 个字符 / has at most " + MAX_REMARKS + " characters"));
        }
        if (request.specialCase() != null) {
            if (request.specialCase().specialCase() == null) {
                errors.add(InputError.field("specialCase.case", "必填，应为 " + Arrays.toString(SpecialCase.values())
                        + " 之一 / is required: one of " + Arrays.toString(SpecialCase.values())));
            }
            if (request.specialCase().date() != null && request.specialCase().date().isAfter(today)) {
                errors.add(InputError.field("specialCase.date", "不能晚于今天 / is not in the future"));
            } else if (request.specialCase().date() != null && id instanceof ResidentIdCheck.Valid known
                    && request.specialCase().date().isBefore(known.birthDate())) {
                errors.add(InputError.field("specialCase.date", RequestValues.BEFORE_BIRTH));
            }
            if (request.specialCase().employeeYears() != null
                    && (request.specialCase().employeeYears() < 0 || request.specialCase().employeeYears() > 80)) {
                errors.add(InputError.field("specialCase.employeeYears", "应为年数，0 至 80 / is a number of years, 0 to 80"));
            }
        }
        if (request.enrolledOn() != null && request.enrolledOn().isAfter(today)) {
            errors.add(InputError.field("enrolledOn", "不能晚于今天 / is not in the future"));
        }
        if (request.hukouLocal() == null) {
            errors.add(InputError.field("hukouLocal", "必填：本地户籍时为 true / is required: true when the household register is local"));
        }
        if (request.residencePermit() == null) {
            errors.add(InputError.field("residencePermit", "必填：持有本地居住证时为 true / is required: true when the resident holds "
                    + "a local residence permit"));
        }
        RequestValues.phoneProblem(request.phone()).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return (ResidentIdCheck.Valid) id;
    }

    /** A name is printed in full on the Friday lists, so one holding an ID number (a pasted cell) is refused. */
    static Optional<InputError> nameProblem(String name) {
        return FreeText.redact(name).equals(name) ? Optional.empty()
                : Optional.of(InputError.field("name", "姓名中不能含身份证号码 / holds no ID number"));
    }
}
