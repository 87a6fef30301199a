package cn.medicare.campaign.subsidy.adjustment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdNumberRedactionTests {

    @Test
    void masksIdNumbersWhereverTheyAppear() {
        assertThat(IdNumberRedaction.redact("not: 35082519850612401x, 350825198506124027"))
                .isEqualTo("not: 3508**********401x, 3508**********4027");
    }

    @Test
    void leavesOtherNumbersAlone() {
        assertThat(IdNumberRedaction.redact("350825100 13800000000 2017-10-15 3508251985061240111"))
                .isEqualTo("350825100 13800000000 2017-10-15 3508251985061240111");
    }
}
