package io.receivables.invoicing.balance;

import static io.receivables.invoicing.balance.BalanceEvents.allocations;
import static io.receivables.invoicing.balance.BalanceEvents.awaitInvoice;
import static io.receivables.invoicing.balance.BalanceEvents.customer;
import static io.receivables.invoicing.balance.BalanceEvents.get;
import static io.receivables.invoicing.balance.BalanceEvents.invoice;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.response.ValidatableResponse;

/** Open disputes from ar.disputes.events, and a status that depends on the facts, not on the order they arrived in. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class InvoiceDisputesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    BalanceEvents events;

    @BeforeEach
    void connect() {
        events = new BalanceEvents(bootstrap);
    }

    @AfterEach
    void disconnect() {
        events.close();
    }

    @Test
    void anOpenDisputeMakesTheInvoiceDisputedUntilItIsResolved() {
        String customer = customer("EUR");
        String invoice = invoice(customer, "2052-02-01", "100.00");
        UUID dispute = UUID.randomUUID();

        events.disputeOpened(dispute, customer, invoice, "EUR", "30.00");
        awaitInvoice(invoice, r -> r.body("status", equalTo("DISPUTED")).body("disputedAmount", equalTo("30.00"))
                .body("amountDue", equalTo("100.00")));

        events.disputeResolved(dispute, customer, invoice, "EUR", "30.00");
        awaitInvoice(invoice, r -> r.body("status", equalTo("ISSUED")).body("disputedAmount", equalTo("0.00"))
                .body("amountDue", equalTo("100.00")));
    }

    @Test
    void aReopenedDisputeCountsAsDisputedAgainWithItsNewAmountUntilItIsResolvedAgain() {
        String customer = customer("EUR");
        String invoice = invoice(customer, "2052-02-04", "100.00");
        UUID dispute = UUID.randomUUID();
        events.disputeOpened(dispute, customer, invoice, "EUR", "30.00");
        events.disputeResolved(dispute, customer, invoice, "EUR", "30.00");
        awaitInvoice(invoice, r -> r.body("status", equalTo("ISSUED")).body("disputedAmount", equalTo("0.00")));

        events.disputeReopened(dispute, customer, invoice, "EUR", "25.00");
        awaitInvoice(invoice, r -> r.body("status", equalTo("DISPUTED")).body("disputedAmount", equalTo("25.00")));

        events.disputeResolved(dispute, customer, invoice, "EUR", "25.00");
        awaitInvoice(invoice, r -> r.body("status", equalTo("ISSUED")).body("disputedAmount", equalTo("0.00")));
    }

    @Test
    void aPaymentAndADisputeGiveTheSameStateInEitherOrder() {
        String customer = customer("EUR");
        String disputedFirst = invoice(customer, "2052-02-02", "100.00");
        String paidFirst = invoice(customer, "2052-02-02", "100.00");

        // the two topics are consumed independently: each order is forced by waiting for the first event's effect
        events.disputeOpened(UUID.randomUUID(), customer, disputedFirst, "EUR", "30.00");
        awaitInvoice(disputedFirst, r -> r.body("disputedAmount", equalTo("30.00")));
        events.paymentReceived(UUID.randomUUID(), customer, "EUR", "40.00", allocations(disputedFirst, "40.00"));

        events.paymentReceived(UUID.randomUUID(), customer, "EUR", "40.00", allocations(paidFirst, "40.00"));
        awaitInvoice(paidFirst, r -> r.body("amountPaid", equalTo("40.00")));
        events.disputeOpened(UUID.randomUUID(), customer, paidFirst, "EUR", "30.00");

        for (String invoice : new String[] { disputedFirst, paidFirst }) {
            awaitInvoice(invoice, InvoiceDisputesTest::disputedAndPartlyPaid);
        }
    }

    @Test
    void aFullyPaidInvoiceIsPaidEvenWithADisputeStillOpen() {
        String customer = customer("EUR");
        String invoice = invoice(customer, "2052-02-03", "50.00");
        events.disputeOpened(UUID.randomUUID(), customer, invoice, "EUR", "10.00");
        awaitInvoice(invoice, r -> r.body("status", equalTo("DISPUTED")));

        events.paymentReceived(UUID.randomUUID(), customer, "EUR", "50.00", allocations(invoice, "50.00"));

        // nothing is left to collect, so a collector has nothing to hold off
        awaitInvoice(invoice, r -> r.body("status", equalTo("PAID")).body("disputedAmount", equalTo("10.00")));
        get(invoice).body("amountDue", equalTo("0.00"));
    }

    /** The state both orders must reach. */
    private static void disputedAndPartlyPaid(ValidatableResponse invoice) {
        invoice.body("status", equalTo("DISPUTED")).body("amountPaid", equalTo("40.00"))
                .body("amountDue", equalTo("60.00")).body("disputedAmount", equalTo("30.00"));
    }
}
