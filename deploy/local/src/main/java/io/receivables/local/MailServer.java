package io.receivables.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The local platform's SMTP server: GreenMail (the {@code com.icegreen:greenmail} library) accepting every message for
 * every address, so that the dunning service sends real e-mail over SMTP and nothing leaves the machine, and a small
 * read-only HTTP API over what it received, so that a user (and a test) can see what was sent:
 *
 * <ul>
 * <li>{@code GET /messages} every message, oldest first, as JSON with its {@code text/plain} part ({@code ?to=<address>}:
 * one recipient's; {@code ?text=false}: without the text, for counting many)</li>
 * <li>{@code GET /messages/<mailbox>/<uid>} one as text: its headers, its {@code text/plain} part and its attachments'
 * names</li>
 * <li>{@code GET /messages/<mailbox>/<uid>/raw} its MIME source ({@code message/rfc822})</li>
 * <li>{@code GET /count} how many copies it holds, {@code {"count": n}} (cheap: for polling)</li>
 * <li>{@code GET /health} 200 once SMTP accepts connections</li>
 * </ul>
 * GreenMail keeps one copy per recipient (its mailbox): a message to two addresses is listed twice, each copy with its
 * {@code mailbox}; copies of one message share their {@code messageId}. IMAP serves the same mailboxes: the login is the
 * recipient's address, its password the address too (GreenMail creates a recipient's account on first delivery so).
 * Messages live in memory: a restart of this part starts empty.
 */
public final class MailServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailServer.class);
    public static final int DEFAULT_SMTP_PORT = 13025;
    public static final int DEFAULT_IMAP_PORT = 13143;
    public static final int DEFAULT_HTTP_PORT = 18025;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final GreenMail greenMail;
    private final com.sun.net.httpserver.HttpServer http;
    private final String host;
    private final int smtpPort;
    private final int imapPort;

    private MailServer(GreenMail greenMail, com.sun.net.httpserver.HttpServer http, String host, int smtpPort,
            int imapPort) {
        this.greenMail = greenMail;
        this.http = http;
        this.host = host;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    /** Starts SMTP, IMAP and the HTTP API on {@code host} (ports 0: free ones, picked now). */
    public static MailServer start(String host, int smtpPort, int imapPort, int httpPort) {
        int smtp = FreePorts.orFree(smtpPort);
        int imap = FreePorts.orFree(imapPort);
        GreenMail greenMail = new GreenMail(new ServerSetup[] { new ServerSetup(smtp, host, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, host, ServerSetup.PROTOCOL_IMAP) })
                // any sender, any recipient, no SMTP AUTH: a relay for one machine
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        com.sun.net.httpserver.HttpServer server;
        try {
            server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(host, FreePorts.orFree(httpPort)), 0);
        } catch (IOException e) {
            greenMail.stop();
            throw new UncheckedIOException("could not serve the mail API on " + host + ":" + httpPort, e);
        }
        MailServer mail = new MailServer(greenMail, server, host, smtp, imap);
        server.createContext("/messages", mail::messages);
        server.createContext("/count", exchange -> {
            try (exchange) {
                Http.send(exchange, 200, "application/json", "{\"count\": " + mail.count() + "}\n");
            }
        });
        server.createContext("/health", exchange -> {
            try (exchange) {
                Http.send(exchange, 200, "text/plain", "UP\n");
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(2, daemon("mail-api")));
        server.start();
        LOG.info("SMTP on {}:{}, IMAP on {}:{}, sent mail at {}", host, smtp, host, imap, mail.url());
        return mail;
    }

    /** {@code http://<host>:<port>}: the reading API. */
    public URI url() {
        return URI.create("http://" + host + ":" + http.getAddress().getPort());
    }

    public String host() {
        return host;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** One received copy: a recipient's mailbox and the message's uid in it. */
    public record Received(String mailbox, long uid, MimeMessage message) {

        public String id() {
            return mailbox + "/" + uid;
        }
    }

    /** How many copies were received (every recipient's), without reading them. */
    public int count() {
        ImapHostManager imap = greenMail.getManagers().getImapHostManager();
        int count = 0;
        for (GreenMailUser user : greenMail.getUserManager().listUser()) {
            try {
                count += imap.getInbox(user).getMessageCount();
            } catch (FolderException e) {
                LOG.warn("Could not read the mailbox of {}", user.getEmail(), e);
            }
        }
        return count;
    }

    /** Every copy received, oldest first (then by mailbox and uid). */
    public List<Received> received() {
        ImapHostManager imap = greenMail.getManagers().getImapHostManager();
        List<Received> all = new ArrayList<>();
        for (GreenMailUser user : greenMail.getUserManager().listUser()) {
            try {
                MailFolder inbox = imap.getInbox(user);
                for (StoredMessage stored : inbox.getMessages()) {
                    all.add(new Received(user.getEmail(), stored.getUid(), stored.getMimeMessage()));
                }
            } catch (FolderException e) {
                LOG.warn("Could not read the mailbox of {}", user.getEmail(), e);
            }
        }
        all.sort(Comparator.comparing((Received r) -> receivedAt(r.message()))
                .thenComparing(Received::mailbox).thenComparingLong(Received::uid));
        return all;
    }

    private void messages(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                answer(exchange);
            } catch (MessagingException | RuntimeException e) {
                LOG.warn("Could not answer {}", exchange.getRequestURI(), e);
                Http.send(exchange, 500, "text/plain", "could not read the message: " + e.getMessage() + "\n");
            }
        }
    }

    private void answer(com.sun.net.httpserver.HttpExchange exchange) throws IOException, MessagingException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            Http.send(exchange, 405, "text/plain", "read-only: GET only\n");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String rest = path.length() > "/messages".length() ? path.substring("/messages/".length()) : "";
        if (rest.isEmpty()) {
            Map<String, String> query = Http.query(exchange.getRequestURI());
            String to = query.get("to");
            boolean withText = !"false".equals(query.get("text"));
            List<Map<String, Object>> listed = new ArrayList<>();
            for (Received r : received()) {
                if (to == null || r.mailbox().equalsIgnoreCase(to)) {
                    listed.add(summary(r, withText));
                }
            }
            Http.send(exchange, 200, "application/json", JSON.writeValueAsString(Map.of("messages", listed)));
            return;
        }
        boolean raw = rest.endsWith("/raw");
        String id = raw ? rest.substring(0, rest.length() - "/raw".length()) : rest;
        Optional<Received> found = received().stream().filter(r -> r.id().equals(id)).findFirst();
        if (found.isEmpty()) {
            Http.send(exchange, 404, "text/plain", "no message " + id + "; GET /messages lists them\n");
        } else if (raw) {
            ByteArrayOutputStream source = new ByteArrayOutputStream();
            found.get().message().writeTo(source);
            Http.send(exchange, 200, "message/rfc822", source.toString(StandardCharsets.UTF_8));
        } else {
            Http.send(exchange, 200, "text/plain; charset=utf-8", asText(found.get()));
        }
    }

    static Map<String, Object> summary(Received r, boolean withText) throws MessagingException, IOException {
        MimeMessage m = r.message();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("mailbox", r.mailbox());
        json.put("messageId", m.getMessageID());
        json.put("from", addresses(m.getFrom()));
        json.put("to", addresses(m.getRecipients(Message.RecipientType.TO)));
        json.put("cc", addresses(m.getRecipients(Message.RecipientType.CC)));
        json.put("replyTo", addresses(m.getReplyTo()));
        json.put("subject", m.getSubject());
        json.put("receivedAt", receivedAt(m).toString());
        json.put("attachments", attachments(m));
        if (withText) {
            json.put("text", textOf(m).orElse(null));
        }
        return json;
    }

    static String asText(Received r) throws MessagingException, IOException {
        MimeMessage m = r.message();
        StringBuilder text = new StringBuilder();
        text.append("From: ").append(String.join(", ", addresses(m.getFrom()))).append('\n');
        text.append("To: ").append(String.join(", ", addresses(m.getRecipients(Message.RecipientType.TO)))).append('\n');
        List<String> replyTo = addresses(m.getReplyTo());
        if (!replyTo.isEmpty()) {
            text.append("Reply-To: ").append(String.join(", ", replyTo)).append('\n');
        }
        text.append("Subject: ").append(m.getSubject()).append('\n');
        text.append("Received: ").append(receivedAt(m)).append('\n');
        text.append("Message-ID: ").append(m.getMessageID()).append('\n');
        List<String> attachments = attachments(m);
        if (!attachments.isEmpty()) {
            text.append("Attachments: ").append(String.join(", ", attachments)).append('\n');
        }
        text.append('\n').append(textOf(m).orElse("(no text/plain part)")).append('\n');
        return text.toString();
    }

    private static Instant receivedAt(MimeMessage m) {
        try {
            // GreenMail sets the received date on delivery; the sender's Date header is the fallback
            java.util.Date date = m.getReceivedDate() != null ? m.getReceivedDate() : m.getSentDate();
            return date == null ? Instant.EPOCH : date.toInstant();
        } catch (MessagingException e) {
            return Instant.EPOCH;
        }
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> list = new ArrayList<>();
        if (addresses != null) {
            for (Address address : addresses) {
                list.add(address.toString());
            }
        }
        return list;
    }

    /** The first {@code text/plain} part that is not an attachment, as the reader sees it. */
    static Optional<String> textOf(Part part) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return Optional.empty();
        }
        if (part.isMimeType("text/plain")) {
            return Optional.of(String.valueOf(part.getContent()));
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                Optional<String> text = textOf(multipart.getBodyPart(i));
                if (text.isPresent()) {
                    return text;
                }
            }
        }
        return Optional.empty();
    }

    static List<String> attachments(Part part) throws MessagingException, IOException {
        List<String> names = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (child.getFileName() != null) {
                    names.add(child.getFileName());
                } else {
                    names.addAll(attachments(child));
                }
            }
        }
        return names;
    }

    @Override
    public void close() {
        http.stop(0);
        greenMail.stop();
        LOG.info("Mail server stopped");
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** What the two small HTTP servers of the platform (this one, {@link SmsReceiver}) share. */
    static final class Http {

        private Http() {
        }

        static void send(com.sun.net.httpserver.HttpExchange exchange, int status, String contentType, String body)
                throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }

        /** {@code a=1&b=2} of a query string or a form body, decoded; the last of repeated names wins. */
        static Map<String, String> form(String encoded) {
            Map<String, String> fields = new LinkedHashMap<>();
            if (encoded == null || encoded.isEmpty()) {
                return fields;
            }
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
            return fields;
        }

        static Map<String, String> query(URI uri) {
            return form(uri.getRawQuery());
        }
    }
}
