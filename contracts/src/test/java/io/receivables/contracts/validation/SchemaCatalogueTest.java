package io.receivables.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.receivables.contracts.TestResources;
import io.receivables.contracts.events.EventExamples;
import io.receivables.contracts.events.EventType;

/** The schema files themselves: complete, strict, and with examples that hold. */
class SchemaCatalogueTest {

    private final EventValidator validator = EventValidator.shared();

    @Test
    void schemaFolderHoldsExactlyOneSchemaPerEventTypePlusCommon() {
        Stream<String> expected = Stream.concat(Stream.of("common.json"),
                Arrays.stream(EventType.values()).map(type -> type.type() + ".json"));

        assertThat(TestResources.fileNames("schemas/v1")).containsExactlyInAnyOrderElementsOf(expected.toList());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsDraft202012WithTheIdAndTitleOfItsType(EventType type) {
        JsonNode schema = TestResources.json(type.schemaResource());

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(type.schemaId());
        assertThat(schema.path("title").asText()).isEqualTo(type.type());
        assertThat(schema.path("description").asText()).contains(type.topic());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyExampleOfTheSchemaIsValid(EventType type) {
        List<JsonNode> examples = EventExamples.json(type);

        assertThat(examples).isNotEmpty();
        for (JsonNode example : examples) {
            ValidationResult result = validator.validate(type, example);
            assertThat(result.isValid()).as(result.describe()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventNamesItsCustomerBecauseTheCustomerIdIsTheKafkaKey(EventType type) {
        JsonNode schema = TestResources.json(type.schemaResource());

        assertThat(schema.path("required")).extracting(JsonNode::asText).contains("customerId");
        assertThat(schema.at("/properties/customerId/$ref").asText()).isEqualTo("common.json#/$defs/uuid");
    }

    @Test
    void everyObjectInEverySchemaForbidsUnknownFieldsAndListsItsRequiredOnes() {
        List<String> offenders = new ArrayList<>();
        for (String file : TestResources.fileNames("schemas/v1")) {
            collectLaxObjects(file, "", TestResources.json("schemas/v1/" + file), offenders);
        }

        assertThat(offenders).isEmpty();
    }

    @Test
    void everyReferenceStaysInsideTheCatalogueSoValidationNeverFetchesFromTheNetwork() {
        List<String> refs = new ArrayList<>();
        for (String file : TestResources.fileNames("schemas/v1")) {
            TestResources.json("schemas/v1/" + file).findValues("$ref").forEach(ref -> refs.add(ref.asText()));
        }

        assertThat(refs).isNotEmpty().allMatch(ref -> ref.startsWith("#/$defs/") || ref.startsWith("common.json#/$defs/"),
                "is local or into common.json");
    }

    @Test
    void moneyDefinitionsAreStringsNeverNumbers() {
        JsonNode defs = TestResources.json("schemas/v1/common.json").path("$defs");

        for (String money : List.of("money", "nonNegativeMoney", "positiveMoney", "zeroMoney", "positiveDecimal", "rate")) {
            assertThat(defs.path(money).path("type").asText()).as(money).isEqualTo("string");
            assertThat(defs.path(money).path("pattern").asText()).as(money).startsWith("^").endsWith("$");
        }
        assertThat(defs.at("/money/pattern").asText()).isEqualTo("^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$");
    }

    /** A node declaring "type": "object" is an object schema; "if" conditions and examples are not. */
    private static void collectLaxObjects(String file, String pointer, JsonNode node, List<String> offenders) {
        if (node.isObject()) {
            if ("object".equals(node.path("type").asText())) {
                if (!node.path("additionalProperties").isBoolean() || node.path("additionalProperties").asBoolean()) {
                    offenders.add(file + "#" + pointer + " allows additional properties");
                }
                if (!node.path("required").isArray() || node.path("required").isEmpty()) {
                    offenders.add(file + "#" + pointer + " has no required list");
                }
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!field.getKey().equals("examples")) {
                    collectLaxObjects(file, pointer + "/" + field.getKey(), field.getValue(), offenders);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectLaxObjects(file, pointer + "/" + i, node.get(i), offenders);
            }
        }
    }
}
