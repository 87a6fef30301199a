package cn.medicare.campaign.contracts.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodesTests {

    @ParameterizedTest
    @CsvSource({"ADD, ADD", "EXIT, EXIT", "新增, ADD", "退出, EXIT", "' 新增 ', ADD", "add, ADD"})
    void adjustmentActionsAreReadInCodesOrChinese(String text, AdjustmentAction expected) {
        assertThat(AdjustmentAction.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "增加", "REMOVE"})
    void otherActionsAreRefused(String text) {
        assertThatThrownBy(() -> AdjustmentAction.parse(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("新增");
    }

    @Test
    void eachAgencyCertifiesTheCategoriesOfDomainMd() {
        assertThat(AssistanceCategory.MINIMUM_LIVING.agency()).isEqualTo(Agency.CIVIL_AFFAIRS);
        assertThat(AssistanceCategory.DE_FACTO_UNSUPPORTED_CHILD.agency()).isEqualTo(Agency.CIVIL_AFFAIRS);
        assertThat(AssistanceCategory.RETURNED_TO_POVERTY.agency()).isEqualTo(Agency.RURAL_REVITALIZATION);
        assertThat(AssistanceCategory.DISABILITY_MODERATE.agency()).isEqualTo(Agency.DISABLED_FEDERATION);
        assertThat(AssistanceCategory.PRIORITY_VETERAN.agency()).isEqualTo(Agency.VETERANS_AFFAIRS);
        assertThat(AssistanceCategory.SEVERE_MENTAL_ILLNESS.agency()).isEqualTo(Agency.HEALTH);
        assertThat(Arrays.stream(AssistanceCategory.values()).map(AssistanceCategory::agency).distinct())
                .containsExactlyInAnyOrder(Agency.values());
    }

    @ParameterizedTest
    @EnumSource(Agency.class)
    void agenciesAreFoundByTheirApiClientId(Agency agency) {
        assertThat(Agency.ofClientId(agency.clientId())).isEqualTo(agency);
        assertThat(agency.clientId()).matches("[a-z]+(-[a-z]+)?");
    }

    @Test
    void clientIdsAreThoseOfApiMd() {
        assertThat(Agency.CIVIL_AFFAIRS.clientId()).isEqualTo("civil-affairs");
        assertThat(Agency.RURAL_REVITALIZATION.clientId()).isEqualTo("rural-revitalization");
        assertThat(Agency.DISABLED_FEDERATION.clientId()).isEqualTo("disabled-federation");
        assertThat(Agency.VETERANS_AFFAIRS.clientId()).isEqualTo("veterans-affairs");
        assertThat(Agency.HEALTH.clientId()).isEqualTo("health");
        assertThatThrownBy(() -> Agency.ofClientId("bureau")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportFormatsAreFileExtensions() {
        assertThat(Arrays.stream(ReportFormat.values()).map(ReportFormat::extension))
                .containsExactly("json", "csv", "xlsx", "html");
    }
}
