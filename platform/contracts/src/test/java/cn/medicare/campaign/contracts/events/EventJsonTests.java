package cn.medicare.campaign.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.medicare.campaign.contracts.Topics;
import cn.medicare.campaign.contracts.codes.AssistanceMode;
import cn.medicare.campaign.contracts.codes.AssistanceSubcategory;
import cn.medicare.campaign.contracts.codes.PaymentChannel;
import cn.medicare.campaign.contracts.codes.PaymentSource;
import cn.medicare.campaign.contracts.codes.PersonCategory;
import cn.medicare.campaign.contracts.codes.RefundDueReason;
import cn.medicare.campaign.contracts.codes.SpecialCase;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

class EventJsonTests {

    @Test
    void amountsAreStringsWithTwoDecimals() {
        String json = EventJson.write(EventMother.contributionAssessed());

        assertThat(json).contains("\"standardAmount\":\"180.00\"", "\"subsidyAmount\":\"140.00\"",
                "\"payableAmount\":\"40.00\"");
    }

    @Test
    void otherDecimalsArePlainStringsAndDatesIsoStrings() {
        String json = EventJson.write(EventMother.campaignDefined());

        assertThat(json).contains("\"participationGoal\":\"0.98\"", "\"percent\":\"50\"", "\"threshold\":\"0.50\"",
                "\"start\":\"2017-09-01\"", "\"GENERAL\":\"180.00\"", "\"COLLEGE_STUDENT\":\"180.00\"");
        assertThat(EventJson.write(EventMother.paymentConfirmed())).contains("\"paidAt\":\"2017-10-12T02:15:30Z\"");
    }

    @Test
    void nullOptionalFieldsAreOmitted() {
        assertThat(EventJson.write(EventMother.minimalPersonEnrolled())).doesNotContain("school", "null");
        assertThat(EventJson.write(EventMother.minimalPersonUpdated()))
                .isEqualTo("{\"personId\":\"" + EventMother.PERSON_ID + "\",\"coverageYear\":2018,\"region\":\"350825\"}");
        assertThat(EventJson.write(EventMother.campaignDefined())).doesNotContain("null");
    }

    /** A subcategory tells certifications of its category apart: one of another category would end the wrong ones. */
    @Test
    void aSubcategoryOfAnotherCategoryIsRefused() {
        EligibilityAdjusted rural = EventMother.eligibilityAdjusted();

        assertThatThrownBy(() -> new EligibilityAdjusted(rural.personId(), rural.coverageYear(), rural.region(), rural.agency(),
                rural.category(), rural.action(), rural.effectiveDate(), null, rural.batchId(), rural.township(), rural.village(),
                AssistanceSubcategory.URBAN_EXTREME_POVERTY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("URBAN_EXTREME_POVERTY");
        assertThat(EventJson.write(rural)).contains("\"subcategory\":\"RURAL_MINIMUM_LIVING\"");
    }

    @Test
    void theReportTypeIsWrittenAsTypeAndTheEventTypeNotAtAll() {
        String json = EventJson.write(EventMother.reportPublished());

        assertThat(json).contains("\"type\":\"WEEKLY\"", "\"formats\":[\"json\",\"csv\",\"xlsx\",\"html\"]")
                .doesNotContain("reportType", "REPORT_PUBLISHED", "\"key\"");
    }

    @Test
    void unknownFieldsAreIgnoredSoProducersCanAddOptionalOnes() {
        String json = EventJson.write(EventMother.refundDue()).replace("}", ",\"approvedBy\":\"bureau\",\"extra\":{\"a\":1}}");

        assertThat(EventJson.read(json, RefundDue.class)).isEqualTo(EventMother.refundDue());
    }

    @Test
    void aMissingRequiredFieldFailsToRead() {
        String withoutReason = EventJson.write(EventMother.refundDue()).replace(",\"reason\":\"ASSISTANCE_AFTER_PAYMENT\"", "");
        String withoutYear = EventJson.write(EventMother.refundDue()).replace(",\"coverageYear\":2018", "");

        assertThatThrownBy(() -> EventJson.read(withoutReason, RefundDue.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> EventJson.read(withoutYear, RefundDue.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void readsByTypeName() {
        String json = EventJson.write(EventMother.paymentConfirmed());

        assertThat(EventJson.read("PaymentConfirmed", json)).isEqualTo(EventMother.paymentConfirmed());
        assertThatThrownBy(() -> EventJson.read("PaymentLost", json)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theModuleKeepsWireFormatsInAMapperConfiguredOtherwise() {
        JsonMapper http = JsonMapper.builder()
                .addModule(EventJson.module())
                .enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        Map<String, Object> body = Map.of("on", LocalDate.of(2017, 9, 1), "at", Instant.parse("2017-10-12T02:15:30Z"),
                "amount", new BigDecimal("1E+3"));

        assertThat(http.writeValueAsString(body))
                .contains("\"on\":\"2017-09-01\"", "\"at\":\"2017-10-12T02:15:30Z\"", "\"amount\":\"1000\"");
    }

    @Test
    void amountsAreNormalisedToFen() {
        assertThat(EventMother.refundDue().amount()).isEqualTo(new BigDecimal("140.00"));
        assertThat(Amounts.yuan(new BigDecimal("320.5"))).isEqualTo(new BigDecimal("320.50"));
        assertThat(Amounts.yuan(new BigDecimal("320.5000"))).isEqualTo(new BigDecimal("320.50"));
        assertThat(Amounts.yuan(new BigDecimal("1E+2")).toPlainString()).isEqualTo("100.00");
        assertThatThrownBy(() -> Amounts.yuan(new BigDecimal("320.505"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefundDue(EventMother.PERSON_ID, 2018, "350825", new BigDecimal("0.001"),
                RefundDueReason.DUPLICATE_PAYMENT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requiredFieldsAreNamedWhenMissing() {
        assertThatThrownBy(() -> new PaymentConfirmed(EventMother.PERSON_ID, 2018, "350825", null, BigDecimal.TEN,
                PaymentChannel.BANK, Instant.EPOCH,
                PaymentSource.WEBHOOK))
                .isInstanceOf(NullPointerException.class).hasMessage("voucherNo");
        assertThatThrownBy(() -> new CampaignDefined.Assistance(List.of(),
                AssistanceMode.FIXED, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("subsidy");
    }

    @Test
    void contributionsGiveTheStandardAmountOfEachCategory() {
        CampaignDefined.Contributions contributions = new CampaignDefined.Contributions(new BigDecimal("420"),
                new BigDecimal("200"), new BigDecimal("200.0"), new BigDecimal("350"), new BigDecimal("180"));

        assertThat(contributions.amountFor(PersonCategory.GENERAL)).isEqualTo("420.00");
        assertThat(contributions.amountFor(PersonCategory.STUDENT)).isEqualTo("200.00");
        assertThat(contributions.amountFor(PersonCategory.MINOR)).isEqualTo("200.00");
        assertThat(contributions.amountFor(PersonCategory.COLLEGE_STUDENT)).isEqualTo("350.00");
        assertThat(contributions.amountFor(PersonCategory.NEWBORN)).isEqualTo("180.00");
    }

    /** A rule for 新认定困难人员 may allow two months for the certification; a case without one allows the next month. */
    @Test
    void theCertificationsWindowIsTheCasesRuleOrTheNextMonth() {
        CampaignDefined campaign = EventJson.read(EventJson.write(EventMother.campaignDefined()), CampaignDefined.class);

        assertThat(campaign.certificationWithinMonths(SpecialCase.NEWLY_ASSISTED)).isEqualTo(2);
        assertThat(campaign.certificationWithinMonths(SpecialCase.WELFARE_INSTITUTION)).isEqualTo(1);
        assertThat(EventJson.write(campaign)).contains("\"coverageFrom\":\"DAY_AFTER_PAYMENT\",\"certificationWithinMonths\":2}");
    }

    @Test
    void keysFollowTheTopicsTable() {
        assertThat(EventMother.campaignDefined().key()).isEqualTo("350825:2018:campaign");
        assertThat(EventMother.targetsSet().key()).isEqualTo("350825:2018:targets");
        assertThat(EventMother.reconciliationCompleted().key()).isEqualTo("2017-10-12");
        assertThat(EventMother.reportPublished().key()).isEqualTo("r-2017-11-17-weekly-350825");
        assertThat(EventMother.full().stream().filter(PersonEvent.class::isInstance).map(Event::key))
                .hasSize(11).containsOnly(EventMother.PERSON_ID);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachTypeKnowsItsNameTopicAndPayload(EventType type) {
        Event sample = EventMother.full().stream().filter(event -> event.type() == type).findFirst().orElseThrow();

        assertThat(type.payloadClass()).isEqualTo(sample.getClass());
        assertThat(type.typeName()).isEqualTo(type.payloadClass().getSimpleName());
        assertThat(EventType.ofTypeName(type.typeName())).isEqualTo(type);
        assertThat(Topics.ALL).contains(type.topic());
        assertThat(type.schemaVersion()).isEqualTo(1);
    }

    @Test
    void eventsAreOnTheirTopics() {
        Map<String, String> topicOf = Map.of("CampaignDefined", Topics.CAMPAIGN, "TargetsSet", Topics.CAMPAIGN,
                "PersonWithdrawn", Topics.ROSTER, "EligibilityAdjusted", Topics.ELIGIBILITY,
                "ContributionAssessed", Topics.ELIGIBILITY, "RefundDue", Topics.PAYMENTS,
                "ReconciliationCompleted", Topics.RECONCILIATION, "ReportPublished", Topics.REPORTS);
        topicOf.forEach((name, topic) -> assertThat(EventType.ofTypeName(name).topic()).as(name).isEqualTo(topic));
        assertThat(Arrays.stream(EventType.values()).map(EventType::topic).distinct()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    /** The dates read by hand ({@link PayloadReadingModule}) are read as Jackson reads them, and refused where it refuses them. */
    @ParameterizedTest
    @ValueSource(strings = {"2018-01-01", "2017-10-09", "2016-02-29", "0000-01-01", "9999-12-31", "2018-02-29", "2018-13-01", "2018-00-10",
            "2018-1-01", "2018-01-1", "20180101", "2018/01/01", "2018-01-01T00:00:00", "+2018-01-01", "-018-01-01", "2018-0a-01",
            "２０１８-01-01", " 2018-01-01", ""})
    void aDateIsReadAsJacksonReadsIt(String text) {
        String json = "\"" + text + "\"";

        Object ours = outcome(() -> EventJson.mapper().readValue(json, LocalDate.class));

        assertThat(ours).isEqualTo(outcome(() -> EventJson.withoutReadingShortcuts().readValue(json, LocalDate.class)));
    }

    /** The instants read by hand ({@link WireTimes}) are read as Jackson reads them, and refused where it refuses them. */
    @ParameterizedTest
    @ValueSource(strings = {"2017-10-20T02:00:00Z", "2017-10-20T02:00:00.5Z", "2017-10-20T02:00:00.123456789Z", "0000-01-01T00:00:00Z",
            "2017-10-20T10:00:00+08:00", "2016-12-31T23:59:60Z", "2017-10-20T24:00:00Z", "2017-02-29T02:00:00Z", "2017-10-20T02:00:00",
            "2017-10-20T02:00:00.Z", "2017-10-20 02:00:00Z", "1508464800", "+12017-10-20T02:00:00Z", ""})
    void anInstantIsReadAsJacksonReadsIt(String text) {
        String json = "\"" + text + "\"";

        Object ours = outcome(() -> EventJson.mapper().readValue(json, Instant.class));

        assertThat(ours).isEqualTo(outcome(() -> EventJson.withoutReadingShortcuts().readValue(json, Instant.class)));
    }

    /** A constructor's refusal reaches the consumer as Jackson reports it, naming the class and why, not as a bare exception. */
    @Test
    void aPayloadItsConstructorRefusesFailsAsJacksonReportsIt() {
        String json = EventJson.write(EventMother.refundDue()).replace("\"140.00\"", "\"0.001\"");

        Object ours = outcome(() -> EventJson.read(json, RefundDue.class));

        assertThat(ours).isEqualTo(outcome(() -> EventJson.withoutReadingShortcuts().readValue(json, RefundDue.class)))
                .asString().startsWith("tools.jackson.databind.exc.ValueInstantiationException").contains("RefundDue", "yuan");
        assertThatThrownBy(() -> EventJson.read(json, RefundDue.class))
                .as("made through the module's constructor handle").hasStackTraceContaining("SpreadConstructor.createFromObjectWith");
    }

    /** The mapper reads every date and instant through the module, which leaves what is not the wire's form to Jackson. */
    @Test
    void datesAndInstantsGoThroughTheModule() {
        assertThatThrownBy(() -> EventJson.mapper().readValue("\"2018-13-01\"", LocalDate.class))
                .hasStackTraceContaining("WireFormDeserializer.deserialize");
        assertThatThrownBy(() -> EventJson.read(EventJson.write(EventMother.paymentConfirmed()).replace("T02:15:30Z", "T25:15:30Z"),
                PaymentConfirmed.class)).hasStackTraceContaining("WireFormDeserializer.deserialize");
    }

    /** A date with a pattern of its own is held to it, as Jackson holds it, even where the text is in the wire's form. */
    @ParameterizedTest
    @ValueSource(strings = {"2018-01-01", "01.01.2018"})
    void aDateWithAPatternOfItsOwnIsReadAsJacksonReadsIt(String text) {
        String json = "{\"on\":\"" + text + "\"}";

        Object ours = outcome(() -> EventJson.mapper().readValue(json, Dated.class));

        assertThat(ours).isEqualTo(outcome(() -> EventJson.withoutReadingShortcuts().readValue(json, Dated.class)));
    }

    record Dated(@JsonFormat(pattern = "dd.MM.yyyy") LocalDate on) {
    }

    /** Jackson passes a varargs constructor its array as one argument; the module's handle takes it so too. */
    @Test
    void aRecordWithVarargsIsRead() {
        assertThat(EventJson.mapper().readValue("{\"names\":[\"a\",\"b\"]}", Named.class).names()).containsExactly("a", "b");
    }

    record Named(String... names) {
    }

    @Test
    void everyEventIsReadAsJacksonReadsIt() {
        for (Event event : Stream.concat(EventMother.full().stream(), EventMother.minimal().stream()).toList()) {
            String json = EventJson.write(event);

            assertThat(EventJson.read(json, event.getClass())).as(event.type().typeName())
                    .isEqualTo(EventJson.withoutReadingShortcuts().readValue(json, event.getClass())).isEqualTo(event);
        }
    }

    /** What was read, or the class and message of the failure. */
    private static Object outcome(Callable<?> read) {
        try {
            return read.call();
        } catch (Exception failure) {
            return failure.getClass().getName() + ": " + failure.getMessage();
        }
    }
}
