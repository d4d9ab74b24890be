package io.receivables.invoicing.creditnote;

import static io.receivables.invoicing.creditnote.CreditNoteFixtures.issueInvoice;
import static io.receivables.invoicing.creditnote.CreditNoteFixtures.registerCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.inbox.MalformedEventException;
import io.receivables.contracts.events.DisputeResolved;
import io.receivables.contracts.events.DisputeResolved.Outcome;
import io.receivables.contracts.json.EventJson;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.invoicing.InTransaction;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.invoicing.balance.consumer.DisputeEventsConsumer;
import io.receivables.invoicing.creditnote.service.CreditNoteService;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The credit note for a resolved dispute, applied the way the dispute-resolved consumer does: inside its own (inbox)
 * transaction, exactly once per dispute however often and however concurrently it is called.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class DisputeCreditTest {

    @Inject
    CreditNoteService service;

    @Inject
    InvoicingDatabase db;

    @Inject
    Pool pool;

    private static DisputeResolved resolved(JsonPath invoice, Outcome outcome, String credited) {
        return new DisputeResolved(UUID.randomUUID(), UUID.fromString(invoice.getString("customerId")),
                UUID.fromString(invoice.getString("id")), "EUR", new BigDecimal("60.00"), outcome,
                new BigDecimal(credited), "Half a day was delivered remotely", Instant.parse("2026-12-02T10:30:00Z"));
    }

    private void apply(DisputeResolved event) {
        InTransaction.run(() -> service.creditForResolvedDispute(DisputeEventsConsumer.ACTOR, event));
    }

    private List<Row> creditNotesOf(UUID disputeId) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("SELECT id::text AS id, total, subtotal, tax_total FROM credit_note WHERE dispute_id = $1")
                .execute(Tuple.of(disputeId)).await().indefinitely().forEach(rows::add);
        return rows;
    }

    private long creditNotesOfInvoice(String invoiceId) {
        return pool.preparedQuery("SELECT count(*) FROM credit_note WHERE invoice_id = $1")
                .execute(Tuple.of(UUID.fromString(invoiceId))).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void aPartialResolutionCreditsTheGrossAmountSplitExactlyByTheInvoicesTaxRates() throws Exception {
        JsonPath invoice = issueInvoice(registerCustomer(), "2026-03-02");
        DisputeResolved event = resolved(invoice, Outcome.PARTIAL, "30.00");

        apply(event);

        List<Row> notes = creditNotesOf(event.disputeId());
        assertThat(notes).hasSize(1);
        String id = notes.get(0).getString("id");
        // 30.00 shared 1,190.00 : 53.50 → 28.71 at 19 % (net 24.13) and 1.29 at 7 % (net 1.21)
        given().when().get("/credit-notes/" + id).then().statusCode(200)
                .body("total", equalTo("30.00")).body("subtotal", equalTo("25.34")).body("taxTotal", equalTo("4.66"))
                .body("reasonCode", equalTo("DISPUTE_RESOLUTION"))
                .body("disputeId", equalTo(event.disputeId().toString()))
                .body("note", equalTo("Half a day was delivered remotely"))
                .body("lines.netAmount", equalTo(List.of("24.13", "1.21")))
                .body("lines.taxAmount", equalTo(List.of("4.58", "0.08")));
        given().when().get("/invoices/" + invoice.getString("id")).then()
                .body("amountCredited", equalTo("30.00")).body("amountDue", equalTo("1213.50"))
                .header("ETag", equalTo("\"1\""));

        String payload = db.outboxRowFor(id, "credit-note-issued").getString("payload");
        assertThat(EventValidator.shared().validate("credit-note-issued", payload).isValid()).as(payload).isTrue();
        JsonNode published = EventJson.mapper().readTree(payload);
        assertThat(published.get("disputeId").asText()).isEqualTo(event.disputeId().toString());
        assertThat(published.get("invoiceId").asText()).isEqualTo(invoice.getString("id"));
        assertThat(published.get("total").asText()).isEqualTo("30.00");
        assertThat(published.get("reasonCode").asText()).isEqualTo("DISPUTE_RESOLUTION");
    }

    @Test
    void aSingleRateInvoiceGetsOneLineAtItsRate() {
        String customerId = registerCustomer();
        JsonPath invoice = given().contentType("application/json").body("""
                {"customerId": "%s", "issueDate": "2026-03-03",
                 "lines": [{"description": "Licence", "quantity": "1", "unitPrice": "99.99", "taxRate": "0.19"}]}"""
                .formatted(customerId)).when().post("/invoices").then().statusCode(201).extract().jsonPath();
        DisputeResolved event = resolved(invoice, Outcome.CUSTOMER_FAVOUR, "1.03");

        apply(event);

        String id = creditNotesOf(event.disputeId()).get(0).getString("id");
        given().when().get("/credit-notes/" + id).then()
                .body("lines.size()", equalTo(1)).body("lines[0].taxRate", equalTo("0.19"))
                .body("lines[0].netAmount", equalTo("0.87")).body("lines[0].taxAmount", equalTo("0.16"))
                .body("total", equalTo("1.03"));
    }

    @Test
    void calledTwiceForOneDisputeItCreditsOnce() {
        JsonPath invoice = issueInvoice(registerCustomer(), "2026-03-04");
        DisputeResolved event = resolved(invoice, Outcome.CUSTOMER_FAVOUR, "60.00");

        apply(event);
        apply(event);

        assertThat(creditNotesOf(event.disputeId())).hasSize(1);
        given().when().get("/invoices/" + invoice.getString("id")).then().body("amountCredited", equalTo("60.00"));
    }

    @Test
    void twoConcurrentCallsForOneDisputeCreditOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            JsonPath invoice = issueInvoice(registerCustomer(), "2026-03-05");
            DisputeResolved event = resolved(invoice, Outcome.PARTIAL, "12.34");
            InTransaction.concurrently(2, () -> service.creditForResolvedDispute(DisputeEventsConsumer.ACTOR, event));
            assertThat(creditNotesOf(event.disputeId())).hasSize(1);
            given().when().get("/invoices/" + invoice.getString("id")).then()
                    .body("amountCredited", equalTo("12.34"));
        }
    }

    @Test
    void companyFavourWithdrawnOrZeroCreditNothing() {
        JsonPath invoice = issueInvoice(registerCustomer(), "2026-03-06");
        apply(resolved(invoice, Outcome.COMPANY_FAVOUR, "0.00"));
        apply(resolved(invoice, Outcome.WITHDRAWN, "0.00"));
        apply(resolved(invoice, Outcome.PARTIAL, "0.00"));

        assertThat(creditNotesOfInvoice(invoice.getString("id"))).isZero();
        given().when().get("/invoices/" + invoice.getString("id")).then().header("ETag", equalTo("\"0\""));
    }

    @Test
    void anEventThatCannotApplyIsMalformedAndWritesNothing() {
        JsonPath invoice = issueInvoice(registerCustomer(), "2026-03-07");
        long outbox = db.count("outbox");
        DisputeResolved good = resolved(invoice, Outcome.CUSTOMER_FAVOUR, "60.00");

        DisputeResolved otherCurrency = new DisputeResolved(good.disputeId(), good.customerId(), good.invoiceId(), "USD",
                good.disputedAmount(), good.outcome(), good.creditedAmount(), null, good.resolvedAt());
        DisputeResolved unknownInvoice = new DisputeResolved(UUID.randomUUID(), good.customerId(), UUID.randomUUID(),
                "EUR", good.disputedAmount(), good.outcome(), good.creditedAmount(), null, good.resolvedAt());
        DisputeResolved tooMuch = new DisputeResolved(UUID.randomUUID(), good.customerId(), good.invoiceId(), "EUR",
                good.disputedAmount(), good.outcome(), new BigDecimal("1243.51"), null, good.resolvedAt());

        assertThatThrownBy(() -> apply(otherCurrency)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("USD");
        assertThatThrownBy(() -> apply(unknownInvoice)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("unknown invoice");
        assertThatThrownBy(() -> apply(tooMuch)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("exceeds");

        assertThat(creditNotesOfInvoice(invoice.getString("id"))).isZero();
        assertThat(db.count("outbox")).isEqualTo(outbox);
        given().when().get("/invoices/" + invoice.getString("id")).then().header("ETag", equalTo("\"0\""));
    }
}
