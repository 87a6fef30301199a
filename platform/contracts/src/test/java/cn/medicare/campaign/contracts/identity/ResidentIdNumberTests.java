package cn.medicare.campaign.contracts.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.medicare.campaign.contracts.codes.Sex;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTests {

    private static final LocalDate TODAY = LocalDate.of(2025, 10, 31);
    private static final String CHARACTERS = "0123456789X";

    /** Liancheng man, Xinning woman, and a number whose check character is X. */
    static List<String> validNumbers() {
        return List.of(
                withCheck("35082519850612401"),
                withCheck("43082119900101002"),
                withCheck("43082119781205108"),
                withCheck("35082520000229003"));
    }

    @Test
    void theFixtureHasANumberEndingInX() {
        assertThat(validNumbers()).anyMatch(number -> number.endsWith("X"));
        assertThat(withCheck("43082119781205108")).isEqualTo("43082119781205108X");
    }

    @ParameterizedTest
    @MethodSource("validNumbers")
    void validNumbersPass(String number) {
        assertThat(ResidentIdNumber.check(number, TODAY).problems()).isEmpty();
        assertThat(ResidentIdNumber.isValid(number, TODAY)).isTrue();
        assertThat(ResidentIdNumber.checkCharacter(number.substring(0, 17))).isEqualTo(number.charAt(17));
    }

    @ParameterizedTest
    @MethodSource("validNumbers")
    void everySingleMistypedCharacterIsRejected(String number) {
        int substitutions = 0;
        for (int position = 0; position < 18; position++) {
            for (char replacement : CHARACTERS.toCharArray()) {
                if (replacement != number.charAt(position)) {
                    String mistyped = number.substring(0, position) + replacement + number.substring(position + 1);
                    assertThat(ResidentIdNumber.isValid(mistyped, TODAY)).as(mistyped).isFalse();
                    substitutions++;
                }
            }
        }
        assertThat(substitutions).isEqualTo(18 * 10);
    }

    @ParameterizedTest
    @MethodSource("validNumbers")
    void everySwapOfTwoNeighboursIsRejected(String number) {
        int swaps = 0;
        for (int position = 0; position < 17; position++) {
            char left = number.charAt(position);
            char right = number.charAt(position + 1);
            if (left != right) {
                String swapped = number.substring(0, position) + right + left + number.substring(position + 2);
                assertThat(ResidentIdNumber.isValid(swapped, TODAY)).as(swapped).isFalse();
                swaps++;
            }
        }
        assertThat(swaps).isGreaterThan(8);
    }

    @Test
    void aValidNumberTellsBirthDateAndSex() {
        ResidentIdCheck.Valid man = (ResidentIdCheck.Valid) ResidentIdNumber.check(withCheck("35082519850612401"), TODAY);
        ResidentIdCheck.Valid woman = (ResidentIdCheck.Valid) ResidentIdNumber.check(withCheck("43082119900101002"), TODAY);

        assertThat(man.birthDate()).isEqualTo(LocalDate.of(1985, 6, 12));
        assertThat(man.sex()).isEqualTo(Sex.MALE);
        assertThat(woman.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(woman.sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void aLowerCaseXAndSurroundingSpacesAreAcceptedAndNormalised() {
        ResidentIdCheck check = ResidentIdNumber.check("  43082119781205108x\t", TODAY);

        assertThat(check).isInstanceOf(ResidentIdCheck.Valid.class);
        assertThat(((ResidentIdCheck.Valid) check).number()).isEqualTo("43082119781205108X");
    }

    @Test
    void lengthIsExplained() {
        assertThat(ResidentIdNumber.check("35082519850612401", TODAY).problems())
                .containsExactly("身份证号码应为18位，当前为17位 (an ID number has 18 characters; this one has 17)");
        assertThat(ResidentIdNumber.check("3508251985061240170", TODAY).problems())
                .containsExactly("身份证号码应为18位，当前为19位 (an ID number has 18 characters; this one has 19)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptyNumberIsExplained(String raw) {
        assertThat(ResidentIdNumber.check(raw, TODAY).problems()).containsExactly("身份证号码为空 (the ID number is empty)");
        assertThat(ResidentIdNumber.check(null, TODAY).isValid()).isFalse();
    }

    @Test
    void nonDigitsAreExplainedByPosition() {
        assertThat(ResidentIdNumber.check("35082519850612A017", TODAY).problems())
                .containsExactly("前17位只能是数字，第15位不是 (the first 17 characters are digits; character 15 is not)");
        assertThat(ResidentIdNumber.check("350825198506124017".replace('7', 'Y'), TODAY).problems())
                .containsExactly("最后一位只能是数字或X (the last character is a digit or X)");
        // Full-width digits look right on screen but are not digits.
        assertThat(ResidentIdNumber.check("３50825198506124017", TODAY).problems()).hasSize(1);
    }

    @Test
    void aWrongCheckCharacterIsExplained() {
        assertThat(ResidentIdNumber.check("350825198506124018", TODAY).problems())
                .containsExactly("校验位不符，号码有误 (the check character does not match: a character is mistyped)");
    }

    @Test
    void aBirthDateThatDoesNotExistIsExplained() {
        assertThat(ResidentIdNumber.check(withCheck("35082520230230001"), TODAY).problems())
                .containsExactly("出生日期20230230不存在 (birth date 20230230 does not exist)");
    }

    @Test
    void february29thExistsOnlyInLeapYears() {
        assertThat(ResidentIdNumber.check(withCheck("35082520000229003"), TODAY).isValid()).isTrue();
        assertThat(ResidentIdNumber.check(withCheck("35082520230229001"), TODAY).problems())
                .containsExactly("出生日期20230229不存在 (birth date 20230229 does not exist)");
        assertThat(ResidentIdNumber.check(withCheck("35082519000229001"), TODAY).problems())
                .containsExactly("出生日期19000229不存在 (birth date 19000229 does not exist)");
    }

    @Test
    void aBirthDateAfterTodayIsRefusedButTodayIsFine() {
        assertThat(ResidentIdNumber.check(withCheck("35082520251101002"), TODAY).problems())
                .containsExactly("出生日期在未来 (birth date is in the future)");
        assertThat(ResidentIdNumber.check(withCheck("35082520251031002"), TODAY).isValid()).isTrue();
        assertThat(ResidentIdNumber.check(withCheck("35082520251101002"), TODAY.plusDays(1)).isValid()).isTrue();
    }

    @Test
    void aBirthDateBefore1900IsRefused() {
        assertThat(ResidentIdNumber.check(withCheck("35082518991231001"), TODAY).problems())
                .containsExactly("出生日期早于1900年 (birth date is before 1900)");
    }

    @Test
    void regionCodesAreExplained() {
        assertThat(ResidentIdNumber.check(withCheck("99082519850612401"), TODAY).problems())
                .containsExactly("地区码开头99不是省级行政区代码 (the region code begins with 99, which is no province)");
        assertThat(ResidentIdNumber.check(withCheck("35000019850612401"), TODAY).problems())
                .containsExactly("地区码350000只到省级，缺少市县 (region code 350000 names a province, not a county)");
        assertThat(ResidentIdNumber.check(withCheck("82010119850612401"), TODAY).isValid()).isTrue();
        // 港澳台居民居住证: Hong Kong, Macau and Taiwan residents' numbers name their home alone, and they enrol too
        for (String home : List.of("810000", "820000", "830000")) {
            assertThat(ResidentIdNumber.check(withCheck(home + "19850612401"), TODAY).isValid()).as(home).isTrue();
        }
        assertThat(ResidentIdNumber.check(withCheck("71000019850612401"), TODAY).problems()).as("Taiwan's province code alone")
                .containsExactly("地区码710000只到省级，缺少市县 (region code 710000 names a province, not a county)");
    }

    @Test
    void independentProblemsAreAllReported() {
        assertThat(ResidentIdNumber.check("990825202302300010", TODAY).problems()).hasSize(3);
    }

    @Test
    void noMessageRepeatsTheNumber() {
        List<String> wrong = List.of("350825198506124018", "35082519850612401", "990825202302300010",
                withCheck("35082520251101002"), "35082519850612A017");
        for (String number : wrong) {
            assertThat(ResidentIdNumber.check(number, TODAY).problems()).isNotEmpty()
                    .allSatisfy(problem -> assertThat(problem).doesNotContain(number.substring(0, 14)));
        }
        ResidentIdCheck valid = ResidentIdNumber.check(withCheck("35082519850612401"), TODAY);
        assertThat(valid.toString()).as("the mask, the birth date and the sex together leave some 45 numbers")
                .doesNotContain("350825", "1985-06-12", "MALE");
    }

    @Test
    void theCheckCharacterNeedsSeventeenDigits() {
        assertThatThrownBy(() -> ResidentIdNumber.checkCharacter("3508251985061240"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResidentIdNumber.checkCharacter("3508251985061240X"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** ISO 7064 MOD 11-2 computed the textbook way (weights 2^(17-i) mod 11), not with the production table. */
    static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = 1;
            for (int power = 0; power < 17 - i; power++) {
                weight = weight * 2 % 11;
            }
            sum += (first17.charAt(i) - '0') * weight;
        }
        int value = (12 - sum % 11) % 11;
        return first17 + (value == 10 ? "X" : String.valueOf(value));
    }
}
