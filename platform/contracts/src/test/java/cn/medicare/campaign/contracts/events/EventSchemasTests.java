package cn.medicare.campaign.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.medicare.campaign.contracts.codes.AssistanceCategory;
import cn.medicare.campaign.contracts.codes.AssistanceSubcategory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class EventSchemasTests {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final String CODES_PACKAGE = "cn.medicare.campaign.contracts.codes.";

    static Stream<Arguments> events() {
        return Stream.concat(
                EventMother.full().stream().map(event -> Arguments.of("full " + event.type().typeName(), event)),
                EventMother.minimal().stream().map(event -> Arguments.of("minimal " + event.type().typeName(), event)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void everyEventTheCodeBuildsValidatesAgainstItsSchema(String name, Event event) {
        assertThat(validate(event.type(), EventJson.write(event))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void writeThenReadGivesAnEqualRecord(String name, Event event) {
        String json = EventJson.write(event);

        assertThat(EventJson.read(json, event.getClass())).isEqualTo(event);
        assertThat(EventJson.read(event.type().typeName(), json)).isEqualTo(event);
    }

    @Test
    void theMotherBuildsEveryEventTypeInBothVariants() {
        Set<EventType> all = Set.of(EventType.values());
        assertThat(EventMother.full().stream().map(Event::type).collect(Collectors.toSet())).isEqualTo(all);
        assertThat(EventMother.minimal().stream().map(Event::type).collect(Collectors.toSet())).isEqualTo(all);
    }

    @Test
    void everyEventTypeHasASchemaAndEverySchemaAnEventType() throws IOException, URISyntaxException {
        Path directory = Path.of(EventSchemas.class.getResource("/schemas").toURI());
        try (Stream<Path> files = Files.list(directory)) {
            Set<String> schemaFiles = files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
            Set<String> expected = Arrays.stream(EventType.values())
                    .map(type -> EventSchemas.resourcePath(type).substring("/schemas/".length()))
                    .collect(Collectors.toSet());
            assertThat(schemaFiles).isEqualTo(expected);
        }
    }

    /**
     * EVENTS.md: contracts change only by adding optional fields, so the schema a consumer fetched once must accept the
     * fields added after it, inside the event's objects too (ReconciliationCompleted's {@code rejected} was refused by the
     * schema served before it, a campaign's special-case rule refused {@code certificationWithinMonths}).
     */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachSchemaIsDraft202012WithItsTitleAndAcceptsFieldsAddedLater(EventType type) {
        JsonNode schema = EventJson.mapper().readTree(EventSchemas.schemaText(type));

        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("title").asString()).isEqualTo(type.typeName());
        assertThat(schema.get("additionalProperties").asBoolean(false)).isTrue();
        assertThat(schema.findValues("additionalProperties")).allSatisfy(nested -> assertThat(nested.asBoolean(false)).isTrue());
    }

    @Test
    void aFieldAddedInsideAnObjectLaterIsAccepted() {
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.write(EventMother.campaignDefined()));
        ((ObjectNode) json.get("specialCases").get(0)).put("aFieldOfANewerVersion", 3);
        ((ObjectNode) json.get("stages").get(0)).put("aFieldOfANewerVersion", "x");

        assertThat(validate(EventType.CAMPAIGN_DEFINED, json.toString())).isEmpty();
    }

    /**
     * What the schemas no longer refuse, the code must still declare: every field the code writes, inside its objects too,
     * is in its schema, so the event validates against the schema with every object closed again.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void everyFieldTheCodeWritesIsInItsSchema(String name, Event event) {
        ObjectNode closed = (ObjectNode) EventJson.mapper().readTree(EventSchemas.schemaText(event.type()));
        // another $id than the open schema's, which the factory may have loaded already
        closed.put("$id", "urn:closed:" + event.type().typeName());
        close(closed);

        assertThat(FACTORY.getSchema(closed.toString(), CONFIG).validate(EventJson.write(event), InputFormat.JSON)).isEmpty();
    }

    private static void close(JsonNode schema) {
        if (schema instanceof ObjectNode object && object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        schema.valueStream().forEach(EventSchemasTests::close);
    }

    /** An infant's number is masked to the county (docs/personal-data.md): the schema refused every newborn's enrolment. */
    @Test
    void aNewbornsEnrolmentMaskedToTheCountyValidates() {
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.write(EventMother.personEnrolled()));
        json.put("idNumberMasked", "350825************").put("personCategory", "NEWBORN").remove("birthYear");

        assertThat(validate(EventType.PERSON_ENROLLED, json.toString())).isEmpty();
    }

    /** The schema ties each subcategory to its category as the Java enum does: every pair validates exactly when they match. */
    @ParameterizedTest
    @EnumSource(AssistanceSubcategory.class)
    void aSubcategoryValidatesWithItsOwnCategoryOnly(AssistanceSubcategory subcategory) {
        for (AssistanceCategory category : AssistanceCategory.values()) {
            ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.write(EventMother.eligibilityAdjusted()));
            json.put("category", category.name()).put("subcategory", subcategory.name());

            assertThat(validate(EventType.ELIGIBILITY_ADJUSTED, json.toString()).isEmpty()).as(category.name())
                    .isEqualTo(category == subcategory.category());
        }
    }

    /** A schema's code list is the Java enum of the same name, as the enum writes itself in JSON. */
    @Test
    void codeListsInTheSchemasAreTheJavaEnumsAndEachIsUsed() throws ClassNotFoundException {
        Set<String> checked = new TreeSet<>();
        for (EventType type : EventType.values()) {
            JsonNode definitions = EventJson.mapper().readTree(EventSchemas.schemaText(type)).path("$defs");
            for (String name : definitions.propertyNames()) {
                JsonNode values = definitions.get(name).get("enum");
                if (values != null) {
                    Class<?> codes = Class.forName(CODES_PACKAGE + name);
                    List<String> javaValues = Arrays.stream(codes.getEnumConstants())
                            .map(constant -> EventJson.mapper().convertValue(constant, String.class))
                            .toList();
                    assertThat(values.valueStream().map(JsonNode::asString).toList())
                            .as(type.typeName() + " " + name).isEqualTo(javaValues);
                    checked.add(name);
                }
            }
        }
        assertThat(checked).containsExactly("AdjustmentAction", "Agency", "AmountRule", "AssessmentReason", "AssistanceCategory",
                "AssistanceMode", "AssistanceSubcategory", "CoverageFrom", "EnrolmentChannel", "PaymentChannel", "PaymentSource", "PersonCategory",
                "RefundDueReason", "ReportFormat", "ReportType", "Sex", "SpecialCase", "WithdrawalReason");
    }

    @Test
    void schemaTextOfEveryTypeLoads() {
        for (EventType type : EventType.values()) {
            assertThat(EventSchemas.schemaText(type)).contains("\"title\": \"" + type.typeName() + "\"");
        }
    }

    static Stream<Arguments> brokenEvents() {
        return Stream.of(
                broken("an amount with one decimal", EventMother.paymentConfirmed(),
                        json -> json.put("amount", "320.5")),
                broken("an amount as a JSON number", EventMother.refundDue(),
                        json -> json.put("amount", 140.00)),
                broken("a missing required field", EventMother.personEnrolled(),
                        json -> json.remove("personId")),
                broken("a missing required nested field", EventMother.campaignDefined(),
                        json -> ((ObjectNode) json.get("contributions")).remove("NEWBORN")),
                broken("an unknown assistance category", EventMother.eligibilityAdjusted(),
                        json -> json.put("category", "POOR_HOUSEHOLD")),
                broken("an unknown assistance subcategory", EventMother.eligibilityAdjusted(),
                        json -> json.put("subcategory", "农村低保")),
                broken("a subcategory of another category", EventMother.eligibilityAdjusted(),
                        json -> json.put("subcategory", "DISABILITY_GRADE_1")),
                broken("an unknown person category", EventMother.personUpdated(),
                        json -> json.put("personCategory", "RETIRED")),
                broken("an unknown category in a campaign's assistance", EventMother.campaignDefined(),
                        json -> ((ArrayNode) json.get("assistance").get(0).get("categories")).add("POOR_HOUSEHOLD")),
                broken("a FIXED assistance without subsidy", EventMother.campaignDefined(),
                        json -> ((ObjectNode) json.get("assistance").get(1)).remove("subsidy")),
                broken("a plain ID number beside the contract's fields", EventMother.personWithdrawn(),
                        json -> json.put("idNumber", "350825198506124013")),
                broken("a personId that is not 32 hex characters", EventMother.refundDue(),
                        json -> json.put("personId", "ABC")),
                broken("a region that is not 6 digits", EventMother.paymentConfirmed(),
                        json -> json.put("region", "35082")),
                broken("an unmasked ID number", EventMother.personEnrolled(),
                        json -> json.put("idNumberMasked", "350825198506124013")),
                broken("a mask that shows the last four characters", EventMother.personEnrolled(),
                        json -> json.put("idNumberMasked", "3508**********4013")),
                broken("a birth date next to the birth year", EventMother.personEnrolled(),
                        json -> json.put("birthDate", "1985-06-12")),
                broken("a coverage start next to coverage from birth", EventMother.personEnrolled(),
                        json -> json.put("coverageStart", "2018-01-01").put("coverageFromBirth", true)),
                broken("an effective date next to effective from birth", EventMother.eligibilityAdjustedFromBirth(),
                        json -> json.put("effectiveDate", "2017-10-01")),
                broken("neither an effective date nor effective from birth", EventMother.eligibilityAdjusted(),
                        json -> json.remove("effectiveDate")),
                broken("a withdrawal's date next to effective from birth", EventMother.personWithdrawnFromBirth(),
                        json -> json.put("effectiveDate", "2018-01-03")),
                broken("a withdrawal with neither a date nor effective from birth", EventMother.personWithdrawn(),
                        json -> json.remove("effectiveDate")),
                broken("an activation's date next to activated from birth", EventMother.eVoucherActivatedFromBirth(),
                        json -> json.put("activatedOn", "2018-01-08")),
                broken("an activation with neither a date nor activated from birth", EventMother.eVoucherActivated(),
                        json -> json.remove("activatedOn")),
                broken("an unmasked name", EventMother.personEnrolled(),
                        json -> json.put("nameMasked", "罗志强")),
                broken("a date that does not exist", EventMother.personWithdrawn(),
                        json -> json.put("effectiveDate", "2018-02-30")),
                broken("a date in another format", EventMother.reconciliationCompleted(),
                        json -> json.put("date", "2017/10/12")),
                broken("an instant with an offset", EventMother.paymentConfirmed(),
                        json -> json.put("paidAt", "2017-10-12T10:15:30+08:00")),
                broken("a report format in upper case", EventMother.reportPublished(),
                        json -> ((ArrayNode) json.get("formats")).set(0, "JSON")),
                broken("a negative count", EventMother.targetsSet(),
                        json -> ((ObjectNode) json.get("targets").get(0)).put("target", -1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenEvents")
    void theSchemasRefuse(String what, EventType type, String json) {
        assertThat(validate(type, json)).isNotEmpty();
    }

    @Test
    void anUnknownTypeHasNoSchema() {
        assertThatThrownBy(() -> EventType.ofTypeName("PersonDeleted")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Arguments broken(String what, Event event, Consumer<ObjectNode> change) {
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.write(event));
        assertThat(validate(event.type(), json.toString())).as("valid before: " + what).isEmpty();
        change.accept(json);
        return Arguments.of(what, event.type(), json.toString());
    }

    private static Set<ValidationMessage> validate(EventType type, String json) {
        JsonSchema schema = FACTORY.getSchema(EventSchemas.schemaText(type), CONFIG);
        return schema.validate(json, InputFormat.JSON);
    }
}
