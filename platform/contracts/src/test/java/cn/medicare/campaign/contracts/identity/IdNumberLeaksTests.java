package cn.medicare.campaign.contracts.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdNumberLeaksTests {

    private static final String VALID = "350825198506124017";

    @Test
    void aValidNumberAnywhereBetweenSeparatorsIsFound() {
        assertThat(IdNumberLeaks.containsIdNumber("{\"village\":\"" + VALID + "\"}")).isTrue();
        assertThat(IdNumberLeaks.containsIdNumber("城关村" + VALID + "号")).isTrue();
        assertThat(IdNumberLeaks.containsIdNumber("43082119781205124x")).isTrue();
    }

    @Test
    void personIdsSealedNumbersAndWrongCheckCharactersAreNot() {
        assertThat(IdNumberLeaks.containsIdNumber("{\"personId\":\"" + VALID + "abcdef0123456\"}")).isFalse();
        assertThat(IdNumberLeaks.containsIdNumber("350825198506124011")).isFalse();
        assertThat(IdNumberLeaks.containsIdNumber("350825***********7")).isFalse();
        assertThat(IdNumberLeaks.containsIdNumber(null)).isFalse();
    }

    /** An 18-digit voucher number has a valid check character one time in 11: it is no ID number unless it holds a birth date. */
    @Test
    void eighteenDigitsWithAValidCheckCharacterButNoBirthDateAreNot() {
        String voucher = "33508251700" + "000001";
        String withCheck = voucher + ResidentIdNumber.checkCharacter(voucher);
        assertThat(IdNumberLeaks.containsIdNumber(withCheck)).as(withCheck).isFalse();
        String febThirtieth = "35082519850230401";
        assertThat(IdNumberLeaks.containsIdNumber(febThirtieth + ResidentIdNumber.checkCharacter(febThirtieth))).isFalse();
        String leapDay = "35082520000229401";
        assertThat(IdNumberLeaks.containsIdNumber(leapDay + ResidentIdNumber.checkCharacter(leapDay))).isTrue();
    }

    @Test
    void redactingStarsEveryNumberAndLeavesEverythingElse() {
        String other = "43082119781205124X";
        String personId = "{\"personId\":\"" + VALID + "abcdef0123456\"";

        assertThat(IdNumberLeaks.redact(personId + ",\"a\":\"" + VALID + "\",\"b\":[\"" + other + "\"]," + VALID + "}"))
                .isEqualTo(personId + ",\"a\":\"" + "*".repeat(18) + "\",\"b\":[\"" + "*".repeat(18) + "\"]," + "*".repeat(18) + "}");
        assertThat(IdNumberLeaks.redact(VALID)).isEqualTo("*".repeat(18));
        assertThat(IdNumberLeaks.redact("350825198506124011 城关村")).isEqualTo("350825198506124011 城关村");
        assertThat(IdNumberLeaks.redact(null)).isNull();
    }

    /** The tax bureau's numbers run letters and digits together: a payer's number inside one is starred there, nothing else. */
    @Test
    void withinNumbersANumberInsideALongerOneIsStarredAndOtherDigitsStay() {
        assertThat(IdNumberLeaks.redactWithinNumbers("TK" + VALID + "01")).isEqualTo("TK" + "*".repeat(18) + "01");
        assertThat(IdNumberLeaks.redactWithinNumbers("voucher 43082119781205124x refused")).isEqualTo("voucher " + "*".repeat(18) + " refused");
        assertThat(IdNumberLeaks.redactWithinNumbers("CS2018 350825198506124011")).isEqualTo("CS2018 350825198506124011");
        assertThat(IdNumberLeaks.idNumberShapes("TK" + VALID).boxed()).containsExactly(2);
    }
}
