package io.receivables.disputes.receivable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import io.receivables.contracts.events.PaymentReversed;
import io.receivables.disputes.DisputesDatabase;
import io.receivables.disputes.ReceivableEvents;
import io.receivables.local.testing.LocalInfraTestResource;

/**
 * The read model is built from ar.invoicing.events and ar.payments.events only: what is open on each invoice after
 * credit notes, payments (with their discounts), take-backs and reversals, and whether it was voided or written off.
 * Each test works on customers of its own (random), so tests need no order and no cleanup.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "disputes"))
class ReadModelTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DisputesDatabase db;

    CloudEventProducer producer;
    ReceivableEvents events;

    @BeforeEach
    void connect() {
        producer = new CloudEventProducer(bootstrap);
        events = new ReceivableEvents(producer);
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void invoicingEventsGiveEachInvoiceItsLinesStateAndOpenAmountAndARedeliveryAppliesOnce() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        UUID voided = UUID.randomUUID();
        UUID writtenOff = UUID.randomUUID();
        events.customerRegistered(customer, "Globex", "EUR");
        UUID issuedTwice = UUID.randomUUID();
        events.invoiceIssued(issuedTwice, customer, invoice, "EUR", "60.00", "40.00");
        events.invoiceIssued(issuedTwice, customer, invoice, "EUR", "60.00", "40.00");
        events.creditNote(customer, invoice, "EUR", "10.00");
        events.invoiceIssued(customer, voided, "EUR", "40.00");
        events.voided(customer, voided, "EUR", "40.00");
        events.invoiceIssued(customer, writtenOff, "EUR", "25.00");
        events.writtenOff(customer, writtenOff, "EUR", "25.00");
        // the sentinel: same key, so same partition, after all of the above; once it shows, they have all been read
        UUID sentinel = UUID.randomUUID();
        events.invoiceIssued(customer, sentinel, "EUR", "1.00");
        awaitInvoice(sentinel);

        assertThat(db.openAmount(invoice)).isEqualByComparingTo("90.00");
        assertThat(db.count("receivable_invoice_line", "invoice_id = $1", invoice)).as("two lines, once").isEqualTo(2);
        assertThat(db.value("SELECT legal_name FROM receivable_customer WHERE customer_id = $1", customer))
                .isEqualTo("Globex");
        assertThat(db.openAmount(voided)).isEqualByComparingTo("0");
        assertThat(state(voided)).isEqualTo("VOIDED");
        assertThat(db.openAmount(writtenOff)).isEqualByComparingTo("0");
        assertThat(state(writtenOff)).isEqualTo("WRITTEN_OFF");
    }

    @Test
    void paymentsSettleInvoicesWithTheirDiscountsAndAReversalGivesBackAllThePaymentStillSettles() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        events.invoiceIssued(customer, invoice, "EUR", "100.00");
        awaitInvoice(invoice);

        UUID payment = UUID.randomUUID();
        events.paid(customer, payment, invoice, "EUR", "30.00", "2.00");
        events.unallocated(customer, payment, invoice, "EUR", "10.00");
        UUID sentinelPayment = UUID.randomUUID();
        UUID sentinelInvoice = UUID.randomUUID();
        events.invoiceIssued(customer, sentinelInvoice, "EUR", "5.00");
        awaitInvoice(sentinelInvoice);
        events.paid(customer, sentinelPayment, sentinelInvoice, "EUR", "1.00", null);
        await().atMost(WAIT).until(() -> db.openAmount(sentinelInvoice).compareTo(new java.math.BigDecimal("4.00")) == 0);
        assertThat(db.openAmount(invoice)).as("100 - 30 paid - 2 discount + 10 taken back").isEqualByComparingTo("78.00");

        events.reversed(customer, payment, invoice, "EUR", "20.00", PaymentReversed.ReasonCode.INSUFFICIENT_FUNDS);
        await().atMost(WAIT).until(() -> db.openAmount(invoice).compareTo(new java.math.BigDecimal("100.00")) == 0);
        assertThat(db.value("SELECT reversed FROM receivable_settlement WHERE payment_id = $1", payment))
                .isEqualTo("true");
    }

    @Test
    void aPaymentBeforeItsInvoiceWaitsParkedAndAppliesWhenTheInvoiceArrives() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        events.paid(customer, UUID.randomUUID(), invoice, "EUR", "25.00", null);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> db.parkedFor("invoice:" + invoice) == 1);

        events.invoiceIssued(customer, invoice, "EUR", "100.00");
        await().atMost(WAIT).until(() -> db.openAmount(invoice) != null
                && db.openAmount(invoice).compareTo(new java.math.BigDecimal("75.00")) == 0);
        assertThat(db.parkedFor("invoice:" + invoice)).isZero();
    }

    private String state(UUID invoice) {
        return db.value("SELECT state FROM receivable_invoice WHERE invoice_id = $1", invoice);
    }

    private void awaitInvoice(UUID invoice) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> db.openAmount(invoice) != null);
    }
}
