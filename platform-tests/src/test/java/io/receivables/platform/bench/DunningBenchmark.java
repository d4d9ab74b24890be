package io.receivables.platform.bench;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.receivables.contracts.validation.EventValidator;
import io.receivables.local.LocalPlatform;
import io.receivables.platform.ApiClient;
import io.receivables.platform.DunningRuns;
import io.receivables.platform.LocalMail;
import io.receivables.platform.Platforms;

/**
 * The dunning benchmark (issue 12 item 12): 100,000 due invoices across 20,000 customers in dunning's read model, two
 * dunning replicas, one run; the wall time from {@code POST /dunning-runs} until every consolidated e-mail (one per
 * customer) is at the local SMTP server, the duplicates (must be 0), and the ratio to sending the same number of such
 * messages straight to the same SMTP server from one client, one connection, in the same run (the baseline).
 * <p>
 * The seed <b>bypasses invoicing</b>: {@code customer-registered} and {@code invoice-issued} events, valid against the
 * contracts' schemas (one of each is checked), are produced straight onto {@code ar.invoicing.events}, keyed by
 * customer with the CloudEvents headers Debezium's outbox router writes, so only dunning runs (with Keycloak for its
 * token, PostgreSQL, Kafka and Connect). Each invoice was issued 60 days ago on NET 30 terms: overdue on the run's day
 * (today), so the run needs no future date.
 *
 * <pre>
 * ./mvnw -B verify -Pbenchmark -pl platform-tests -am -DskipTests -Dbench.main=io.receivables.platform.bench.DunningBenchmark
 * </pre>
 *
 * Settings: -Dbench.dunning.customers (20000), -Dbench.dunning.invoicesPerCustomer (5), -Dbench.dunning.minutes (a
 * deadline for each wait, 60), and -Dbench.serviceJvm as for {@link PlatformBenchmark}.
 */
public final class DunningBenchmark {

    static final int CUSTOMERS = Integer.getInteger("bench.dunning.customers", 20_000);
    static final int INVOICES_PER_CUSTOMER = Integer.getInteger("bench.dunning.invoicesPerCustomer", 5);
    static final Duration DEADLINE = Duration.ofMinutes(Integer.getInteger("bench.dunning.minutes", 60));
    static final String TOPIC = "ar.invoicing.events";
    static final String INVOICING_SOURCE = "/receivables/invoicing-service";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DunningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("receivables-dunning-bench");
        int exitCode = 1;
        LocalPlatform.Builder builder = Platforms.builder(dataDir, true)
                .services(List.of("dunning"))
                .replicas("dunning", 2)
                .serviceJvmOptions(PlatformBenchmark.serviceJvmOptions())
                // the delivery worker and the run's worker at a benchmark's pace rather than a quiet day's
                .serviceEnvironment("dunning", Map.of(
                        "RECEIVABLES_DUNNING_DELIVERY_EVERY", "250ms",
                        "RECEIVABLES_DUNNING_DELIVERY_BATCH_SIZE", "100",
                        "RECEIVABLES_DUNNING_RUN_WORKER_EVERY", "1s"))
                // GreenMail keeps every message in memory: the run's and the baseline's
                .messagingJvmOptions(List.of("-Xmx3g", "-XX:+UseParallelGC"));
        try (LocalPlatform platform = Platforms.start(builder)) {
            System.out.printf(Locale.ROOT, "%nDunning benchmark: %d customers x %d invoices, 2 dunning replicas, %d cores,"
                    + " load average %.2f%n", CUSTOMERS, INVOICES_PER_CUSTOMER, Runtime.getRuntime().availableProcessors(),
                    PlatformBenchmark.loadAverage());
            run(platform);
            System.out.printf(Locale.ROOT, "%nload average at the end: %.2f%n", PlatformBenchmark.loadAverage());
            exitCode = 0;
        } catch (Throwable failure) {
            failure.printStackTrace();
        } finally {
            System.exit(exitCode);
        }
    }

    static void run(LocalPlatform platform) throws Exception {
        ApiClient api = new ApiClient();
        DunningRuns runs = new DunningRuns(api);
        URI dunning = platform.serviceUrl("dunning");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        runs.defaultPolicyOfOneEmailStep(dunning, "EUR");

        long seedStart = System.nanoTime();
        seed(platform.kafkaBootstrapServers(), today);
        Duration produced = since(seedStart);
        awaitReadModel(platform);
        Duration seeded = since(seedStart);
        System.out.printf(Locale.ROOT, "seed: %d events produced in %.1f s, in dunning's read model after %.1f s%n",
                CUSTOMERS * (1 + INVOICES_PER_CUSTOMER), seconds(produced), seconds(seeded));

        // --- the run: POST until every customer's e-mail is at the SMTP server
        LocalMail mail = new LocalMail(platform);
        long runStart = System.nanoTime();
        String runId = runs.start(dunning, today);
        JsonNode completed = runs.awaitCompleted(platform.serviceUrl("dunning-2"), runId, DEADLINE);
        Duration runCompleted = since(runStart);
        awaitCount(mail, CUSTOMERS);
        Duration allDelivered = since(runStart);
        System.out.printf(Locale.ROOT, "run: COMPLETED after %.1f s (%s), every e-mail at the SMTP server after %.1f s"
                + " (%.1f e-mails/s)%n", seconds(runCompleted), completed.get("counts"), seconds(allDelivered),
                CUSTOMERS / seconds(allDelivered));

        // duplicates: once nothing is left to deliver, per mailbox at the server and per (invoice, step) in dunning
        awaitNothingQueued(platform);
        List<JsonNode> received = mail.all();
        Map<String, Integer> perMailbox = new HashMap<>();
        received.forEach(m -> perMailbox.merge(m.get("mailbox").asText(), 1, Integer::sum));
        long duplicateEmails = received.size() - perMailbox.size();
        long duplicateInvoiceNames = duplicateInvoiceSteps(platform);
        System.out.printf(Locale.ROOT, "e-mails: %d to %d recipients, %d duplicate e-mails, %d (invoice, step) named"
                + " more than once%n", received.size(), perMailbox.size(), duplicateEmails, duplicateInvoiceNames);

        // --- the baseline: the same number of these messages straight to the same server, one client, one connection
        String sample = mail.raw(received.get(0).get("id").asText());
        long baselineStart = System.nanoTime();
        Duration baseline = sendStraight(platform.messaging().orElseThrow(), sample, CUSTOMERS);
        awaitCount(mail, received.size() + CUSTOMERS);
        Duration baselineReceived = since(baselineStart);
        System.out.printf(Locale.ROOT, "baseline: %d messages of %d bytes sent in %.1f s (%.1f/s) over one SMTP"
                + " connection%n", CUSTOMERS, sample.length(), seconds(baseline), CUSTOMERS / seconds(baseline));
        System.out.printf(Locale.ROOT, "ratio: run to every e-mail delivered / baseline = %.2f (%.1f s / %.1f s)%n",
                seconds(allDelivered) / seconds(baselineReceived), seconds(allDelivered), seconds(baselineReceived));
        if (duplicateEmails != 0 || duplicateInvoiceNames != 0 || perMailbox.size() != CUSTOMERS) {
            throw new AssertionError("expected one e-mail to each of " + CUSTOMERS + " customers and no duplicates");
        }
    }

    // --- the seed --------------------------------------------------------------------------------------------------

    static void seed(String bootstrapServers, LocalDate today) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        LocalDate issued = today.minusDays(60);
        String registeredAt = Instant.now().toString();
        boolean checked = false;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            int invoiceNumber = 0;
            for (int c = 0; c < CUSTOMERS; c++) {
                UUID customer = UUID.randomUUID();
                String registered = customerRegistered(customer, c, registeredAt);
                if (!checked) {
                    check("customer-registered", registered);
                }
                send(producer, customer, "customer-registered", customer, registered);
                for (int i = 0; i < INVOICES_PER_CUSTOMER; i++) {
                    UUID invoice = UUID.randomUUID();
                    String issuedEvent = invoiceIssued(invoice, ++invoiceNumber, customer, issued, i);
                    if (!checked) {
                        check("invoice-issued", issuedEvent);
                        checked = true;
                    }
                    send(producer, customer, "invoice-issued", invoice, issuedEvent);
                }
            }
            producer.flush();
        }
    }

    private static void check(String type, String payload) {
        var result = EventValidator.shared().validate(type, payload);
        if (!result.isValid()) {
            throw new IllegalStateException("the seed's " + type + " does not fit its schema: " + result + "\n" + payload);
        }
    }

    private static void send(KafkaProducer<String, String> producer, UUID customer, String type, UUID subject,
            String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, customer.toString(), payload);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_type", type);
        headers.put("ce_source", INVOICING_SOURCE);
        headers.put("ce_specversion", "1.0");
        headers.put("ce_time", Instant.now().toString());
        headers.put("ce_subject", subject.toString());
        headers.put("content-type", "application/json");
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record, (metadata, failure) -> {
            if (failure != null) {
                failure.printStackTrace();
            }
        });
    }

    static String customerRegistered(UUID customer, int index, String registeredAt) {
        return """
                {"customerId": "%s", "legalName": "Bench Customer %d Ltd", "currency": "EUR",
                 "paymentTerms": {"type": "NET", "days": 30}, "segment": "standard",
                 "billingEmail": "ap-%d@bench.example", "language": "en", "registeredAt": "%s"}"""
                .formatted(customer, index, index, registeredAt);
    }

    static String invoiceIssued(UUID invoice, int number, UUID customer, LocalDate issued, int index) {
        BigDecimal net = new BigDecimal(100 + 10 * index).setScale(2);
        return """
                {"invoiceId": "%s", "invoiceNumber": "BENCH-%08d", "customerId": "%s", "currency": "EUR",
                 "issueDate": "%s", "dueDate": "%s", "paymentTerms": {"type": "NET", "days": 30},
                 "subtotal": "%s", "taxTotal": "0.00", "total": "%s",
                 "lines": [{"lineNumber": 1, "description": "Subscription", "quantity": "1", "unitPrice": "%s",
                            "taxRate": "0", "netAmount": "%s", "taxAmount": "0.00"}],
                 "issuedAt": "%s"}"""
                .formatted(invoice, number, customer, issued, issued.plusDays(30), net, net, net, net,
                        issued.atTime(9, 0).toInstant(ZoneOffset.UTC));
    }

    // --- waiting and counting --------------------------------------------------------------------------------------

    /** Until dunning's read model has every seeded customer (with its e-mail) and invoice. */
    static void awaitReadModel(LocalPlatform platform) throws Exception {
        long expectedInvoices = (long) CUSTOMERS * INVOICES_PER_CUSTOMER;
        awaitQuery(platform, "SELECT (SELECT count(*) FROM dunning_customer WHERE billing_email LIKE '%@bench.example')"
                + " * 1000000000 + (SELECT count(*) FROM dunning_invoice WHERE invoice_number LIKE 'BENCH-%')",
                CUSTOMERS * 1_000_000_000L + expectedInvoices, "dunning's read model to hold the seed");
    }

    /** Until no dunning message waits for delivery (QUEUED or SENDING). */
    static void awaitNothingQueued(LocalPlatform platform) throws Exception {
        awaitQuery(platform, "SELECT count(*) FROM dunning_message WHERE status IN ('QUEUED', 'SENDING')", 0,
                "every dunning message to be delivered");
    }

    /** (invoice, step) pairs that more than one dunning message names. */
    static long duplicateInvoiceSteps(LocalPlatform platform) throws Exception {
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl("dunning"), "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT invoice_id, step_number"
                        + " FROM dunning_message_invoice GROUP BY invoice_id, step_number HAVING count(*) > 1) d")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void awaitQuery(LocalPlatform platform, String sql, long expected, String what) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        long last = -1;
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl("dunning"), "postgres", "")) {
            while (System.nanoTime() < deadline) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    last = rs.getLong(1);
                }
                if (last == expected) {
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(500);
            }
        }
        throw new IllegalStateException("timed out waiting for " + what + ": " + last + ", expected " + expected);
    }

    private static void awaitCount(LocalMail mail, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            seen = mail.count();
            if (seen >= atLeast) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException("timed out with " + seen + " e-mails at the SMTP server, expected " + atLeast);
    }

    // --- the baseline ----------------------------------------------------------------------------------------------

    /** Sends {@code count} copies of {@code rawMessage}, each to its own address, over one SMTP connection. */
    static Duration sendStraight(LocalPlatform.Messaging messaging, String rawMessage, int count) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", messaging.host());
        props.put("mail.smtp.port", String.valueOf(messaging.smtpPort()));
        Session session = Session.getInstance(props);
        MimeMessage template = new MimeMessage(session,
                new ByteArrayInputStream(rawMessage.getBytes(StandardCharsets.UTF_8)));
        long start = System.nanoTime();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < count; i++) {
                InternetAddress to = new InternetAddress("baseline-" + i + "@baseline.example");
                MimeMessage copy = new MimeMessage(template);
                copy.setRecipient(Message.RecipientType.TO, to);
                transport.sendMessage(copy, new InternetAddress[] { to });
            }
        }
        return since(start);
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
