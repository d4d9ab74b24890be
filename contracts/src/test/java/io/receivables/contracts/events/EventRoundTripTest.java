package io.receivables.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.receivables.contracts.TestResources;
import io.receivables.contracts.json.EventJson;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.contracts.validation.ValidationResult;

/**
 * The Java types and the schemas describe the same JSON: every schema example read into its record and written back
 * is the same JSON, field for field, and still valid.
 */
class EventRoundTripTest {

    private final EventValidator validator = EventValidator.shared();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyExampleSurvivesARoundTripThroughItsJavaType(EventType type) {
        for (JsonNode example : EventExamples.json(type)) {
            ReceivablesEvent event = EventJson.read(example, type.eventClass());
            String written = EventJson.write(event);

            assertThat(EventJson.readTree(written)).isEqualTo(example);
            ValidationResult result = validator.validate(type.type(), written);
            assertThat(result.isValid()).as(result.describe()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void javaTypeExposesTheKafkaKeyAndTheCloudEventsSubject(EventType type) {
        // Each schema lists the id of its own aggregate first among the required fields.
        String subjectField = TestResources.json(type.schemaResource()).path("required").get(0).asText();

        for (JsonNode example : EventExamples.json(type)) {
            ReceivablesEvent event = EventJson.read(example, type.eventClass());

            assertThat(event.customerId().toString()).isEqualTo(example.path("customerId").asText());
            assertThat(event.subjectId().toString()).isEqualTo(example.path(subjectField).asText());
            assertThat(event.eventType()).isEqualTo(type);
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void examplesAreReadableAsTypedEventsForConsumersTests(EventType type) {
        assertThat(EventExamples.all(type.eventClass())).hasSameSizeAs(EventExamples.json(type))
                .allSatisfy(event -> assertThat(event).isInstanceOf(type.eventClass()));
    }
}
