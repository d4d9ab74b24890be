package io.receivables.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local SMTP server as a client uses it: a real message over SMTP (jakarta.mail, as Quarkus Mailer sends), read back
 * through the HTTP API and over IMAP.
 */
class MailServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private MailServer mail;

    @BeforeEach
    void start() {
        mail = MailServer.start(EmbeddedPostgresServer.HOST, 0, 0, 0);
    }

    @AfterEach
    void stop() {
        mail.close();
    }

    @Test
    void aMultipartReminderSentOverSmtpIsListedAndReadableAsTextAndOverImap() throws Exception {
        send(reminder("ap@customer.example", "Reminder: invoice INV-2026-000042",
                "Please pay INV-2026-000042: 800.00 EUR due."));

        JsonNode listed = getJson("/messages");
        assertThat(listed.get("messages")).hasSize(1);
        JsonNode message = listed.get("messages").get(0);
        assertThat(message.get("mailbox").asText()).isEqualTo("ap@customer.example");
        assertThat(message.get("to").get(0).asText()).isEqualTo("ap@customer.example");
        assertThat(message.get("from").get(0).asText()).isEqualTo("collections@receivables.local");
        assertThat(message.get("replyTo").get(0).asText()).isEqualTo("collector@receivables.local");
        assertThat(message.get("subject").asText()).isEqualTo("Reminder: invoice INV-2026-000042");
        assertThat(message.get("text").asText()).isEqualTo("Please pay INV-2026-000042: 800.00 EUR due.");
        assertThat(message.get("attachments").get(0).asText()).isEqualTo("statement.pdf");
        assertThat(message.get("messageId").asText()).startsWith("<");

        String id = message.get("id").asText();
        HttpResponse<String> text = get("/messages/" + id);
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.body()).contains("To: ap@customer.example", "Reply-To: collector@receivables.local",
                "Subject: Reminder: invoice INV-2026-000042", "Attachments: statement.pdf",
                "Please pay INV-2026-000042: 800.00 EUR due.")
                .doesNotContain("<p>");
        HttpResponse<String> raw = get("/messages/" + id + "/raw");
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Content-Type")).hasValue("message/rfc822");
        assertThat(raw.body()).contains("multipart/mixed", "<p>Please pay");

        // IMAP: the recipient's address is the login and the password
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect(mail.host(), mail.imapPort(), "ap@customer.example", "ap@customer.example");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(1);
            assertThat(inbox.getMessage(1).getSubject()).isEqualTo("Reminder: invoice INV-2026-000042");
            inbox.close(false);
        }
    }

    @Test
    void eachRecipientsCopyIsListedOnceAndCanBeFilteredByRecipient() throws Exception {
        send(reminder("a@one.example", "first", "one"));
        send(reminder("b@two.example", "second", "two"));
        send(reminder("a@one.example", "third", "three"));

        assertThat(getJson("/count").get("count").asInt()).isEqualTo(3);
        assertThat(getJson("/messages?text=false").get("messages")).hasSize(3)
                .allSatisfy(m -> assertThat(m.has("text")).isFalse());
        JsonNode toA = getJson("/messages?to=a@one.example").get("messages");
        assertThat(toA).extracting(m -> m.get("subject").asText()).containsExactlyInAnyOrder("first", "third");
        assertThat(toA).extracting(m -> m.get("messageId").asText()).doesNotHaveDuplicates();
    }

    @Test
    void anUnknownMessageIs404AndTheApiIsReadOnly() throws Exception {
        assertThat(get("/messages/nobody@example.com/1").statusCode()).isEqualTo(404);
        HttpResponse<String> delete = HTTP.send(HttpRequest.newBuilder(mail.url().resolve("/messages"))
                .DELETE().timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    private MimeMessage reminder(String to, String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("collections@receivables.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setReplyTo(new InternetAddress[] { new InternetAddress("collector@receivables.local") });
        message.setSubject(subject, "UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>" + text + "</p>", "text/html; charset=UTF-8");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource("%PDF-1.7".getBytes(StandardCharsets.US_ASCII),
                "application/pdf")));
        pdf.setFileName("statement.pdf");
        pdf.setDisposition(MimeBodyPart.ATTACHMENT);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(pdf);
        message.setContent(mixed);
        return message;
    }

    private void send(MimeMessage message) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", mail.host());
        props.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
        Session session = Session.getInstance(props);
        MimeMessage bound = new MimeMessage(session, toStream(message));
        Transport.send(bound);
    }

    private static java.io.InputStream toStream(MimeMessage message) throws Exception {
        message.saveChanges();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        return new java.io.ByteArrayInputStream(out.toByteArray());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(mail.url() + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
