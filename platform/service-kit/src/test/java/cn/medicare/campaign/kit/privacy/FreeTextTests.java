package cn.medicare.campaign.kit.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreeTextTests {

    @Test
    void idLikeRunsOfFifteenOrMoreBecomeStars() {
        assertThat(FreeText.redact("城关村350825198506124017号")).isEqualTo("城关村" + "*".repeat(18) + "号");
        assertThat(FreeText.redact("not: 35082519850612401x, 350825850612401")).isEqualTo("not: " + "*".repeat(18) + ", " + "*".repeat(15));
        assertThat(FreeText.redact("全角３５０８２５１９８５０６１２４０１７")).isEqualTo("全角" + "*".repeat(18));
        assertThat(FreeText.redact("in parts 350825 19850612 4017, 350825-19850612-401X")).isEqualTo("in parts " + "*".repeat(20) + ", "
                + "*".repeat(20));
    }

    @Test
    void phoneNumbersCodesAndDatesStay() {
        String ordinary = "350825100 13800000000 2017-10-15 莲峰村 12345678901234";
        assertThat(FreeText.redact(ordinary)).isEqualTo(ordinary);
    }

    @Test
    void blankOptionalTextIsKeptAsNothing() {
        assertThat(FreeText.redactedOrNull("  ")).isNull();
        assertThat(FreeText.redactedOrNull(null)).isNull();
        assertThat(FreeText.redactedOrNull(" 一中 ")).isEqualTo("一中");
    }
}
