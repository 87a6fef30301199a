package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.codes.SpecialCase;
import cn.medicare.campaign.contracts.identity.ResidentIdCheck;
import cn.medicare.campaign.contracts.identity.ResidentIdNumber;
import cn.medicare.campaign.kit.web.ApiException;
import cn.medicare.campaign.kit.web.InputError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Everything wrong with an enrolment request at once, so that a clerk fixes the form in one go. */
final class EnrolmentRequests {

    private static final Pattern REGION = Pattern.compile("[0-9]{6}");
    private static final Pattern TOWNSHIP = Pattern.compile("[0-9]{9}");
    static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");
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
            errors.add(InputError.field("idNumber", "is required"));
        } else if (!id.isValid()) {
            id.problems().forEach(problem -> errors.add(InputError.field("idNumber", problem)));
        }
        if (request.name() == null || request.name().isBlank() || request.name().strip().length() > MAX_NAME) {
            errors.add(InputError.field("name", "is required, at most " + MAX_NAME + " characters"));
        }
        if (request.region() == null || !REGION.matcher(request.region()).matches()) {
            errors.add(InputError.field("region", "is a 6-digit county code such as 350825"));
        }
        if (request.coverageYear() == null) {
            errors.add(InputError.field("coverageYear", "is required, e.g. 2018"));
        }
        if (request.township() == null || !TOWNSHIP.matcher(request.township().trim()).matches()) {
            errors.add(InputError.field("township", "is a 9-digit township code"));
        } else if (request.region() != null && REGION.matcher(request.region()).matches()
                && !request.township().trim().startsWith(request.region())) {
            errors.add(InputError.field("township", "township " + request.township().trim() + " is not in region " + request.region()));
        }
        if (request.village() == null || request.village().isBlank() || request.village().strip().length() > MAX_PLACE) {
            errors.add(InputError.field("village", "is required, at most " + MAX_PLACE + " characters"));
        }
        if (request.school() != null && request.school().strip().length() > MAX_PLACE) {
            errors.add(InputError.field("school", "has at most " + MAX_PLACE + " characters"));
        }
        if (request.schoolClass() != null && request.schoolClass().strip().length() > MAX_PLACE) {
            errors.add(InputError.field("schoolClass", "has at most " + MAX_PLACE + " characters"));
        }
        if (request.remarks() != null && request.remarks().strip().length() > MAX_REMARKS) {
            errors.add(InputError.field("remarks", "has at most " + MAX_REMARKS + " characters"));
        }
        if (request.specialCase() != null) {
            if (request.specialCase().specialCase() == null) {
                errors.add(InputError.field("specialCase.case", "is required: one of " + Arrays.toString(SpecialCase.values())));
            }
            if (request.specialCase().date() != null && request.specialCase().date().isAfter(today)) {
                errors.add(InputError.field("specialCase.date", "is not in the future"));
            }
            if (request.specialCase().employeeYears() != null
                    && (request.specialCase().employeeYears() < 0 || request.specialCase().employeeYears() > 80)) {
                errors.add(InputError.field("specialCase.employeeYears", "is a number of years, 0 to 80"));
            }
        }
        if (request.enrolledOn() != null && request.enrolledOn().isAfter(today)) {
            errors.add(InputError.field("enrolledOn", "is not in the future"));
        }
        if (request.hukouLocal() == null) {
            errors.add(InputError.field("hukouLocal", "is required: true when the household register is local"));
        }
        if (request.residencePermit() == null) {
            errors.add(InputError.field("residencePermit", "is required: true when the resident holds a local residence permit"));
        }
        if (request.phone() != null && !request.phone().isBlank() && !PHONE.matcher(request.phone().trim()).matches()) {
            errors.add(InputError.field("phone", "is a telephone number"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return (ResidentIdCheck.Valid) id;
    }
}
