package io.receivables.invoicing.invoice;

import static io.receivables.invoicing.creditnote.CreditNoteFixtures.issueInvoice;
import static io.receivables.invoicing.creditnote.CreditNoteFixtures.registerCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
import io.receivables.contracts.events.LateFeeAssessed;
import io.receivables.contracts.json.EventJson;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.invoicing.InTransaction;
import io.receivables.invoicing.InvoicingDatabase;
import io.receivables.invoicing.balance.consumer.DunningEventsConsumer;
import io.receivables.invoicing.invoice.service.FeeInvoiceService;
import io.receivables.local.testing.LocalInfraTestResource;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** A late-fee-assessed billed as a fee invoice, in the caller's transaction, exactly once per fee. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "invoicing"))
class FeeInvoiceTest {

    @Inject
    FeeInvoiceService service;

    @Inject
    InvoicingDatabase db;

    @Inject
    Pool pool;

    static LateFeeAssessed interest(JsonPath overdue, String amount, LocalDate assessed) {
        return new LateFeeAssessed(UUID.randomUUID(), UUID.fromString(overdue.getString("customerId")),
                UUID.fromString(overdue.getString("id")), "EUR", new BigDecimal(amount), LateFeeAssessed.Kind.INTEREST,
                new BigDecimal("0.1227"), 40, assessed, Instant.parse("2026-12-01T02:00:00Z"));
    }

    static LateFeeAssessed fixedFee(JsonPath overdue, LocalDate assessed) {
        return new LateFeeAssessed(UUID.randomUUID(), UUID.fromString(overdue.getString("customerId")),
                UUID.fromString(overdue.getString("id")), "EUR", new BigDecimal("40.00"),
                LateFeeAssessed.Kind.FIXED_FEE, null, 40, assessed, Instant.parse("2026-12-01T02:00:00Z"));
    }

    private void apply(LateFeeAssessed event) {
        InTransaction.run(() -> service.issueForLateFee(DunningEventsConsumer.ACTOR, event));
    }

    private List<String> feeInvoices(UUID lateFeeId) {
        List<String> ids = new ArrayList<>();
        pool.preparedQuery("SELECT id::text AS id FROM invoice WHERE late_fee_id = $1").execute(Tuple.of(lateFeeId))
                .await().indefinitely().forEach(row -> ids.add(row.getString("id")));
        return ids;
    }

    @Test
    void billsInterestAsAnInvoiceDueOnIssueWithOneUntaxedLineNamingTheOverdueInvoice() throws Exception {
        // the fee invoices continue the INV series of their year without gaps, from wherever it stands; dated in the
        // future, so that the fee invoice is not yet overdue
        InvoicingDatabase.NumberSeries inv = db.series("INV", 2056);
        JsonPath overdue = issueInvoice(registerCustomer(), "2056-01-10");
        assertThat(overdue.getString("number")).isEqualTo(inv.next(1));
        LateFeeAssessed event = interest(overdue, "1.62", LocalDate.of(2056, 3, 1));

        apply(event);

        List<String> ids = feeInvoices(event.lateFeeId());
        assertThat(ids).hasSize(1);
        given().when().get("/invoices/" + ids.get(0)).then().statusCode(200)
                .body("number", equalTo(inv.next(2)))
                .body("status", equalTo("ISSUED"))
                .body("customerId", equalTo(overdue.getString("customerId")))
                .body("currency", equalTo("EUR"))
                .body("issueDate", equalTo("2056-03-01"))
                .body("dueDate", equalTo("2056-03-01"))
                .body("paymentTerms.days", equalTo(0))
                .body("total", equalTo("1.62")).body("taxTotal", equalTo("0.00")).body("amountDue", equalTo("1.62"))
                .body("feeForInvoiceId", equalTo(overdue.getString("id")))
                .body("lines.size()", equalTo(1))
                .body("lines[0].description", equalTo("Interest at 12.27 % p.a. for 40 days on invoice " + inv.next(1)))
                .body("lines[0].taxRate", equalTo("0"));

        String payload = db.outboxRowFor(ids.get(0), "invoice-issued").getString("payload");
        assertThat(EventValidator.shared().validate("invoice-issued", payload).isValid()).as(payload).isTrue();
        JsonNode published = EventJson.mapper().readTree(payload);
        assertThat(published.get("invoiceNumber").asText()).isEqualTo(inv.next(2));
        assertThat(published.get("total").asText()).isEqualTo("1.62");
        assertThat(published.get("lateFee").get("lateFeeId").asText()).as("so that dunning charges no fee on a fee")
                .isEqualTo(event.lateFeeId().toString());
        assertThat(published.get("lateFee").get("overdueInvoiceId").asText()).isEqualTo(overdue.getString("id"));

        apply(fixedFee(overdue, LocalDate.of(2056, 3, 2)));
        given().when().get("/invoices?customerId=" + overdue.getString("customerId") + "&sort=issueDate").then()
                .body("items.number", equalTo(List.of(inv.next(1), inv.next(2), inv.next(3))))
                .body("items[2].lines[0].description", equalTo("Late payment fee for invoice " + inv.next(1)));
    }

    @Test
    void calledTwiceForOneFeeItBillsOnce() {
        JsonPath overdue = issueInvoice(registerCustomer(), "2026-04-01");
        LateFeeAssessed event = fixedFee(overdue, LocalDate.of(2026, 6, 1));

        apply(event);
        apply(event);

        assertThat(feeInvoices(event.lateFeeId())).hasSize(1);
    }

    @Test
    void twoConcurrentCallsForOneFeeBillOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            JsonPath overdue = issueInvoice(registerCustomer(), "2026-04-02");
            LateFeeAssessed event = fixedFee(overdue, LocalDate.of(2026, 6, 2));
            InTransaction.concurrently(2, () -> service.issueForLateFee(DunningEventsConsumer.ACTOR, event));
            assertThat(feeInvoices(event.lateFeeId())).hasSize(1);
        }
    }

    @Test
    void anEventThatCannotApplyIsMalformedAndWritesNothing() {
        JsonPath overdue = issueInvoice(registerCustomer(), "2026-04-03");
        long outbox = db.count("outbox");
        LateFeeAssessed good = fixedFee(overdue, LocalDate.of(2026, 6, 3));
        LateFeeAssessed otherCurrency = new LateFeeAssessed(good.lateFeeId(), good.customerId(), good.invoiceId(),
                "USD", good.amount(), good.kind(), null, 40, good.assessmentDate(), good.assessedAt());
        LateFeeAssessed unknownInvoice = new LateFeeAssessed(good.lateFeeId(), good.customerId(), UUID.randomUUID(),
                "EUR", good.amount(), good.kind(), null, 40, good.assessmentDate(), good.assessedAt());

        assertThatThrownBy(() -> apply(otherCurrency)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("USD");
        assertThatThrownBy(() -> apply(unknownInvoice)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("unknown invoice");

        assertThat(feeInvoices(good.lateFeeId())).isEmpty();
        assertThat(db.count("outbox")).isEqualTo(outbox);
    }
}
