package cn.medicare.campaign.contracts.identity;

import cn.medicare.campaign.contracts.codes.Sex;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** The outcome of {@link ResidentIdNumber#check}: a usable number, or what is wrong with it. */
public sealed interface ResidentIdCheck permits ResidentIdCheck.Valid, ResidentIdCheck.Invalid {

    boolean isValid();

    /** Messages for the person who typed the number, Chinese then English; empty when valid. */
    List<String> problems();

    /** A valid number, normalised (trimmed, a final x upper-cased), with what it encodes. */
    record Valid(String number, LocalDate birthDate, Sex sex) implements ResidentIdCheck {

        public Valid {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(birthDate, "birthDate");
            Objects.requireNonNull(sex, "sex");
        }

        @Override
        public boolean isValid() {
            return true;
        }

        @Override
        public List<String> problems() {
            return List.of();
        }

        /**
         * Nothing of the number, because results end up in log lines: the 6+1 mask next to the birth date and the sex
         * left some 45 candidates (docs/personal-data.md).
         */
        @Override
        public String toString() {
            return "Valid[number hidden]";
        }
    }

    record Invalid(List<String> problems) implements ResidentIdCheck {

        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid number has at least one problem");
            }
        }

        @Override
        public boolean isValid() {
            return false;
        }
    }
}
