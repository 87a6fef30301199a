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

    /** A voucher number the tax bureau made with the payer's number run into it was published in PaymentConfirmed. */
    @Test
    void anIdentifierHoldingANumberRunIntoItsOtherCharactersIsFound() {
        assertThat(IdNumberLeaks.holdsIdNumberAnywhere("PZ" + VALID)).isTrue();
        assertThat(IdNumberLeaks.holdsIdNumberAnywhere(VALID + "001")).isTrue();
        assertThat(IdNumberLeaks.containsIdNumber("PZ" + VALID)).as("a token of 20 characters").isFalse();
        assertThat(IdNumberLeaks.holdsIdNumberAnywhere("33508251700000001")).isFalse();
        assertThat(IdNumberLeaks.holdsIdNumberAnywhere("PZ350825198506124011")).as("a wrong check character").isFalse();
        assertThat(IdNumberLeaks.holdsIdNumberAnywhere("PZ350825198513324017")).as("no such birth date").isFalse();
        assertThat(IdNumberLeaks.holdsIdNumberAnywhere(null)).isFalse();
    }
}
