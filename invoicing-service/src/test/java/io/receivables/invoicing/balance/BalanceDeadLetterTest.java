package io.receivables.invoicing.balance;

import static io.receivables.invoicing.balance.BalanceEvents.allocations;
import static io.receivables.invoicing.balance.BalanceEvents.awaitInvoice;
import static io.receivables.invoicing.balance.BalanceEvents.customer;
import static io.receivables.invoicing.balance.BalanceEvents.invoice;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.contracts.Topics;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Payment and dispute events that can never apply go to ar.invoicing.dlq with the reason, change nothing, and do not
 * hold up the events behind them in their partition.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class BalanceDeadLetterTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Pool pool;

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
    void eventsThatCanNeverApplyAreDeadLetteredWithTheirReasonAndChangeNothing() {
        String customer = customer("EUR");
        String invoice = invoice(customer, "2054-04-01", "100.00");
        UUID unknownInvoice = UUID.randomUUID();

        UUID otherCurrency = events.paymentReceived(UUID.randomUUID(), customer, "USD", "10.00",
                allocations(invoice, "10.00"));
        UUID unknown = events.paymentReceived(UUID.randomUUID(), customer, "EUR", "10.00",
                allocations(unknownInvoice.toString(), "10.00"));
        UUID neverApplied = events.paymentReversed(UUID.randomUUID(), customer, "EUR", "10.00",
                allocations(invoice, "10.00"));
        UUID finerThanCents = events.paymentReceived(UUID.randomUUID(), customer, "EUR", "10.001",
                allocations(invoice, "10.001"));
        UUID payment = UUID.randomUUID();
        UUID notASchemaMatch = events.publish(Topics.PAYMENTS, "payment-received", customer, payment,
                BalanceEvents.paymentReceivedBody(payment, customer, "EUR", "10.00", allocations(invoice, "10.00"))
                        .replace("\"amount\": \"10.00\", \"valueDate\"", "\"amount\": 10.5, \"valueDate\""));
        UUID neverOpened = events.disputeResolved(UUID.randomUUID(), customer, invoice, "EUR", "10.00");
        UUID disputeInOtherCurrency = events.disputeOpened(UUID.randomUUID(), customer, invoice, "USD", "10.00");
        String stranger = customer("EUR");
        UUID otherCustomersPayment = events.paymentReceived(UUID.randomUUID(), stranger, "EUR", "10.00",
                allocations(invoice, "10.00"));
        // the next event of each partition is applied
        events.paymentReceived(UUID.randomUUID(), customer, "EUR", "5.00", allocations(invoice, "5.00"));
        events.disputeOpened(UUID.randomUUID(), customer, invoice, "EUR", "7.00");

        awaitInvoice(invoice, r -> r.body("amountPaid", equalTo("5.00")).body("disputedAmount", equalTo("7.00")));
        Map<UUID, String> reasons = events.deadLetterReasons(List.of(otherCurrency, unknown, neverApplied,
                finerThanCents, notASchemaMatch, neverOpened, disputeInOtherCurrency, otherCustomersPayment));
        assertThat(reasons.get(otherCurrency)).contains("is in USD but invoice").contains("is in EUR");
        assertThat(reasons.get(unknown)).contains(unknownInvoice.toString()).contains("unknown to invoicing-service");
        assertThat(reasons.get(neverApplied)).contains("was never applied");
        assertThat(reasons.get(finerThanCents)).contains("more decimals than EUR");
        assertThat(reasons.get(notASchemaMatch)).contains("/amount");
        assertThat(reasons.get(neverOpened)).contains("never opened");
        assertThat(reasons.get(disputeInOtherCurrency)).contains("is in USD");
        assertThat(reasons.get(otherCustomersPayment)).contains("is for customer " + stranger)
                .contains("belongs to customer " + customer);

        awaitInvoice(invoice, r -> r.body("amountDue", equalTo("95.00")).body("status", equalTo("DISPUTED")));
        assertThat(count("SELECT count(*) FROM invoice_payment WHERE invoice_id = $1", invoice)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM invoice_dispute WHERE invoice_id = $1", invoice)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM invoice_payment WHERE invoice_id = $1", unknownInvoice.toString()))
                .isZero();
    }

    @Test
    void aLateFeeForADraftOrVoidedInvoiceIsDeadLetteredAndTheNextLateFeeIsBilled() {
        String customer = customer("EUR");
        String draft = given().contentType(ContentType.JSON).body("""
                {"customerId": "%s", "issueDate": "2054-04-02", "draft": true,
                 "lines": [{"description": "Service", "quantity": "1", "unitPrice": "100.00", "taxRate": "0"}]}"""
                .formatted(customer)).when().post("/invoices").then().statusCode(201).extract().path("id");
        String voided = invoice(customer, "2054-04-02", "100.00");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("""
                {"reasonCode": "ISSUED_IN_ERROR"}""").when().post("/invoices/" + voided + "/void").then()
                .statusCode(200);
        String overdue = invoice(customer, "2054-04-02", "100.00");

        UUID draftFee = lateFee(customer, draft);
        UUID voidedFee = lateFee(customer, voided);
        UUID sentinelFee = UUID.randomUUID();
        events.publish(Topics.DUNNING, "late-fee-assessed", customer, sentinelFee, lateFeeBody(sentinelFee, customer,
                overdue));

        // the sentinel behind them in the partition is billed: the two before it were read and refused
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM invoice WHERE late_fee_id = $1",
                sentinelFee.toString()) == 1);
        Map<UUID, String> reasons = events.deadLetterReasons(List.of(draftFee, voidedFee));
        assertThat(reasons.get(draftFee)).contains("is DRAFT");
        assertThat(reasons.get(voidedFee)).contains("is VOIDED");
        assertThat(count("SELECT count(*) FROM invoice WHERE fee_for_invoice_id = $1", draft)).isZero();
        assertThat(count("SELECT count(*) FROM invoice WHERE fee_for_invoice_id = $1", voided)).isZero();
    }

    /** Publishes late-fee-assessed for the invoice as dunning-service does; returns the event id. */
    private UUID lateFee(String customer, String invoiceId) {
        UUID lateFeeId = UUID.randomUUID();
        return events.publish(Topics.DUNNING, "late-fee-assessed", customer, lateFeeId, lateFeeBody(lateFeeId, customer,
                invoiceId));
    }

    private static String lateFeeBody(UUID lateFeeId, String customer, String invoiceId) {
        return """
                {"lateFeeId": "%s", "customerId": "%s", "invoiceId": "%s", "currency": "EUR", "amount": "40.00",
                 "kind": "FIXED_FEE", "daysOverdue": 40, "assessmentDate": "2054-06-01",
                 "assessedAt": "2054-06-01T02:00:00Z"}""".formatted(lateFeeId, customer, invoiceId);
    }

    private long count(String sql, String invoiceId) {
        return pool.preparedQuery(sql).execute(Tuple.of(UUID.fromString(invoiceId))).await().indefinitely().iterator()
                .next().getLong(0);
    }
}
