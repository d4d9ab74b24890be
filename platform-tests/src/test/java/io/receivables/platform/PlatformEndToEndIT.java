package io.receivables.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.receivables.contracts.validation.EventValidator;
import io.receivables.local.LocalPlatform;
import io.receivables.platform.bench.PlatformBenchmark;

/**
 * The whole platform as it runs locally: embedded PostgreSQL, a KRaft broker, Kafka Connect with Debezium's outbox
 * router, and all five services as their own processes, driven over HTTP the way a client would. Each test uses its
 * own currency, so the summary figures it asserts are its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndIT {

    static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);
    static final String STRIPE_SECRET = "whsec_e2e_" + UUID.randomUUID().toString().replace("-", "");

    static Path dataDir;
    static LocalPlatform platform;
    static final ApiClient api = new ApiClient();

    @BeforeAll
    static void startPlatform() throws Exception {
        dataDir = Files.createTempDirectory("receivables-e2e");
        platform = start(true);
    }

    /**
     * The platform as the tests run it: payments takes Stripe webhooks signed with {@link #STRIPE_SECRET}; dunning runs
     * as two replicas (one database, one consumer group), as in production.
     */
    static LocalPlatform start(boolean fresh) {
        return Platforms.start(Platforms.builder(dataDir, fresh)
                .serviceEnvironment(Map.of("AR_STRIPE_WEBHOOK_SECRET", STRIPE_SECRET))
                .replicas("dunning", 2));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    static String invoicing(String path) {
        return platform.serviceUrl("invoicing") + path;
    }

    static String payments(String path) {
        return platform.serviceUrl("payments") + path;
    }

    static String disputes(String path) {
        return platform.serviceUrl("disputes") + path;
    }

    static String dunning(String path) {
        return platform.serviceUrl("dunning") + path;
    }

    static String analytics(String path) {
        return platform.serviceUrl("analytics") + path;
    }

    static JsonNode summaryFor(String currency) {
        for (JsonNode entry : api.get(analytics("/ar/summary")).body().get("currencies")) {
            if (currency.equals(entry.get("currency").asText())) {
                return entry;
            }
        }
        return null;
    }

    static void awaitSummary(String currency, int count, String amount) {
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode entry = summaryFor(currency);
            assertThat(entry).as("open AR in " + currency).isNotNull();
            assertThat(entry.get("openCount").asInt()).isEqualTo(count);
            assertThat(entry.get("openAmount").asText()).isEqualTo(amount);
        });
    }

    /** Analytics lists only currencies with open AR: once everything is paid, the currency's entry is gone. */
    static void awaitNothingOpen(String currency) {
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode entry = summaryFor(currency);
            if (entry != null) {
                assertThat(entry.get("openCount").asInt()).as("open invoices in " + currency).isZero();
            }
        });
    }

    @Test
    @Order(1)
    void anInvoicePostedOverHttpShowsInTheArSummaryWithinSeconds() {
        String customerId = api.created(invoicing("/customers"), ApiClient.customer("EUR")).get("id").asText();
        long start = System.nanoTime();
        JsonNode invoice = api.created(invoicing("/invoices"), ApiClient.invoice(customerId, "1250.00"));

        awaitSummary("EUR", 1, "1250.00");
        System.out.printf("invoice %s visible in /ar/summary %d ms after POST /invoices returned%n",
                invoice.get("number").asText(), Duration.ofNanos(System.nanoTime() - start).toMillis());

        ConsumerRecord<String, String> record = findRecord(invoice.get("id").asText());
        assertThat(record.key()).as("key is the customer id").isEqualTo(customerId);
        assertThat(header(record, "ce_type")).isEqualTo("invoice-issued");
        assertThat(header(record, "ce_source")).isEqualTo("/receivables/invoicing-service");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
        assertThat(header(record, "ce_time")).endsWith("Z");
        assertThat(EventValidator.shared().validate("invoice-issued", record.value()).isValid()).isTrue();
    }

    @Test
    @Order(2)
    void anEventDeliveredTwiceIsAppliedOnce() {
        String customerId = api.created(invoicing("/customers"), ApiClient.customer("CHF")).get("id").asText();
        String first = api.created(invoicing("/invoices"), ApiClient.invoice(customerId, "100.00")).get("id").asText();
        awaitSummary("CHF", 1, "100.00");

        ConsumerRecord<String, String> original = findRecord(first);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafkaProps(), new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> copy = new ProducerRecord<>(original.topic(), original.key(),
                    original.value());
            original.headers().forEach(copy.headers()::add);
            producer.send(copy).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        // a later invoice of the same customer lands on the same partition, after the redelivered copy
        api.created(invoicing("/invoices"), ApiClient.invoice(customerId, "0.50"));

        awaitSummary("CHF", 2, "100.50");
    }

    @Test
    @Order(3)
    void restartingAnalyticsMidStreamLosesNothing() throws Exception {
        String customerId = api.created(invoicing("/customers"), ApiClient.customer("GBP")).get("id").asText();
        int total = 30;
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 1; i <= total; i++) {
            String price = i + ".25";
            api.created(invoicing("/invoices"), ApiClient.invoice(customerId, price));
            sum = sum.add(new BigDecimal(price));
            if (i == 10) {
                platform.stopService("analytics");
            }
            if (i == 20) {
                platform.startService("analytics");
            }
        }
        awaitSummary("GBP", total, sum.setScale(2).toPlainString());
    }

    @Test
    @Order(4)
    void aPlatformRestartKeepsEveryInvoice() throws Exception {
        String customerId = api.created(invoicing("/customers"), ApiClient.customer("SEK")).get("id").asText();
        String invoiceId = api.created(invoicing("/invoices"), ApiClient.invoice(customerId, "42.00")).get("id")
                .asText();
        awaitSummary("SEK", 1, "42.00");

        platform.close();
        platform = start(false);

        assertThat(api.get(invoicing("/invoices/" + invoiceId)).status()).isEqualTo(200);
        awaitSummary("SEK", 1, "42.00");
        awaitSummary("EUR", 1, "1250.00");
        // and the pipeline still flows after the restart
        api.created(invoicing("/invoices"), ApiClient.invoice(customerId, "8.00"));
        awaitSummary("SEK", 2, "50.00");
    }

    @Test
    @Order(5)
    void aCreditNoteAndAPaymentChangeTheInvoiceThroughTheRealPipeline() throws Exception {
        String customerId = api.created(invoicing("/customers"), ApiClient.customer("NOK")).get("id").asText();
        String invoiceId = api.created(invoicing("/invoices"), ApiClient.invoice(customerId, "300.00")).get("id")
                .asText();
        awaitSummary("NOK", 1, "300.00");

        // credit-note-issued goes through the outbox, Debezium and Kafka to analytics
        api.created(invoicing("/invoices/" + invoiceId + "/credit-notes"), """
                {"reasonCode": "PRICING_ERROR",
                 "lines": [{"description": "Discount agreed", "quantity": "1", "unitPrice": "100.00", "taxRate": "0"}]}""",
                "If-Match", "\"0\"");
        awaitSummary("NOK", 1, "200.00");

        // the payment goes to payments-service, which knows the invoice only from ar.invoicing.events (it never calls
        // invoicing) and publishes payment-received through its outbox and Debezium; until its read model has the
        // invoice, the allocation is refused with 422 and nothing is written, so retrying is safe
        String payment = """
                {"customerId": "%s", "amount": "200.00", "currency": "NOK", "valueDate": "2026-11-20",
                 "method": "BANK_TRANSFER", "allocations": [{"invoiceId": "%s", "amount": "200.00"}]}"""
                .formatted(customerId, invoiceId);
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            ApiClient.Reply recorded = api.post(payments("/payments"), payment);
            assertThat(recorded.status()).as("%s", recorded.body()).isEqualTo(201);
            assertThat(recorded.body().get("status").asText()).isEqualTo("APPLIED");
        });
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode invoice = api.get(invoicing("/invoices/" + invoiceId)).body();
            assertThat(invoice.get("status").asText()).isEqualTo("PAID");
            assertThat(invoice.get("amountDue").asText()).isEqualTo("0.00");
        });
        JsonNode statement = api.get(invoicing("/customers/" + customerId + "/statement")).body();
        assertThat(statement.get("balance").asText()).isEqualTo("0.00");
    }

    @Test
    @Order(6)
    void theBenchmarksRawInsertBaselineStillFitsTheSchema() throws Exception {
        // the benchmark runs outside the test suite; without this its baseline would break unseen on a schema change
        String customerId = api.created(invoicing("/customers"), ApiClient.customer("EUR")).get("id").asText();
        PlatformBenchmark.rawInsert(platform.jdbcUrl("invoicing"), customerId).run(0);
    }

    @Test
    @Order(7)
    void aClientGeneratedFromTheOpenApiDocumentIssuesReadsAndVoidsAnInvoice() throws Exception {
        GeneratedInvoicingClient.registerIssueReadAndVoid(platform.serviceUrl("invoicing").toString(), "DKK");
    }

    @Test
    @Order(8)
    void tokensFromTheRunningKeycloakAreCheckedAndTheirRolesDecide() {
        var keycloak = platform.keycloak().orElseThrow();
        String customerId = api.created(invoicing("/customers"), ApiClient.customer("PLN")).get("id").asText();
        String invoice = ApiClient.invoice(customerId, "10.00");

        assertThat(api.post(invoicing("/invoices"), invoice, "Authorization", "").status()).isEqualTo(401);
        ApiClient.Reply asViewer = api.post(invoicing("/invoices"), invoice, "Authorization",
                "Bearer " + keycloak.passwordGrantToken("viewer"));
        assertThat(asViewer.status()).as("viewer: %s", asViewer.body()).isEqualTo(403);
        assertThat(asViewer.body().get("type").asText()).isEqualTo("https://receivables.io/problems/forbidden");
        ApiClient.Reply asAccountant = api.post(invoicing("/invoices"), invoice, "Authorization",
                "Bearer " + keycloak.passwordGrantToken("accountant"));
        assertThat(asAccountant.status()).as("accountant: %s", asAccountant.body()).isEqualTo(201);
        // the ERP's service account (client credentials) may create invoices too, but not write one off
        ApiClient.Reply asIntegration = api.post(invoicing("/invoices"), invoice, "Authorization",
                "Bearer " + keycloak.serviceAccountToken());
        assertThat(asIntegration.status()).as("integration: %s", asIntegration.body()).isEqualTo(201);
        String id = asIntegration.body().get("id").asText();
        assertThat(api.post(invoicing("/invoices/" + id + "/write-off"), "{}", "Authorization",
                "Bearer " + keycloak.serviceAccountToken(), "If-Match", "\"0\"").status()).isEqualTo(403);
    }

    @Test
    @Order(9)
    void aCamtStatementPaysThreeInvoicesAndALaterReturnReopensOne() {
        String customerId = api.created(invoicing("/customers"), ApiClient.customer("CZK")).get("id").asText();
        List<JsonNode> invoices = new ArrayList<>();
        for (String price : List.of("110.00", "220.00", "330.00")) {
            // issued in October with 30 days' terms: overdue today, so a returned payment leaves it OVERDUE
            invoices.add(api.created(invoicing("/invoices"), """
                    {"customerId": "%s", "issueDate": "2026-10-01",
                     "lines": [{"description": "Consulting", "quantity": "1", "unitPrice": "%s", "taxRate": "0"}]}"""
                    .formatted(customerId, price)));
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<PaymentFiles.Credit> credits = List.of(
                new PaymentFiles.Credit("E2E-" + run + "-1", "E2E-" + run + "-A", "110.00", "Alpha s.r.o.",
                        "DE02120300000000202051", "Invoice " + number(invoices.get(0)) + " thank you"),
                new PaymentFiles.Credit("E2E-" + run + "-2", "E2E-" + run + "-B", "220.00", "Alpha s.r.o.",
                        "GB29NWBK60161331926819", "payment " + number(invoices.get(1)).toLowerCase()),
                new PaymentFiles.Credit("E2E-" + run + "-3", "E2E-" + run + "-C", "330.00", "Alpha s.r.o.",
                        "FR1420041010050500013M02606", number(invoices.get(2))));
        byte[] statement = PaymentFiles.camt053("STMT-" + run, "CZK", "2026-11-16", credits);

        // a bank file arrives days after its invoices; here, the moment payments' read model has them (from
        // ar.invoicing.events): imported before, the credits would rightly stay unapplied
        awaitReceivable(invoices.stream().map(i -> i.get("id").asText()).toList());
        awaitSummary("CZK", 3, "660.00");
        ApiClient.Reply imported = api.post(payments("/bank-statements"), "application/xml", statement, false);
        assertThat(imported.status()).as("%s", imported.body()).isEqualTo(200);
        assertThat(imported.body().get("totals").get("MATCHED").asInt()).as("%s", imported.body()).isEqualTo(3);
        for (JsonNode invoice : invoices) {
            awaitInvoice(invoice.get("id").asText(), "PAID", "0.00");
        }
        awaitNothingOpen("CZK");

        // the same file again creates nothing
        ApiClient.Reply again = api.post(payments("/bank-statements"), "application/xml", statement, false);
        assertThat(again.body().get("totals").get("DUPLICATE").asInt()).as("%s", again.body()).isEqualTo(3);

        // a week later the bank returns the second credit: payments reverses it, invoicing reopens the invoice
        byte[] returned = PaymentFiles.camt054Return("NTF-" + run, "CZK", "2026-11-23", "E2E-" + run + "-R2",
                "E2E-" + run + "-B", "220.00");
        ApiClient.Reply reversal = api.post(payments("/bank-statements"), "application/xml", returned, false);
        assertThat(reversal.status()).as("%s", reversal.body()).isEqualTo(200);
        assertThat(reversal.body().get("totals").get("REVERSAL").asInt()).as("%s", reversal.body()).isEqualTo(1);
        awaitInvoice(invoices.get(1).get("id").asText(), "OVERDUE", "220.00");
        awaitInvoice(invoices.get(0).get("id").asText(), "PAID", "0.00");
        awaitSummary("CZK", 1, "220.00");
    }

    @Test
    @Order(10)
    void aStripeWebhookDeliveredTwiceRecordsOnePayment() {
        String customerId = api.created(invoicing("/customers"), ApiClient.customer("RON")).get("id").asText();
        String invoiceId = api.created(invoicing("/invoices"), ApiClient.invoice(customerId, "75.00")).get("id")
                .asText();
        awaitSummary("RON", 1, "75.00");
        long now = java.time.Instant.now().getEpochSecond();
        byte[] event = PaymentFiles.stripePaymentSucceeded("evt_" + UUID.randomUUID().toString().replace("-", ""), 7500,
                "RON", invoiceId, customerId, now);

        for (int delivery = 1; delivery <= 2; delivery++) {
            // Stripe retries a delivery it saw no 2xx for, with a new timestamp and signature
            String signature = PaymentFiles.stripeSignature(STRIPE_SECRET, now + delivery, event);
            await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                ApiClient.Reply delivered = api.post(payments("/webhooks/stripe"), "application/json", event, true,
                        "Stripe-Signature", signature);
                assertThat(delivered.status()).as("%s", delivered.body()).isBetween(200, 204);
            });
        }
        awaitInvoice(invoiceId, "PAID", "0.00");
        JsonNode listed = api.get(payments("/payments?customerId=" + customerId)).body();
        assertThat(listed.get("items")).as("%s", listed).hasSize(1);
        assertThat(listed.get("items").get(0).get("amount").asText()).isEqualTo("75.00");
        awaitNothingOpen("RON");
        // a signature made with another secret is refused
        ApiClient.Reply forged = api.post(payments("/webhooks/stripe"), "application/json", event, true,
                "Stripe-Signature", PaymentFiles.stripeSignature("whsec_forged", now, event));
        assertThat(forged.status()).isEqualTo(400);
    }

    @Test
    @Order(11)
    void aDisputeOnPartOfAnInvoiceHoldsItAndAPartialResolutionCreditsThatMuch() {
        String customerId = api.created(invoicing("/customers"), ApiClient.customer("AUD")).get("id").asText();
        String invoiceId = api.created(invoicing("/invoices"), """
                {"customerId": "%s",
                 "lines": [{"description": "Consulting", "quantity": "2", "unitPrice": "50.00", "taxRate": "0"}]}"""
                .formatted(customerId)).get("id").asText();
        awaitSummary("AUD", 1, "100.00");
        awaitDisputable(invoiceId);

        JsonNode opened = api.created(disputes("/disputes"), """
                {"invoiceId": "%s", "disputedAmount": "40.00", "reasonCode": "PRICING",
                 "description": "The second day was billed at the old rate.",
                 "contact": {"name": "Ada Payable", "email": "ap@example.com"}}""".formatted(invoiceId),
                "Idempotency-Key", UUID.randomUUID().toString());
        String disputeId = opened.get("id").asText();
        assertThat(opened.get("state").asText()).isEqualTo("OPEN");
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode invoice = api.get(invoicing("/invoices/" + invoiceId)).body();
            assertThat(invoice.get("status").asText()).as("%s", invoice).isEqualTo("DISPUTED");
            assertThat(invoice.get("disputedAmount").asText()).as("%s", invoice).isEqualTo("40.00");
            assertThat(invoice.get("amountDue").asText()).as("%s", invoice).isEqualTo("100.00");
        });

        ApiClient.Reply reviewed = api.post(disputes("/disputes/" + disputeId + "/transitions"),
                "{\"to\": \"UNDER_REVIEW\"}", "If-Match", "\"" + opened.get("version").asLong() + "\"");
        assertThat(reviewed.status()).as("%s", reviewed.body()).isEqualTo(200);
        ApiClient.Reply resolved = api.post(disputes("/disputes/" + disputeId + "/resolution"), """
                {"outcome": "PARTIAL", "creditedAmount": "25.00", "note": "Half the difference, as agreed."}""",
                "If-Match", "\"" + reviewed.body().get("version").asLong() + "\"");
        assertThat(resolved.status()).as("%s", resolved.body()).isEqualTo(200);
        assertThat(resolved.body().get("state").asText()).isEqualTo("RESOLVED");

        // invoicing issues exactly one credit note of 25.00 for it and 75.00 is due again, undisputed
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode invoice = api.get(invoicing("/invoices/" + invoiceId)).body();
            assertThat(invoice.get("disputedAmount").asText()).as("%s", invoice).isEqualTo("0.00");
            assertThat(invoice.get("amountCredited").asText()).as("%s", invoice).isEqualTo("25.00");
            assertThat(invoice.get("amountDue").asText()).as("%s", invoice).isEqualTo("75.00");
        });
        JsonNode notes = api.get(invoicing("/invoices/" + invoiceId + "/credit-notes")).body();
        assertThat(notes.get("items")).as("%s", notes).hasSize(1);
        assertThat(notes.get("items").get(0).get("disputeId").asText()).isEqualTo(disputeId);
        awaitSummary("AUD", 1, "75.00");
    }

    /** Waits until disputes' own read model holds the invoice (from ar.invoicing.events). */
    static void awaitDisputable(String invoiceId) {
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection c = DriverManager.getConnection(platform.jdbcUrl("disputes"), "postgres", "");
                    PreparedStatement q = c.prepareStatement(
                            "SELECT count(*) FROM receivable_invoice WHERE invoice_id = ?")) {
                q.setObject(1, UUID.fromString(invoiceId));
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() && rs.getInt(1) == 1;
                }
            }
        });
    }

    @Test
    @Order(12)
    void aStripeChargebackReopensTheInvoiceAndOpensAChargebackDisputeDueByTheEvidenceDeadline() {
        String customerId = api.created(invoicing("/customers"), ApiClient.customer("CAD")).get("id").asText();
        String invoiceId = api.created(invoicing("/invoices"), ApiClient.invoice(customerId, "90.00")).get("id")
                .asText();
        awaitSummary("CAD", 1, "90.00");
        awaitDisputable(invoiceId);
        long now = java.time.Instant.now().getEpochSecond();
        String paymentEvent = "evt_" + UUID.randomUUID().toString().replace("-", "");
        deliverToStripeWebhook(PaymentFiles.stripePaymentSucceeded(paymentEvent, 9000, "CAD", invoiceId, customerId,
                now), now);
        awaitInvoice(invoiceId, "PAID", "0.00");

        long dueBy = now + 7 * 86_400;
        deliverToStripeWebhook(PaymentFiles.stripeDisputeCreated("evt_" + UUID.randomUUID().toString().replace("-", ""),
                paymentEvent, 9000, "CAD", dueBy, now + 60), java.time.Instant.now().getEpochSecond());

        // payments reverses the payment (the invoice is due again), disputes opens a CHARGEBACK dispute on it, and
        // invoicing holds it as disputed
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode invoice = api.get(invoicing("/invoices/" + invoiceId)).body();
            assertThat(invoice.get("amountDue").asText()).as("%s", invoice).isEqualTo("90.00");
            assertThat(invoice.get("status").asText()).as("%s", invoice).isEqualTo("DISPUTED");
            assertThat(invoice.get("disputedAmount").asText()).as("%s", invoice).isEqualTo("90.00");
        });
        JsonNode listed = api.get(disputes("/disputes?invoiceId=" + invoiceId)).body();
        assertThat(listed.get("items")).as("%s", listed).hasSize(1);
        JsonNode dispute = listed.get("items").get(0);
        assertThat(dispute.get("reasonCode").asText()).isEqualTo("CHARGEBACK");
        assertThat(dispute.get("disputedAmount").asText()).isEqualTo("90.00");
        String deadline = java.time.Instant.ofEpochSecond(dueBy).toString();
        assertThat(dispute.get("evidenceDueAt").asText()).isEqualTo(deadline);
        assertThat(dispute.get("resolutionDueAt").asText()).isEqualTo(deadline);
    }

    /** Delivers a Stripe event signed as Stripe would, until payments takes it (its read model may lag). */
    static void deliverToStripeWebhook(byte[] event, long timestamp) {
        String signature = PaymentFiles.stripeSignature(STRIPE_SECRET, timestamp, event);
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            ApiClient.Reply delivered = api.post(payments("/webhooks/stripe"), "application/json", event, true,
                    "Stripe-Signature", signature);
            assertThat(delivered.status()).as("%s", delivered.body()).isBetween(200, 204);
        });
    }

    /** Waits until payments' own read model holds these invoices (it has no API of its own for them). */
    static void awaitReceivable(List<String> invoiceIds) {
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection c = DriverManager.getConnection(platform.jdbcUrl("payments"), "postgres", "");
                    PreparedStatement q = c.prepareStatement(
                            "SELECT count(*) FROM receivable_invoice WHERE invoice_id = ANY (?)")) {
                q.setArray(1, c.createArrayOf("uuid", invoiceIds.stream().map(UUID::fromString).toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() && rs.getInt(1) == invoiceIds.size();
                }
            }
        });
    }

    static String number(JsonNode invoice) {
        return invoice.get("number").asText();
    }

    static void awaitInvoice(String invoiceId, String status, String amountDue) {
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode invoice = api.get(invoicing("/invoices/" + invoiceId)).body();
            assertThat(invoice.get("status").asText()).as("%s", invoice).isEqualTo(status);
            assertThat(invoice.get("amountDue").asText()).as("%s", invoice).isEqualTo(amountDue);
        });
    }

    static Properties kafkaProps() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        return props;
    }

    /** The record Debezium published for an aggregate, found by its ce_subject. */
    static ConsumerRecord<String, String> findRecord(String subject) {
        Properties props = kafkaProps();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("ar.invoicing.events"));
            await().atMost(VISIBLE_WITHIN).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (subject.equals(header(record, "ce_subject"))) {
                        found.add(record);
                    }
                }
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    // --- dplat: dunning end to end (issue 12 item 11): policy, run, e-mail at the local SMTP server, two replicas ---

    /** Runs of the dunning tests are for this many days after today: their invoices, due in 30 days, are overdue. */
    static final int RUN_DAYS_AHEAD = 45;
    static final Duration RUN_WITHIN = Duration.ofMinutes(3);
    /** Delivery is a worker's job every few seconds (dunning's receivables.dunning.delivery.every). */
    static final Duration DELIVERED_WITHIN = Duration.ofMinutes(2);
    static final DunningRuns dunningRuns = new DunningRuns(api);
    static String defaultPolicyId;

    static synchronized void ensureDefaultDunningPolicy() {
        if (defaultPolicyId == null) {
            defaultPolicyId = dunningRuns.defaultPolicyOfOneEmailStep(platform.serviceUrl("dunning"), "EUR");
        }
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A customer in EUR with NET 30 terms and its own billing e-mail; returns its id. */
    static String dunnableCustomer(String email) {
        return api.created(invoicing("/customers"), """
                {"legalName": "E2E Dunning %d", "currency": "EUR", "paymentTerms": {"type": "NET", "days": 30},
                 "billingEmail": "%s", "language": "en"}""".formatted(System.nanoTime(), email)).get("id").asText();
    }

    /** An invoice issued today (due in 30 days) of one line at {@code amount}. */
    static JsonNode invoiceIssuedToday(String customerId, String amount) {
        return api.created(invoicing("/invoices"), """
                {"customerId": "%s", "issueDate": "%s",
                 "lines": [{"description": "Maintenance", "quantity": "1", "unitPrice": "%s", "taxRate": "0"}]}"""
                .formatted(customerId, today(), amount));
    }

    static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example";
    }

    /**
     * Waits until dunning's read model (from the topics) holds the customer's profile and, per invoice id, the amount it
     * may collect on it ("0.00": paid, so not open at all).
     */
    static void awaitDunningKnows(String customerId, Map<String, String> collectableByInvoice) {
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            ApiClient.Reply state = api.get(dunning("/customers/" + customerId + "/dunning-state?asOf="
                    + today().plusDays(RUN_DAYS_AHEAD)));
            assertThat(state.status()).as("%s", state.body()).isEqualTo(200);
            assertThat(state.body().get("billingEmail").asText()).as("%s", state.body()).contains("@customer.example");
            collectableByInvoice.forEach((invoiceId, collectable) -> {
                JsonNode item = null;
                for (JsonNode candidate : state.body().get("items")) {
                    if (candidate.get("invoiceId").asText().equals(invoiceId)) {
                        item = candidate;
                    }
                }
                if (collectable.equals("0.00")) {
                    assertThat(item == null || item.get("openAmount").asText().equals("0.00"))
                            .as("invoice %s paid in dunning's view: %s", invoiceId, state.body()).isTrue();
                } else {
                    assertThat(item).as("invoice %s in %s", invoiceId, state.body()).isNotNull();
                    assertThat(item.get("collectableAmount").asText()).isEqualTo(collectable);
                }
            });
        });
    }

    /** Waits until the SMTP server holds at least {@code count} copies for {@code address}; returns them. */
    static List<JsonNode> awaitMail(String address, int count) {
        LocalMail mail = new LocalMail(platform);
        await().atMost(DELIVERED_WITHIN).pollInterval(Duration.ofMillis(500))
                .until(() -> mail.to(address).size() >= count);
        return mail.to(address);
    }

    /** The customer's dunning messages on the EMAIL channel, from its communication log. */
    static List<JsonNode> emailsLogged(String customerId) {
        ApiClient.Reply log = api.get(dunning("/customers/" + customerId + "/communications"));
        assertThat(log.status()).as("%s", log.body()).isEqualTo(200);
        List<JsonNode> emails = new ArrayList<>();
        log.body().get("items").forEach(m -> {
            if (m.get("channel").asText().equals("EMAIL")) {
                emails.add(m);
            }
        });
        return emails;
    }

    @Test
    @Order(13)
    void aDunningRunEmailsEachOverdueInvoiceOnceNeverOnePaidAndOnlyTheUndisputedPart() {
        ensureDefaultDunningPolicy();
        // one customer: an invoice left open, and one paid in full before the run
        String payerEmail = uniqueEmail("payer");
        String payer = dunnableCustomer(payerEmail);
        JsonNode open = invoiceIssuedToday(payer, "120.00");
        JsonNode paid = invoiceIssuedToday(payer, "80.00");
        String paidId = paid.get("id").asText();
        String payment = """
                {"customerId": "%s", "amount": "80.00", "currency": "EUR", "valueDate": "%s",
                 "method": "BANK_TRANSFER", "allocations": [{"invoiceId": "%s", "amount": "80.00"}]}"""
                .formatted(payer, today(), paidId);
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            // refused with 422 (nothing written) until payments' read model has the invoice: retrying is safe
            ApiClient.Reply recorded = api.post(payments("/payments"), payment);
            assertThat(recorded.status()).as("%s", recorded.body()).isEqualTo(201);
        });
        awaitInvoice(paidId, "PAID", "0.00");
        // another: 1,000.00 of which 200.00 is disputed
        String disputerEmail = uniqueEmail("disputer");
        String disputer = dunnableCustomer(disputerEmail);
        JsonNode disputed = invoiceIssuedToday(disputer, "1000.00");
        String disputedId = disputed.get("id").asText();
        awaitDisputable(disputedId);
        api.created(disputes("/disputes"), """
                {"invoiceId": "%s", "disputedAmount": "200.00", "reasonCode": "PRICING",
                 "description": "Two licences were billed twice.",
                 "contact": {"name": "Ada Payable", "email": "%s"}}""".formatted(disputedId, disputerEmail),
                "Idempotency-Key", UUID.randomUUID().toString());
        awaitDunningKnows(payer, Map.of(open.get("id").asText(), "120.00", paidId, "0.00"));
        awaitDunningKnows(disputer, Map.of(disputedId, "800.00"));

        LocalDate asOf = today().plusDays(RUN_DAYS_AHEAD);
        JsonNode run = dunningRuns.awaitCompleted(platform.serviceUrl("dunning"),
                dunningRuns.start(platform.serviceUrl("dunning"), asOf), RUN_WITHIN);
        System.out.println("dunning run for " + asOf + " completed: " + run);

        // exactly one e-mail to the payer, naming the open invoice and not the paid one
        List<JsonNode> toPayer = awaitMail(payerEmail, 1);
        assertThat(toPayer).as("%s", toPayer).hasSize(1);
        String payerText = toPayer.get(0).get("text").asText();
        assertThat(payerText).contains(number(open), "120.00").doesNotContain(number(paid));
        assertThat(toPayer.get(0).get("from").get(0).asText()).contains("collections@receivables.local");
        // the disputer is asked for the undisputed 800.00 only
        List<JsonNode> toDisputer = awaitMail(disputerEmail, 1);
        assertThat(toDisputer).as("%s", toDisputer).hasSize(1);
        String disputerText = toDisputer.get(0).get("text").asText();
        assertThat(disputerText).contains(number(disputed)).containsPattern("Amount due: [^\\n]*800\\.00");
        assertThat(disputerText).doesNotContainPattern("Amount due: [^\\n]*1,?000\\.00");
        List<JsonNode> disputerLog = emailsLogged(disputer);
        assertThat(disputerLog).hasSize(1);
        assertThat(disputerLog.get(0).get("invoices").get(0).get("amountDue").asText()).contains("800.00");

        // a second run on the same day writes nothing new for them; a customer new since is reminded by it, and once
        // that e-mail is at the server, anything the second run had queued for the first two would be there too
        String sentinelEmail = uniqueEmail("sentinel");
        String sentinel = dunnableCustomer(sentinelEmail);
        JsonNode sentinelInvoice = invoiceIssuedToday(sentinel, "55.00");
        awaitDunningKnows(sentinel, Map.of(sentinelInvoice.get("id").asText(), "55.00"));
        dunningRuns.awaitCompleted(platform.serviceUrl("dunning"),
                dunningRuns.start(platform.serviceUrl("dunning"), asOf), RUN_WITHIN);
        assertThat(emailsLogged(payer)).as("the payer's log after the second run").hasSize(1);
        assertThat(emailsLogged(disputer)).as("the disputer's log after the second run").hasSize(1);
        assertThat(awaitMail(sentinelEmail, 1).get(0).get("text").asText()).contains(number(sentinelInvoice));
        assertThat(new LocalMail(platform).to(payerEmail)).hasSize(1);
        assertThat(new LocalMail(platform).to(disputerEmail)).hasSize(1);
    }

    @Test
    @Order(14)
    void twoDunningReplicasOnOneRunNameEachInvoiceInExactlyOneEmail() {
        ensureDefaultDunningPolicy();
        assertThat(platform.services()).contains("dunning", "dunning-2");
        int customers = 8;
        Map<String, String> emailByCustomer = new java.util.LinkedHashMap<>();
        List<String> numbers = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            String email = uniqueEmail("replicas-" + c);
            String customerId = dunnableCustomer(email);
            emailByCustomer.put(customerId, email);
            Map<String, String> collectable = new java.util.HashMap<>();
            for (String amount : List.of("10.00", "20.00", "30.00")) {
                JsonNode invoice = invoiceIssuedToday(customerId, amount);
                numbers.add(number(invoice));
                collectable.put(invoice.get("id").asText(), amount);
            }
            awaitDunningKnows(customerId, collectable);
        }

        // started on one replica, watched on the other: both work on it (SKIP LOCKED claims of its customers)
        String runId = dunningRuns.start(platform.serviceUrl("dunning"), today().plusDays(RUN_DAYS_AHEAD + 1));
        JsonNode run = dunningRuns.awaitCompleted(platform.serviceUrl("dunning-2"), runId, RUN_WITHIN);
        System.out.println("dunning run on two replicas completed: " + run);

        List<String> texts = new ArrayList<>();
        emailByCustomer.forEach((customerId, email) -> {
            List<JsonNode> mail = awaitMail(email, 1);
            assertThat(mail).as("e-mails to %s", email).hasSize(1);
            texts.add(mail.get(0).get("text").asText());
            assertThat(emailsLogged(customerId)).as("log of %s", customerId).hasSize(1);
        });
        for (String number : numbers) {
            long naming = texts.stream().filter(text -> text.contains(number)).count();
            assertThat(naming).as("e-mails naming %s", number).isEqualTo(1);
        }
    }
}
