package io.receivables.dunning.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.receivables.common.testing.CloudEventProducer;
import io.receivables.common.testing.TestTokens;
import io.receivables.dunning.MutableClock;
import io.receivables.dunning.delivery.MessageFixture.Named;
import io.receivables.dunning.delivery.service.DeliveryWorker;
import io.receivables.dunning.receivable.DunningDatabase;
import io.receivables.dunning.receivable.DunningEvents;
import io.receivables.local.testing.LocalInfraTestResource;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * E-mail delivery against a real SMTP server (GreenMail on 127.0.0.1:23025, as the test profile configures the mailer),
 * real PostgreSQL and the read model built from Kafka. The clock is moved instead of sleeping.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "dunning"))
class EmailDeliveryTest {

    static final String PROBLEMS = "https://receivables.io/problems/";
    static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    Pool pool;

    @Inject
    DunningDatabase db;

    @Inject
    DeliveryWorker worker;

    @Inject
    MutableClock clock;

    GreenMail smtp;
    MessageFixture fixture;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(23025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        fixture = new MessageFixture(pool);
    }

    @AfterEach
    void stop() {
        smtp.stop();
        clock.reset();
    }

    @Test
    void aQueuedEmailArrivesOnceWithBothPartsTheStatementReplyToAndMessageIdAndIsPublishedOnce() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        String address = "ap-" + customer + "@customer.example";
        try (CloudEventProducer producer = new CloudEventProducer(bootstrap)) {
            DunningEvents events = new DunningEvents(producer);
            events.customerUpdated(customer, "Müller & Söhne GmbH", "standard", "en", address, List.of(), null);
            events.invoiceIssued(customer, invoice, "1000.00", DunningEvents.DUE);
            events.disputeOpened(UUID.randomUUID(), customer, UUID.randomUUID(), invoice, "200.00");
        }
        await().atMost(WAIT).until(() -> db.disputedAmount(invoice) != null && db.disputedAmount(invoice).signum() > 0);
        String number = DunningEvents.number(invoice);
        UUID message = fixture.queue(customer, "EMAIL", address, clock.instant(),
                List.of(new Named(invoice, number, DunningEvents.DUE, "1000.00", "200.00")));

        deliverAll();
        deliverAll();

        MimeMessage[] received = to(address);
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Payment reminder RF18 5390 0754 7034");
        assertThat(mail.getHeader("Message-ID")).containsExactly("<" + message + "@dunning.receivables>");
        assertThat(Arrays.stream(mail.getReplyTo()).map(a -> ((InternetAddress) a).getAddress()))
                .containsExactly("collections@example.com");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("receivables@example.com");
        Multipart mixed = (Multipart) mail.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alternative.getBodyPart(0).getContent().toString()).contains("800.00 EUR")
                .contains("RF18 5390 0754 7034");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(alternative.getBodyPart(1).getContent().toString()).contains("<p>Please pay 800.00 EUR");
        BodyPart attachment = mixed.getBodyPart(1);
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        assertThat(attachment.getFileName()).startsWith("statement-").endsWith(".pdf");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        attachment.getDataHandler().writeTo(pdf);
        try (PDDocument statement = Loader.loadPDF(pdf.toByteArray())) {
            String text = new PDFTextStripper().getText(statement);
            assertThat(text).contains("Statement of account").contains("Müller & Söhne GmbH").contains(number)
                    .contains(DunningEvents.DUE.toString()).contains("1000.00 EUR").contains("200.00 EUR")
                    .contains("800.00 EUR");
        }

        MessageFixture.Delivery delivery = fixture.delivery(message);
        assertThat(delivery.status()).isEqualTo("SENT");
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.sentAt()).isNotNull();
        assertThat(fixture.count("SELECT count(*) FROM outbox WHERE type = 'reminder-sent' AND aggregateid = $1",
                message.toString())).isEqualTo(1);
        assertThat(fixture.count("SELECT count(*) FROM outbox WHERE type = 'reminder-sent' AND aggregateid = $1"
                + " AND payload->>'channel' = 'EMAIL' AND payload->>'templateId' = 'reminder-1.en'"
                + " AND payload->>'amountOverdue' = '800.00' AND payload->'invoiceIds'->>0 = $2", message.toString(),
                invoice.toString())).isEqualTo(1);

        // the message with its delivery, and a bounce reported by the relay's callback
        given().get("/messages/" + message).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("SENT"))
                .body("invoices[0].invoiceNumber", org.hamcrest.Matchers.equalTo(number))
                .body("invoices[0].amountDue", org.hamcrest.Matchers.equalTo("800.00"));
        String relay = "Bearer " + TestTokens.serviceAccount("smtp-relay", "integration");
        given().header("Authorization", relay).contentType("application/json")
                .body("{\"reason\": \"550 5.1.1 mailbox unknown\"}").post("/messages/" + message + "/bounce").then()
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("BOUNCED"))
                .body("lastError", org.hamcrest.Matchers.equalTo("550 5.1.1 mailbox unknown"));
        given().header("Authorization", relay).contentType("application/json")
                .body("{\"reason\": \"again\"}").post("/messages/" + message + "/bounce").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.equalTo(PROBLEMS + "conflict"));
        assertThat(fixture.count("SELECT count(*) FROM audit_log WHERE operation = 'reportMessageBounce'"
                + " AND entity_id = $1", message.toString())).isEqualTo(1);
        assertThat(fixture.delivery(message).lastError()).isEqualTo("550 5.1.1 mailbox unknown");
    }

    @Test
    void whileTheSmtpServerIsDownTheMessageWaitsWithBackoffAndIsDeliveredOnceWhenItIsBack() throws Exception {
        String address = "outage-" + UUID.randomUUID() + "@customer.example";
        UUID message = fixture.queue(UUID.randomUUID(), "EMAIL", address, clock.instant(), List.of(invoice()));
        smtp.stop();

        deliverAll();
        MessageFixture.Delivery first = fixture.delivery(message);
        assertThat(first.status()).isEqualTo("QUEUED");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("SMTP");
        assertThat(Duration.between(clock.instant(), first.nextAttemptAt())).isBetween(Duration.ofSeconds(25),
                Duration.ofSeconds(30));

        // not due yet: no attempt
        deliverAll();
        assertThat(fixture.delivery(message).attempts()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(31));
        deliverAll();
        MessageFixture.Delivery second = fixture.delivery(message);
        assertThat(second.status()).isEqualTo("QUEUED");
        assertThat(second.attempts()).isEqualTo(2);
        // doubled: 60 s after the second attempt
        assertThat(Duration.between(clock.instant(), second.nextAttemptAt())).isBetween(Duration.ofSeconds(55),
                Duration.ofSeconds(60));

        smtp = new GreenMail(new ServerSetup(23025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        clock.advance(Duration.ofSeconds(61));
        deliverAll();
        deliverAll();

        assertThat(to(address)).hasSize(1);
        MessageFixture.Delivery delivered = fixture.delivery(message);
        assertThat(delivered.status()).isEqualTo("SENT");
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(fixture.count("SELECT count(*) FROM outbox WHERE type = 'reminder-sent' AND aggregateid = $1",
                message.toString())).isEqualTo(1);
    }

    @Test
    void aTransientCauseThatOutlastsTheMaximumOfAttemptsEndsFailedWithTheReason() {
        UUID message = fixture.queue(UUID.randomUUID(), "EMAIL", "never-" + UUID.randomUUID() + "@customer.example",
                clock.instant(), List.of(invoice()));
        smtp.stop();

        // the test profile allows 4 attempts
        for (int attempt = 1; attempt <= 4; attempt++) {
            deliverAll();
            clock.advance(Duration.ofMinutes(10));
        }

        MessageFixture.Delivery delivery = fixture.delivery(message);
        assertThat(delivery.status()).isEqualTo("FAILED");
        assertThat(delivery.attempts()).isEqualTo(4);
        assertThat(delivery.lastError()).startsWith("gave up after 4 attempt(s); the last: SMTP");
        assertThat(fixture.count("SELECT count(*) FROM outbox WHERE aggregateid = $1", message.toString()))
                .isZero();
    }

    @Test
    void anAddressNoServerCouldAcceptIsFailedAtOnceWithTheReason() {
        UUID message = fixture.queue(UUID.randomUUID(), "EMAIL", "not an address", clock.instant(),
                List.of(invoice()));

        deliverAll();

        MessageFixture.Delivery delivery = fixture.delivery(message);
        assertThat(delivery.status()).isEqualTo("FAILED");
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.lastError()).isNotBlank();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void twoWorkersRacingDeliverEachMessageOnce() throws Exception {
        String domain = "race-" + UUID.randomUUID() + ".example";
        List<UUID> messages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            messages.add(fixture.queue(UUID.randomUUID(), "EMAIL", "m" + i + "@" + domain, clock.instant(),
                    List.of(invoice())));
        }
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(replicas.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return deliverAll();
                }));
            }
            for (Future<Integer> run : runs) {
                run.get(120, TimeUnit.SECONDS);
            }
        } finally {
            replicas.shutdownNow();
        }

        for (int i = 0; i < 6; i++) {
            assertThat(to("m" + i + "@" + domain)).as("message %d", i).hasSize(1);
            assertThat(fixture.delivery(messages.get(i)).attempts()).isEqualTo(1);
            assertThat(fixture.count("SELECT count(*) FROM outbox WHERE type = 'reminder-sent' AND aggregateid = $1",
                    messages.get(i).toString())).isEqualTo(1);
        }
    }

    @Test
    void anAttemptWhoseWorkerDiedIsTakenOverAfterItsTimeoutAndSentWithTheSameMessageId() throws Exception {
        String address = "crash-" + UUID.randomUUID() + "@customer.example";
        UUID message = fixture.queue(UUID.randomUUID(), "EMAIL", address, clock.instant(), List.of(invoice()));
        // claimed by a worker that died before recording: SENDING until the attempt timeout (5 minutes)
        fixture.abandon(message, clock.instant().plus(Duration.ofMinutes(5)));

        deliverAll();
        assertThat(fixture.delivery(message).status()).isEqualTo("SENDING");
        assertThat(to(address)).isEmpty();

        clock.advance(Duration.ofMinutes(6));
        deliverAll();

        MimeMessage[] received = to(address);
        assertThat(received).hasSize(1);
        assertThat(received[0].getHeader("Message-ID")).containsExactly("<" + message + "@dunning.receivables>");
        assertThat(fixture.delivery(message).status()).isEqualTo("SENT");
        assertThat(fixture.delivery(message).attempts()).isEqualTo(2);
    }

    @Test
    void aHundredQueuedMessagesAreEachDeliveredOnceAndTheWorkerReportsItsPace() {
        String domain = "batch-" + UUID.randomUUID() + ".example";
        List<UUID> messages = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            messages.add(fixture.queue(UUID.randomUUID(), "EMAIL", "m" + i + "@" + domain, clock.instant(),
                    List.of(invoice())));
        }

        long started = System.nanoTime();
        deliverAll();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("dchan: one worker delivered 100 e-mails with statements to GreenMail in %d ms%n", millis);

        long ours = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return ((InternetAddress) m.getAllRecipients()[0]).getAddress().endsWith("@" + domain);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
        assertThat(ours).isEqualTo(100);
        assertThat(fixture.count("SELECT count(*) FROM dunning_message WHERE id = ANY($1) AND status = 'SENT'"
                + " AND attempts = 1", (Object) messages.toArray(UUID[]::new))).isEqualTo(100);
    }

    private Named invoice() {
        UUID id = UUID.randomUUID();
        return new Named(id, DunningEvents.number(id), LocalDate.of(2026, 12, 2), "120.00", "0.00");
    }

    private int deliverAll() {
        return MessageFixture.deliverAll(worker);
    }

    private MimeMessage[] to(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> ((InternetAddress) a).getAddress()
                    .equals(address))) {
                found.add(message);
            }
        }
        return found.toArray(MimeMessage[]::new);
    }
}
