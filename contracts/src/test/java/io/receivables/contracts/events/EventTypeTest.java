package io.receivables.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.receivables.contracts.CloudEventHeaders;
import io.receivables.contracts.TestResources;
import io.receivables.contracts.Topics;

class EventTypeTest {

    @ParameterizedTest(name = "{0} is published on {1} by {2}")
    @CsvSource({
            "customer-registered, ar.invoicing.events, /receivables/invoicing-service",
            "customer-updated,    ar.invoicing.events, /receivables/invoicing-service",
            "invoice-issued,      ar.invoicing.events, /receivables/invoicing-service",
            "invoice-voided,      ar.invoicing.events, /receivables/invoicing-service",
            "invoice-written-off, ar.invoicing.events, /receivables/invoicing-service",
            "credit-note-issued,  ar.invoicing.events, /receivables/invoicing-service",
            "payment-received,    ar.payments.events,  /receivables/payments-service",
            "payment-allocated,   ar.payments.events,  /receivables/payments-service",
            "payment-reversed,    ar.payments.events,  /receivables/payments-service",
            "payment-unallocated, ar.payments.events,  /receivables/payments-service",
            "refund-issued,       ar.payments.events,  /receivables/payments-service",
            "payment-plan-created,   ar.payments.events, /receivables/payments-service",
            "payment-plan-broken,    ar.payments.events, /receivables/payments-service",
            "payment-plan-completed, ar.payments.events, /receivables/payments-service",
            "dispute-opened,      ar.disputes.events,  /receivables/disputes-service",
            "dispute-resolved,    ar.disputes.events,  /receivables/disputes-service",
            "dispute-updated,     ar.disputes.events,  /receivables/disputes-service",
            "dispute-reopened,    ar.disputes.events,  /receivables/disputes-service",
            "dispute-sla-breached, ar.disputes.events, /receivables/disputes-service",
            "reminder-sent,       ar.dunning.events,   /receivables/dunning-service",
            "late-fee-assessed,   ar.dunning.events,   /receivables/dunning-service",
            "account-escalated,   ar.dunning.events,   /receivables/dunning-service",
            // dhold: promises to pay and recalled escalations
            "promise-made,        ar.dunning.events,   /receivables/dunning-service",
            "promise-kept,        ar.dunning.events,   /receivables/dunning-service",
            "promise-broken,      ar.dunning.events,   /receivables/dunning-service",
            "escalation-recalled, ar.dunning.events,   /receivables/dunning-service" })
    void eachTypeIsPublishedOnItsServicesTopicWithItsServicesSource(String type, String topic, String source) {
        EventType eventType = EventType.fromType(type);

        assertThat(eventType.topic()).isEqualTo(topic);
        assertThat(eventType.source()).isEqualTo(source);
        assertThat(Topics.ALL).contains(topic);
    }

    @Test
    void catalogueHasExactlyTheTypesListedAbove() {
        assertThat(EventType.values()).hasSize(26);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaOfEveryTypeIsOnTheClassPathUnderItsId(EventType type) {
        assertThat(type.schemaResource()).isEqualTo("schemas/v1/" + type.type() + ".json");
        assertThat(TestResources.exists(type.schemaResource())).isTrue();
        assertThat(type.schemaId()).isEqualTo("https://receivables.io/schemas/v1/" + type.type() + ".json");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typeIsFoundByItsNameAndByItsJavaType(EventType type) {
        assertThat(EventType.fromType(type.type())).isSameAs(type);
        assertThat(EventType.find(type.type())).contains(type);
        assertThat(EventType.of(type.eventClass())).isSameAs(type);
    }

    @Test
    void unknownTypeNameIsAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> EventType.fromType("INVOICE_ISSUED"))
                .isInstanceOfSatisfying(UnknownEventTypeException.class,
                        e -> assertThat(e.type()).isEqualTo("INVOICE_ISSUED"))
                .hasMessageContaining("invoice-issued");
        assertThat(EventType.find(null)).isEmpty();
    }

    @Test
    void everyEventRecordIsInTheCatalogue() {
        assertThat(ReceivablesEvent.class.getPermittedSubclasses())
                .containsExactlyInAnyOrder(Arrays.stream(EventType.values()).map(EventType::eventClass)
                        .toArray(Class<?>[]::new));
    }

    @Test
    void everyPublisherHasItsOwnTopicAndSource() {
        assertThat(Arrays.stream(Publisher.values()).map(Publisher::topic)).containsExactlyElementsOf(Topics.ALL);
        assertThat(Arrays.stream(Publisher.values()).map(Publisher::source)).containsExactly(
                CloudEventHeaders.INVOICING_SOURCE, CloudEventHeaders.PAYMENTS_SOURCE,
                CloudEventHeaders.DISPUTES_SOURCE, CloudEventHeaders.DUNNING_SOURCE);
        assertThat(Arrays.stream(Publisher.values()).map(Publisher::serviceName))
                .allSatisfy(name -> assertThat(Publisher.valueOf(name.replace("-service", "").toUpperCase()))
                        .isNotNull());
    }
}
