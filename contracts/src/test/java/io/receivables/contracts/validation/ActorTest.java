package io.receivables.contracts.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.receivables.contracts.TestResources;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.EventExamples;
import io.receivables.contracts.events.EventType;
import io.receivables.contracts.events.InvoiceVoided;
import io.receivables.contracts.events.ReceivablesEvent;
import io.receivables.contracts.json.EventJson;

/** The optional {@code actor} of every v1 event: a backward-compatible addition (contracts/README.md). */
class ActorTest {

    private final EventValidator validator = EventValidator.shared();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everySchemaTakesAnOptionalActorAndHasAnExampleWithAndOneWithoutIt(EventType type) {
        JsonNode schema = TestResources.json(type.schemaResource());
        List<JsonNode> examples = EventExamples.json(type);

        assertThat(schema.at("/properties/actor/$ref").asText()).isEqualTo("common.json#/$defs/actor");
        assertThat(schema.path("required")).extracting(JsonNode::asText).doesNotContain("actor");
        assertThat(examples).anyMatch(example -> example.has("actor")).anyMatch(example -> !example.has("actor"));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void anEventWithAnActorAndAnOlderOneWithoutBothValidateAndRead(EventType type) {
        JsonNode withActor = EventExamples.json(type).stream().filter(example -> example.has("actor")).findFirst()
                .orElseThrow();
        ObjectNode older = withActor.deepCopy();
        older.remove("actor");

        assertThat(validator.validate(type, withActor).isValid()).as(validator.validate(type, withActor).describe())
                .isTrue();
        assertThat(validator.validate(type, older).isValid()).isTrue();
        ReceivablesEvent read = validator.readValid(type.type(), withActor.toString());
        assertThat(read.actor()).isNotNull();
        assertThat(read.actor().id()).isEqualTo(withActor.at("/actor/id").asText());
        assertThat(validator.readValid(type.type(), older.toString()).actor()).isNull();
    }

    @Test
    void theRecordWritesItsActorAndLeavesItOutWithoutOne() {
        InvoiceVoided example = EventExamples.first(InvoiceVoided.class);
        Actor accountant = new Actor(Actor.Kind.USER, UUID.randomUUID().toString(), "accountant", null);
        InvoiceVoided withActor = new InvoiceVoided(example.invoiceId(), example.invoiceNumber(), example.customerId(),
                example.currency(), example.total(), example.reasonCode(), example.note(), example.voidedAt(),
                example.effectiveDate(), accountant);

        String json = EventJson.write(withActor);
        assertThat(validator.validate("invoice-voided", json).isValid()).isTrue();
        assertThat(json).contains("\"actor\":{\"kind\":\"USER\"").doesNotContain("clientId").doesNotContain("displayName");
        assertThat(validator.readValid("invoice-voided", json)).isEqualTo(withActor);
        assertThat(EventJson.write(example)).doesNotContain("actor");
    }

    @Test
    void aMalformedActorIsRefused() {
        JsonNode example = EventExamples.json(EventType.INVOICE_VOIDED).get(0);
        for (String actor : List.of("{\"kind\":\"ROBOT\",\"id\":\"x\"}", "{\"kind\":\"USER\"}",
                "{\"kind\":\"USER\",\"id\":\"a b\"}", "{\"kind\":\"USER\",\"id\":\"x\",\"role\":\"ar-admin\"}",
                "{\"kind\":\"SYSTEM\",\"id\":\"billing-scheduler\"}",
                "{\"kind\":\"SYSTEM\",\"id\":\"system:billing-scheduler\",\"username\":\"admin\"}", "\"accountant\"")) {
            ObjectNode body = example.deepCopy();
            body.set("actor", EventJson.readTree(actor));
            assertThat(validator.validate(EventType.INVOICE_VOIDED, body).isValid()).as(actor).isFalse();
        }
    }

    @Test
    void aSystemActorIsNamedSystemColonSomething() {
        assertThat(Actor.system("billing-scheduler").id()).isEqualTo("system:billing-scheduler");
        assertThat(Actor.system("billing-scheduler").displayName()).isEqualTo("system:billing-scheduler");
        assertThatThrownBy(() -> new Actor(Actor.Kind.SYSTEM, "billing-scheduler", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
