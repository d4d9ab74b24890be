package io.receivables.analytics;

import static io.receivables.analytics.OpenArSummaryTest.awaitSummary;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.CloudEventProducer;
import io.receivables.local.testing.LocalInfraTestResource;

/**
 * Open AR as of a date, by the events' business dates: an invoice from its issue date (2026-11-02 in these events),
 * lowered by a credit note from its issue date (2026-11-03) and a payment from its value date (2026-11-20) until its
 * reversal date (2026-11-22), and closed from the date of its void or write-off, not from when that event arrived.
 * Each test uses its own currency.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class OpenArAsOfTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    CloudEventProducer producer;
    AnalyticsEvents events;

    @BeforeEach
    void connect() {
        producer = new CloudEventProducer(bootstrap);
        events = new AnalyticsEvents(producer);
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    /** {openCount, openAmount} of {@code currency} as of {@code date}, or null when nothing was open. */
    private static Map<String, Object> asOf(String date, String currency) {
        List<Map<String, Object>> currencies = given().queryParam("asOf", date).when().get("/ar/summary").then()
                .statusCode(200).body("asOfDate", equalTo(date)).extract().path("currencies");
        return currencies.stream().filter(c -> currency.equals(c.get("currency"))).findFirst().orElse(null);
    }

    private static void assertOpen(String date, String currency, int count, String amount) {
        assertThat(asOf(date, currency)).as(currency + " as of " + date)
                .containsEntry("openCount", count).containsEntry("openAmount", amount);
    }

    @Test
    void aVoidEnteredLaterClosesTheInvoiceFromItsEffectiveDate() {
        UUID customer = UUID.randomUUID();
        UUID voided = UUID.randomUUID();
        events.invoiceIssued(customer, voided, "MXN", "100.00");
        events.invoiceIssued(customer, UUID.randomUUID(), "MXN", "40.00");
        events.voided(customer, voided, "MXN", "100.00", "2026-11-10", "2026-11-20T09:00:00Z");
        awaitSummary("MXN", 1, "40.00");

        assertThat(asOf("2026-11-01", "MXN")).as("nothing issued yet").isNull();
        assertOpen("2026-11-09", "MXN", 2, "140.00");
        assertOpen("2026-11-10", "MXN", 1, "40.00");
        assertOpen("2026-11-25", "MXN", 1, "40.00");
    }

    @Test
    void aVoidWithoutItsDateClosesTheInvoiceFromTheDayItWasEntered() {
        UUID customer = UUID.randomUUID();
        UUID voided = UUID.randomUUID();
        events.invoiceIssued(customer, voided, "INR", "100.00");
        events.invoiceIssued(customer, UUID.randomUUID(), "INR", "1.00");
        events.voided(customer, voided, "INR", "100.00", null, "2026-11-12T23:30:00Z");
        awaitSummary("INR", 1, "1.00");

        assertOpen("2026-11-11", "INR", 2, "101.00");
        assertOpen("2026-11-12", "INR", 1, "1.00");
    }

    @Test
    void aWriteOffClosesWhatWasLeftFromItsDateAfterACreditNoteFromItsOwn() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        events.invoiceIssued(customer, invoice, "BRL", "100.00");
        events.invoiceIssued(customer, UUID.randomUUID(), "BRL", "5.00");
        events.creditNote(UUID.randomUUID(), customer, invoice, "BRL", "30.00");
        events.writtenOff(customer, invoice, "BRL", "70.00", "2026-11-15");
        awaitSummary("BRL", 1, "5.00");

        assertOpen("2026-11-02", "BRL", 2, "105.00");
        assertOpen("2026-11-03", "BRL", 2, "75.00");
        assertOpen("2026-11-14", "BRL", 2, "75.00");
        assertOpen("2026-11-15", "BRL", 1, "5.00");
    }

    @Test
    void aPaymentCountsFromItsValueDateUntilItsReversalDate() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        events.invoiceIssued(customer, invoice, "ILS", "100.00");
        events.paymentReceived(customer, payment, "ILS", invoice, "60.00");
        awaitSummary("ILS", 1, "40.00");
        events.paymentReversed(customer, payment, "ILS", invoice, "60.00");
        awaitSummary("ILS", 1, "100.00");

        assertOpen("2026-11-19", "ILS", 1, "100.00");
        assertOpen("2026-11-20", "ILS", 1, "40.00");
        assertOpen("2026-11-22", "ILS", 1, "100.00");
    }

    @Test
    void anAsOfThatIsNotADateIs400NamingIt() {
        given().queryParam("asOf", "2026-02-30").when().get("/ar/summary").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://receivables.io/problems/validation"))
                .body("errors[0].field", equalTo("asOf"));
    }
}
