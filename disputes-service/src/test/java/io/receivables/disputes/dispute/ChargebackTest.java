package io.receivables.disputes.dispute;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.CloudEventProducer;
import io.receivables.contracts.events.Actor;
import io.receivables.contracts.events.DisputeOpened;
import io.receivables.contracts.events.PaymentReversed;
import io.receivables.contracts.json.EventJson;
import io.receivables.disputes.DisputesDatabase;
import io.receivables.disputes.ReceivableEvents;
import io.receivables.local.testing.LocalInfraTestResource;

/**
 * A payment-reversed with reasonCode CHARGEBACK opens one CHARGEBACK dispute per invoice it had paid, by the platform,
 * exactly once however often the event comes; another reversal reason opens none.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "disputes"))
class ChargebackTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DisputesDatabase db;

    CloudEventProducer producer;
    ReceivableEvents events;
    DisputeFixtures fixtures;

    @BeforeEach
    void connect() {
        producer = new CloudEventProducer(bootstrap);
        events = new ReceivableEvents(producer);
        fixtures = new DisputeFixtures(events, db);
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void aChargebackOpensOneChargebackDisputeByThePlatformEvenWhenItsEventComesTwice() {
        UUID customer = UUID.randomUUID();
        UUID charged = fixtures.invoice(customer, "EUR", "100.00");
        UUID bounced = fixtures.invoice(customer, "EUR", "50.00");
        UUID chargedPayment = UUID.randomUUID();
        UUID bouncedPayment = UUID.randomUUID();
        events.paid(customer, chargedPayment, charged, "EUR", "100.00", null);
        events.paid(customer, bouncedPayment, bounced, "EUR", "50.00", null);

        UUID chargeback = UUID.randomUUID();
        Instant evidenceDue = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.SECONDS);
        events.reversed(chargeback, customer, chargedPayment, charged, "EUR", "100.00",
                PaymentReversed.ReasonCode.CHARGEBACK, evidenceDue);
        events.reversed(chargeback, customer, chargedPayment, charged, "EUR", "100.00",
                PaymentReversed.ReasonCode.CHARGEBACK, evidenceDue);
        // the same chargeback published again under another id: dead-lettered (reversed already), no second dispute
        events.reversed(UUID.randomUUID(), customer, chargedPayment, charged, "EUR", "100.00",
                PaymentReversed.ReasonCode.CHARGEBACK);
        events.reversed(customer, bouncedPayment, bounced, "EUR", "50.00",
                PaymentReversed.ReasonCode.INSUFFICIENT_FUNDS);
        // the sentinel: same key and topic, after all of the above
        UUID sentinel = fixtures.invoice(customer, "EUR", "5.00");
        events.paid(customer, UUID.randomUUID(), sentinel, "EUR", "1.00", null);
        await().atMost(DisputeFixtures.WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> db.openAmount(sentinel).compareTo(new BigDecimal("4.00")) == 0);

        assertThat(db.count("dispute", "invoice_id = $1", charged)).isEqualTo(1);
        assertThat(db.count("dispute", "invoice_id = $1", bounced)).as("not a chargeback").isZero();
        UUID dispute = UUID.fromString(db.value("SELECT id FROM dispute WHERE invoice_id = $1", charged));
        assertThat(db.value("SELECT reason_code FROM dispute WHERE id = $1", dispute)).isEqualTo("CHARGEBACK");
        assertThat(db.value("SELECT payment_id FROM dispute WHERE id = $1", dispute))
                .isEqualTo(chargedPayment.toString());
        assertThat(db.value("SELECT team FROM dispute WHERE id = $1", dispute)).isEqualTo("payments");
        assertThat(db.value("SELECT opened_by FROM dispute WHERE id = $1", dispute))
                .isEqualTo("system:payments-events-consumer");
        List<String> opened = db.payloads(dispute, "dispute-opened");
        assertThat(opened).hasSize(1);
        DisputeOpened event = EventJson.read(opened.get(0), DisputeOpened.class);
        assertThat(event.reasonCode()).isEqualTo(DisputeOpened.ReasonCode.CHARGEBACK);
        assertThat(event.disputedAmount()).isEqualByComparingTo("100.00");
        assertThat(event.actor().kind()).isEqualTo(Actor.Kind.SYSTEM);
        // the gateway's evidence deadline is the dispute's, and its resolution is due by then
        given().get("/disputes/" + dispute).then().statusCode(200)
                .body("evidenceDueAt", equalTo(evidenceDue.toString()))
                .body("resolutionDueAt", equalTo(evidenceDue.toString()));
        assertThat(event.slaDueAt()).isEqualTo(evidenceDue);
        assertThat(db.openAmount(charged)).as("open again after the reversal, once").isEqualByComparingTo("100.00");
        assertThat(db.count("dead_letter", "event_type = 'payment-reversed' AND payload LIKE $1",
                "%" + chargedPayment + "%")).isEqualTo(1);
    }
}
