package cn.medicare.campaign.enrollment.enrolment;

import cn.medicare.campaign.contracts.identity.NearBirthRule;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A person enrols once (DOMAIN.md): not after their death, not in both resident and employee
 * insurance, not in two regions. Why an enrolment is refused, in words a clerk reads.
 */
final class EnrolmentBlockRule {

    private EnrolmentBlockRule() {
    }

    /**
     * @param today the day the enrolment is made (its {@code enrolledOn} may be earlier)
     * @param deathOnRoster the effective date of a DECEASED withdrawal on the roster, or null
     * @param exclusions what other agencies' lists say about the person
     * @param employeeInsuranceEnded the day the person's employee insurance ended, where the enrolment is an
     *     EMPLOYEE_INSURANCE_LAPSE: a 人社 list that put them in it before that day no longer stands in the way
     */
    static Optional<String> why(int coverageYear, LocalDate today, LocalDate deathOnRoster, List<ExclusionStore.Exclusion> exclusions,
            LocalDate employeeInsuranceEnded) {
        return why(coverageYear, today, deathOnRoster, exclusions, employeeInsuranceEnded, NearBirthRule.Shown::of);
    }

    /**
     * @param shown how the answer writes the death's day: its date, or the birth's words for one near the birth, told to a
     *     clerk who named the person by person id, not by the number (NearBirthRule)
     */
    static Optional<String> why(int coverageYear, LocalDate today, LocalDate deathOnRoster, List<ExclusionStore.Exclusion> exclusions,
            LocalDate employeeInsuranceEnded, Function<LocalDate, NearBirthRule.Shown> shown) {
        LocalDate death = deathOf(deathOnRoster, exclusions);
        // a death applies from its date: nobody enrols a person after it, whatever day the enrolment is dated
        if (death != null && !death.isAfter(today)) {
            return Optional.of("该居民已于" + shown.apply(death).chinese() + "死亡，不能参保 / the resident died on "
                    + shown.apply(death).english());
        }
        return besidesDeath(coverageYear, exclusions, employeeInsuranceEnded);
    }

    /** The earliest death the roster or the police's list records, or null. */
    static LocalDate deathOf(LocalDate deathOnRoster, List<ExclusionStore.Exclusion> exclusions) {
        LocalDate death = deathOnRoster;
        for (ExclusionStore.Exclusion exclusion : exclusions) {
            if (exclusion.kind() == ExclusionStore.Kind.DECEASED && (death == null || exclusion.effectiveDate().isBefore(death))) {
                death = exclusion.effectiveDate();
            }
        }
        return death;
    }

    /** Why the person cannot be enrolled for the year other than a death: employee insurance, another region. */
    static Optional<String> besidesDeath(int coverageYear, List<ExclusionStore.Exclusion> exclusions, LocalDate employeeInsuranceEnded) {
        for (ExclusionStore.Exclusion exclusion : exclusions) {
            if (exclusion.coverageYear() == null || exclusion.coverageYear() != coverageYear) {
                continue;
            }
            if (exclusion.kind() == ExclusionStore.Kind.EMPLOYEE_INSURANCE && !leftEmployeeInsurance(employeeInsuranceEnded, exclusion.effectiveDate())) {
                return Optional.of("该居民已参加" + coverageYear + "年度职工医保（" + exclusion.effectiveDate() + "起），不能重复参保"
                        + " / already in employee insurance for " + coverageYear);
            }
            if (exclusion.kind() == ExclusionStore.Kind.OTHER_REGION) {
                return Optional.of("该居民已在其他地区参加" + coverageYear + "年度居民医保，不能重复参保 / already enrolled in another region for "
                        + coverageYear);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a lapse enrolment's employee insurance ended on or after the day a 人社 list put the person in it: the
     * list then no longer stands in the way, neither of the enrolment nor when the list is sent again.
     */
    static boolean leftEmployeeInsurance(LocalDate employeeInsuranceEnded, LocalDate listedFrom) {
        return employeeInsuranceEnded != null && !employeeInsuranceEnded.isBefore(listedFrom);
    }
}
