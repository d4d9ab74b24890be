package io.receivables.payments.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.CloudEventProducer;
import io.receivables.contracts.CreditorReference;
import io.receivables.contracts.events.PaymentReceived;
import io.receivables.contracts.events.PaymentTerms;
import io.receivables.contracts.json.EventJson;
import io.receivables.contracts.validation.EventValidator;
import io.receivables.local.testing.LocalInfraTestResource;
import io.receivables.payments.InvoicingEvents;
import io.receivables.payments.PaymentsDatabase;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The read model is built from ar.invoicing.events only; payments recorded through the API are applied to it, and
 * payment-received goes to the outbox exactly as the contract says. Each test works on customers and invoice numbers of
 * its own (random), so tests need no order and no cleanup.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class PaymentRecordingTest {

    static final LocalDate ISSUED = LocalDate.of(2026, 11, 2);
    static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    PaymentsDatabase db;

    CloudEventProducer producer;
    InvoicingEvents events;

    @BeforeEach
    void connect() {
        producer = new CloudEventProducer(bootstrap);
        events = new InvoicingEvents(producer);
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void theReadModelFollowsInvoicingEventsAndAppliesARedeliveredCreditNoteOnce() {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        UUID voided = UUID.randomUUID();
        events.customerRegistered(customer, "Globex", "EUR");
        events.invoiceIssued(customer, invoice, number(), "EUR", "100.00", ISSUED, null);
        String voidedNumber = number();
        events.invoiceIssued(customer, voided, voidedNumber, "EUR", "40.00", ISSUED, null);
        UUID credit = UUID.randomUUID();
        events.creditNote(credit, customer, invoice, "EUR", "10.00");
        events.creditNote(credit, customer, invoice, "EUR", "10.00");
        events.voided(customer, voided, voidedNumber, "EUR", "40.00");
        // the sentinel: same key, so same partition, after all of the above; once it shows, they have all been read
        UUID sentinel = UUID.randomUUID();
        events.invoiceIssued(customer, sentinel, number(), "EUR", "1.00", ISSUED, null);
        awaitInvoice(sentinel);

        assertThat(db.openAmount(invoice)).as("credited once, not twice (80.00)").isEqualByComparingTo("90.00");
        assertThat(db.openAmount(voided)).isEqualByComparingTo("0");
        assertThat(db.state(voided)).isEqualTo("VOIDED");
    }

    @Test
    void aCreditNoteBeforeItsInvoiceWaitsParkedAndAppliesWhenTheInvoiceArrives() {
        UUID customer = customer();
        UUID invoice = UUID.randomUUID();
        UUID credit = events.creditNote(UUID.randomUUID(), customer, invoice, "EUR", "25.00");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> db.parkedFor("invoice:" + invoice) == 1);

        events.invoiceIssued(customer, invoice, number(), "EUR", "100.00", ISSUED, null);
        awaitInvoice(invoice);
        assertThat(db.openAmount(invoice)).isEqualByComparingTo("75.00");
        assertThat(db.parkedFor("invoice:" + invoice)).isZero();
        assertThat(credit).isNotNull();
    }

    @Test
    void aPaymentQuotingAnInvoiceNumberPaysItAndPublishesPaymentReceived() {
        UUID customer = customer();
        UUID invoice = UUID.randomUUID();
        String number = number();
        events.invoiceIssued(customer, invoice, number, "EUR", "1428.00", ISSUED, null);
        awaitInvoice(invoice);

        JsonPath paid = post(Map.of("amount", "1428.00", "currency", "EUR", "valueDate", "2026-11-20", "method",
                "BANK_TRANSFER", "remittanceText", "Rechnung " + number.toLowerCase().replace("-", " ")), null)
                .then().statusCode(201).extract().jsonPath();

        assertThat(paid.getString("customerId")).as("identified by the invoice number").isEqualTo(customer.toString());
        assertThat(paid.getString("status")).isEqualTo("APPLIED");
        assertThat(paid.getList("allocations.rule")).containsExactly("INVOICE_NUMBER");
        assertThat(paid.getString("allocations[0].explanation")).contains(number);
        assertThat(db.openAmount(invoice)).isEqualByComparingTo("0");

        String payload = db.outboxRowFor(paid.getString("id"), "payment-received").getString("payload");
        EventValidator.shared().assertValid("payment-received", payload);
        PaymentReceived received = EventJson.read(payload, PaymentReceived.class);
        assertThat(received.customerId()).isEqualTo(customer);
        assertThat(received.allocations()).singleElement().satisfies(a -> {
            assertThat(a.invoiceId()).isEqualTo(invoice);
            assertThat(a.amount()).isEqualByComparingTo("1428.00");
        });
        assertThat(received.unallocatedAmount()).isEqualByComparingTo("0");
    }

    @Test
    void aCreditorReferenceAndTheDiscountedAmountSettleAnInvoiceWithItsDiscountPublished() {
        UUID customer = customer();
        UUID invoice = UUID.randomUUID();
        String number = number();
        // 2/10 net 30: 20.00 off 1000.00 until ten days after issue
        events.invoiceIssued(customer, invoice, number, "EUR", "1000.00", ISSUED,
                new PaymentTerms(PaymentTerms.Type.NET, 30, 10, new BigDecimal("0.02")));
        awaitInvoice(invoice);

        JsonPath paid = post(Map.of("customerId", customer.toString(), "amount", "980.00", "currency", "EUR",
                "valueDate", ISSUED.plusDays(5).toString(), "method", "BANK_TRANSFER", "structuredReference",
                CreditorReference.of(number)), null).then().statusCode(201).extract().jsonPath();

        assertThat(paid.getString("allocations[0].rule")).isEqualTo("CREDITOR_REFERENCE");
        assertThat(paid.getString("allocations[0].discount")).isEqualTo("20.00");
        assertThat(db.openAmount(invoice)).as("settled by 980.00 and the 20.00 discount").isEqualByComparingTo("0");
        PaymentReceived received = EventJson.read(
                db.outboxRowFor(paid.getString("id"), "payment-received").getString("payload"), PaymentReceived.class);
        assertThat(received.allocations().getFirst().discount()).isEqualByComparingTo("20.00");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyOrTheSameExternalReferenceRecordsOnce() {
        UUID customer = customer();
        Map<String, Object> body = Map.of("customerId", customer.toString(), "amount", "50.00", "currency", "EUR",
                "valueDate", "2026-11-20", "method", "CARD", "externalReference", "ch_" + UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        Response first = post(body, key);
        first.then().statusCode(201);
        Response retry = post(body, key);
        retry.then().statusCode(201);
        assertThat(retry.asString()).isEqualTo(first.asString());

        // another request (no key) with the same source reference: the payment recorded first, 200, nothing new
        long payments = db.count("payment");
        long outbox = db.count("outbox");
        Response again = post(body, null);
        again.then().statusCode(200);
        assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(db.count("payment")).isEqualTo(payments);
        assertThat(db.count("outbox")).isEqualTo(outbox);
    }

    @Test
    void aPayerAccountSeenBeforeIdentifiesTheCustomerAndAnUnknownPayerWaitsForReview() {
        UUID customer = customer();
        String account = validIban();
        post(Map.of("customerId", customer.toString(), "amount", "10.00", "currency", "EUR", "valueDate",
                "2026-11-20", "method", "BANK_TRANSFER", "payerAccount", account), null).then().statusCode(201);

        JsonPath identified = post(Map.of("amount", "12.00", "currency", "EUR", "valueDate", "2026-11-21", "method",
                "BANK_TRANSFER", "payerAccount", account.toLowerCase()), null).then().statusCode(201).extract()
                .jsonPath();
        assertThat(identified.getString("customerId")).isEqualTo(customer.toString());
        assertThat(identified.getString("status")).isEqualTo("UNAPPLIED");
        assertThat(identified.getBoolean("inReview")).as("nothing to match is no reason for review").isFalse();

        JsonPath unknown = post(Map.of("amount", "13.00", "currency", "EUR", "valueDate", "2026-11-21", "method",
                "BANK_TRANSFER", "remittanceText", "no reference at all " + UUID.randomUUID()), null).then()
                .statusCode(201).extract().jsonPath();
        assertThat(unknown.getString("customerId")).isNull();
        assertThat(unknown.getBoolean("inReview")).isTrue();
        assertThat(unknown.getString("reviewReason")).contains("not identified");
        assertThat(db.outboxRows(unknown.getString("id"))).as("nothing published without a customer").isZero();
        List<String> queue = given().queryParam("inReview", "true").queryParam("limit", "500").get("/payments").then()
                .statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(queue).contains(unknown.getString("id")).doesNotContain(identified.getString("id"));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        UUID customer = customer();
        UUID invoice = UUID.randomUUID();
        events.invoiceIssued(customer, invoice, number(), "EUR", "100.00", ISSUED, null);
        UUID yen = UUID.randomUUID();
        events.invoiceIssued(customer, yen, number(), "JPY", "1000", ISSUED, null);
        awaitInvoice(invoice);
        awaitInvoice(yen);
        long payments = db.count("payment");
        long outbox = db.count("outbox");

        refused(Map.of("customerId", customer.toString(), "amount", "10.001", "currency", "EUR", "valueDate",
                "2026-11-20", "method", "CARD"), 400, "amount");
        refused(Map.of("customerId", customer.toString(), "amount", "10.5", "currency", "JPY", "valueDate",
                "2026-11-20", "method", "CARD"), 400, "amount");
        refused(Map.of("customerId", UUID.randomUUID().toString(), "amount", "10.00", "currency", "EUR",
                "valueDate", "2026-11-20", "method", "CARD"), 422, "customerId");
        refused(Map.of("customerId", customer.toString(), "amount", "200.00", "currency", "EUR", "valueDate",
                "2026-11-20", "method", "CARD", "allocations", List.of(Map.of("invoiceId", invoice.toString(),
                        "amount", "150.00"))),
                400, "allocations[0].amount");
        refused(Map.of("customerId", customer.toString(), "amount", "20.00", "currency", "EUR", "valueDate",
                "2026-11-20", "method", "CARD", "allocations", List.of(Map.of("invoiceId", invoice.toString(),
                        "amount", "50.00"))),
                400, "allocations");
        refused(Map.of("customerId", customer.toString(), "amount", "20.00", "currency", "EUR", "valueDate",
                "2026-11-20", "method", "CARD", "allocations", List.of(Map.of("invoiceId", yen.toString(),
                        "amount", "20.00"))),
                400, "currency");
        refused(Map.of("customerId", customer.toString(), "amount", "20.00", "currency", "EUR", "valueDate",
                "2026-11-20", "method", "CARD", "allocations", List.of(Map.of("invoiceId",
                        UUID.randomUUID().toString(), "amount", "20.00"))),
                422, "allocations[0].invoiceId");
        refused(Map.of("customerId", customer.toString(), "amount", "20.00", "currency", "EUR", "valueDate",
                "2026-11-20", "method", "CARD", "payerAccount", "DE89 3704 0044 0532 0130 01"), 400, "payerAccount");
        refused(Map.of("customerId", customer.toString(), "amount", 20, "currency", "EUR", "valueDate",
                "2026-11-20", "method", "CARD"), 400, "amount");

        assertThat(db.count("payment")).isEqualTo(payments);
        assertThat(db.count("outbox")).isEqualTo(outbox);
        assertThat(db.openAmount(invoice)).isEqualByComparingTo("100.00");
    }

    @Test
    void concurrentPaymentsNeverAllocateMoreThanIsOpen() throws Exception {
        UUID customer = customer();
        UUID invoice = UUID.randomUUID();
        String number = number();
        events.invoiceIssued(customer, invoice, number, "EUR", "100.00", ISSUED, null);
        awaitInvoice(invoice);

        int payers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(payers);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < payers; i++) {
                Callable<Response> pay = () -> post(Map.of("customerId", customer.toString(), "amount", "60.00",
                        "currency", "EUR", "valueDate", "2026-11-20", "method", "BANK_TRANSFER", "remittanceText",
                        number), null);
                answers.add(pool.submit(pay));
            }
            BigDecimal allocated = BigDecimal.ZERO;
            for (Future<Response> answer : answers) {
                JsonPath body = answer.get().then().statusCode(201).extract().jsonPath();
                for (String amount : body.getList("allocations.amount", String.class)) {
                    allocated = allocated.add(new BigDecimal(amount));
                }
            }
            assertThat(allocated).as("60.00 + 40.00, then nothing open").isEqualByComparingTo("100.00");
            assertThat(db.openAmount(invoice)).isEqualByComparingTo("0");
        } finally {
            pool.shutdownNow();
        }
    }

    private UUID customer() {
        UUID customer = UUID.randomUUID();
        events.customerRegistered(customer, "Customer " + customer, "EUR");
        // the sentinel after the registration: once it shows, the customer is known too
        UUID sentinel = UUID.randomUUID();
        events.invoiceIssued(customer, sentinel, number(), "EUR", "0.01", ISSUED, null);
        awaitInvoice(sentinel);
        return customer;
    }

    private void awaitInvoice(UUID invoice) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> db.openAmount(invoice) != null);
    }

    private static Response post(Map<String, Object> body, String idempotencyKey) {
        var request = given().contentType("application/json").body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/payments");
    }

    private static void refused(Map<String, Object> body, int status, String field) {
        Response response = post(body, null);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getList("errors.field", String.class)).as(response.asString()).contains(field);
    }

    /** A unique invoice number per call, so that tests never match another test's invoices. */
    static String number() {
        return "T%d-%09d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    /** A valid German IBAN of a random account number. */
    static String validIban() {
        String bban = "37040044" + "%010d".formatted(ThreadLocalRandom.current().nextLong(10_000_000_000L));
        String numeric = bban + "131400"; // D = 13, E = 14, 00
        int check = 98 - new java.math.BigInteger(numeric).mod(java.math.BigInteger.valueOf(97)).intValue();
        return "DE%02d%s".formatted(check, bban);
    }
}
