package io.receivables.analytics;

import static io.receivables.analytics.OpenArSummaryTest.awaitSummary;
import static io.receivables.analytics.OpenArSummaryTest.summaryFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import io.receivables.common.testing.DeadLetterTopicReader;
import io.receivables.local.testing.LocalInfraTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Open AR follows every topic: payments, reversals, credit notes and write-offs move it, and a payment that arrives
 * before its invoice (another topic, so no order between them) waits parked until the invoice arrives.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
class PaymentsMoveOpenArTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Pool pool;

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

    @Test
    void aPaymentPublishedBeforeItsInvoiceIsParkedAndAppliedWhenTheInvoiceArrives() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        UUID otherInvoice = UUID.randomUUID();
        // paid in part before analytics has seen either invoice; the second payment also waits for the same invoice
        UUID first = events.paymentReceived(customer, UUID.randomUUID(), "AUD", invoice, "40.00");
        UUID second = events.paymentReceived(customer, UUID.randomUUID(), "AUD", invoice, "10.00", otherInvoice, "5.00");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(parkedFor("invoice:" + invoice)).isEqualTo(2));
        assertThat(given().get("/admin/parked-events").then().statusCode(200).extract().<Integer> path("count"))
                .isGreaterThanOrEqualTo(2);

        events.invoiceIssued(customer, invoice, "AUD", "100.00");
        // the first payment applies; the second still waits for the other invoice, now under that reference
        awaitSummary("AUD", 1, "60.00");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(parkedFor("invoice:" + otherInvoice)).isEqualTo(1));
        assertThat(parkedFor("invoice:" + invoice)).isZero();

        events.invoiceIssued(customer, otherInvoice, "AUD", "20.00");
        awaitSummary("AUD", 2, "65.00");
        assertThat(parkedFor("invoice:" + otherInvoice)).isZero();
        assertThat(inboxRows(first, second)).isEqualTo(2);
    }

    @Test
    void aParkedPaymentThatCanNeverApplyIsDeadLetteredWithoutHoldingUpItsInvoice() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        UUID wrongCurrency = events.paymentReceived(customer, UUID.randomUUID(), "USD", invoice, "10.00");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(parkedFor("invoice:" + invoice)).isEqualTo(1));

        events.invoiceIssued(customer, invoice, "SGD", "100.00");
        awaitSummary("SGD", 1, "100.00");
        assertThat(parkedFor("invoice:" + invoice)).isZero();
        String reason = pool.preparedQuery("SELECT reason FROM dead_letter WHERE event_id = $1")
                .execute(Tuple.of(wrongCurrency)).await().indefinitely().iterator().next().getString(0);
        assertThat(reason).contains("SGD").contains("USD");
        // out of the inbox, so that a replay after a fix can apply it
        assertThat(inboxRows(wrongCurrency)).isZero();
        // and on the dead-letter topic, like an event dead-lettered on its first delivery: once, with its reason
        List<String> onTopic = DeadLetterTopicReader.reasons(bootstrap, OpenArSummaryTest.DLQ, List.of(wrongCurrency))
                .get(wrongCurrency);
        assertThat(onTopic).singleElement().satisfies(r -> assertThat(r).contains("SGD").contains("USD"));
        assertThat(pool.preparedQuery("SELECT count(*) FROM dead_letter WHERE event_id = $1 AND published_at IS NOT NULL")
                .execute(Tuple.of(wrongCurrency)).await().indefinitely().iterator().next().getLong(0)).isEqualTo(1);
    }

    @Test
    void paymentsReversalsCreditNotesAndWriteOffsMoveOpenAr() {
        UUID customer = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        events.invoiceIssued(customer, a, "CAD", "100.00");
        events.invoiceIssued(customer, b, "CAD", "50.00");
        awaitSummary("CAD", 2, "150.00");

        UUID payment = UUID.randomUUID();
        events.paymentReceived(customer, payment, "CAD", a, "30.00", b, "50.00");
        // b is paid: not open any more
        awaitSummary("CAD", 1, "70.00");

        events.paymentReversed(customer, payment, "CAD", b, "50.00");
        awaitSummary("CAD", 2, "120.00");

        events.creditNote(UUID.randomUUID(), customer, a, "CAD", "20.00");
        awaitSummary("CAD", 2, "100.00");

        // the write-off's amount is the invoice's total; what leaves open AR is what was still open on it (50.00)
        events.writtenOff(customer, a, "CAD", "100.00");
        awaitSummary("CAD", 1, "50.00");
    }

    @Test
    void aDiscountSettlesWithItsPaymentAndGoesBackWithAnUnallocationOrAReversal() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        events.invoiceIssued(customer, invoice, "RON", "100.00");
        // another invoice stays open throughout, so the currency is always in the summary
        events.invoiceIssued(customer, UUID.randomUUID(), "RON", "50.00");
        awaitSummary("RON", 2, "150.00");

        // 98.00 within the discount window settles the invoice: the 2.00 discount counts with it, as in invoicing
        UUID first = UUID.randomUUID();
        events.discountedPayment(customer, first, "RON", invoice, "98.00", "2.00");
        awaitSummary("RON", 1, "50.00");

        // a wrong match taken back reopens all of it, not 98.00
        events.paymentUnallocated(customer, first, "RON", invoice, "98.00", "2.00", "2026-11-25");
        awaitSummary("RON", 2, "150.00");

        UUID second = UUID.randomUUID();
        events.discountedPayment(customer, second, "RON", invoice, "98.00", "2.00");
        awaitSummary("RON", 1, "50.00");
        events.discountedPaymentReversed(customer, second, "RON", invoice, "98.00", "2.00");
        awaitSummary("RON", 2, "150.00");
    }

    @Test
    void aCreditNoteDeliveredTwiceLowersTheOpenAmountOnce() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        events.invoiceIssued(customer, invoice, "GBP", "100.00");
        awaitSummary("GBP", 1, "100.00");

        UUID creditNoteEvent = UUID.randomUUID();
        events.creditNote(creditNoteEvent, customer, invoice, "GBP", "10.00");
        events.creditNote(creditNoteEvent, customer, invoice, "GBP", "10.00");
        // the sentinel: same key, same partition, after both copies; once it shows, both copies have been read
        events.invoiceIssued(customer, UUID.randomUUID(), "GBP", "5.00");

        awaitSummary("GBP", 2, "95.00");
        assertThat(summaryFor("GBP").get("openAmount")).as("lowered once, not twice (85.00)").isEqualTo("95.00");
    }

    private long parkedFor(String reference) {
        return pool.preparedQuery("SELECT count(*) FROM parked_event WHERE reference = $1").execute(Tuple.of(reference))
                .await().indefinitely().iterator().next().getLong(0);
    }

    private long inboxRows(UUID... eventIds) {
        return pool.preparedQuery("SELECT count(*) FROM inbox WHERE event_id = ANY($1)")
                .execute(Tuple.of(List.of(eventIds).toArray(UUID[]::new))).await().indefinitely().iterator().next()
                .getLong(0);
    }
}
