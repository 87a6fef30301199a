package cn.medicare.campaign.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LocalInfrastructureTests {

    @Test
    void theBrokersControllerNeverSharesTheClientPort() {
        assertThat(LocalInfrastructure.kafkaPorts(0, new int[] {41000, 41001})).isEqualTo(new LocalInfrastructure.KafkaPorts(41000, 41001));
        assertThat(LocalInfrastructure.kafkaPorts(9092, new int[] {41000, 41001})).isEqualTo(new LocalInfrastructure.KafkaPorts(9092, 41001));
        // the client port given is the second free one found: the controller takes the first
        assertThat(LocalInfrastructure.kafkaPorts(41001, new int[] {41000, 41001})).isEqualTo(new LocalInfrastructure.KafkaPorts(41001, 41000));
    }

    @Test
    void freePortsAskedTogetherAreDifferent() {
        int[] ports = LocalInfrastructure.freePorts(20);

        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(20);
        assertThat(Arrays.stream(ports).min().getAsInt()).isPositive();
    }
}
