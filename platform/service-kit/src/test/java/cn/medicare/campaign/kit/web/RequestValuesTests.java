package cn.medicare.campaign.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestValuesTests {

    @Test
    void aCountyCodeIsSixDigitsAndAnythingElseIsA400OnRegion() {
        assertThat(RequestValues.requireRegion("350825")).isEqualTo("350825");
        for (String wrong : new String[] {null, "", "35082", "3508250", "35082a", "350825\n"}) {
            assertThatThrownBy(() -> RequestValues.requireRegion(wrong)).isInstanceOfSatisfying(ApiException.class, refusal -> {
                assertThat(refusal.status().value()).isEqualTo(400);
                assertThat(refusal.errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("region");
                    assertThat(error.message()).isEqualTo(RequestValues.REGION_CODE);
                });
            });
        }
    }
}
