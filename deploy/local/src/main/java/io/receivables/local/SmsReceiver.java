package io.receivables.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.receivables.local.MailServer.Http;

/**
 * The local platform's SMS provider: accepts what an application sends to Twilio's Messages API, so that the dunning
 * service's HTTP adapter talks the same protocol locally as in production, and keeps it for the user to read.
 *
 * <ul>
 * <li>{@code POST /2010-04-01/Accounts/<AccountSid>/Messages.json}, form fields {@code To}, {@code From} (or
 * {@code MessagingServiceSid}) and {@code Body}, HTTP basic auth with the account SID and the auth token: 201 with
 * Twilio's message resource ({@code sid} {@code SM…}, {@code status} {@code queued}); 401 with Twilio's error 20003
 * for wrong credentials, 400 with error 21604 / 21602 / 21603 for a missing {@code To} / {@code Body} / sender</li>
 * <li>{@code GET /messages}: everything received, oldest first, as JSON</li>
 * <li>{@code GET /health}: 200</li>
 * </ul>
 * Messages live in memory: a restart of this part starts empty.
 */
public final class SmsReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmsReceiver.class);
    public static final int DEFAULT_PORT = 13026;
    /** The account SID and auth token the local platform gives the dunning service. */
    public static final String LOCAL_ACCOUNT_SID = "local";
    public static final String LOCAL_AUTH_TOKEN = "local";
    private static final Pattern MESSAGES = Pattern.compile("^/2010-04-01/Accounts/([^/]+)/Messages\\.json$");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Twilio's date format (RFC 2822) in its resources. */
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final com.sun.net.httpserver.HttpServer http;
    private final String host;
    private final String accountSid;
    private final String authToken;
    private final List<Map<String, Object>> received = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();

    private SmsReceiver(com.sun.net.httpserver.HttpServer http, String host, String accountSid, String authToken) {
        this.http = http;
        this.host = host;
        this.accountSid = accountSid;
        this.authToken = authToken;
    }

    /** Serves on {@code host:port} (0: a free port), taking the credentials {@code accountSid} / {@code authToken}. */
    public static SmsReceiver start(String host, int port, String accountSid, String authToken) {
        com.sun.net.httpserver.HttpServer server;
        try {
            server = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(host, FreePorts.orFree(port)), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not serve the SMS receiver on " + host + ":" + port, e);
        }
        SmsReceiver receiver = new SmsReceiver(server, host, accountSid, authToken);
        server.createContext("/2010-04-01/", receiver::send);
        server.createContext("/messages", receiver::list);
        server.createContext("/health", exchange -> {
            try (exchange) {
                Http.send(exchange, 200, "text/plain", "UP\n");
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(2, MailServer.daemon("sms-api")));
        server.start();
        LOG.info("SMS receiver (Twilio Messages API) at {}", receiver.url());
        return receiver;
    }

    /** {@code http://<host>:<port>}: the base URL a Twilio client is pointed at. */
    public URI url() {
        return URI.create("http://" + host + ":" + http.getAddress().getPort());
    }

    /** Everything received so far, oldest first, as {@code GET /messages} shows it. */
    public synchronized List<Map<String, Object>> received() {
        return List.copyOf(received);
    }

    private void send(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = MESSAGES.matcher(exchange.getRequestURI().getPath());
            if (!path.matches()) {
                error(exchange, 404, 20404, "The requested resource " + exchange.getRequestURI().getPath()
                        + " was not found");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                error(exchange, 405, 20004, "Method not allowed");
                return;
            }
            String sid = path.group(1);
            if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"), sid)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Twilio API\"");
                error(exchange, 401, 20003, "Authenticate");
                return;
            }
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> form = Http.form(body);
            String to = form.get("To");
            String from = form.getOrDefault("From", form.get("MessagingServiceSid"));
            String text = form.get("Body");
            if (blank(to)) {
                error(exchange, 400, 21604, "A 'To' phone number is required.");
                return;
            }
            if (blank(from)) {
                error(exchange, 400, 21603, "A 'From' phone number is required.");
                return;
            }
            if (blank(text)) {
                error(exchange, 400, 21602, "Message body is required.");
                return;
            }
            Map<String, Object> message = message(sid, to, from, text);
            synchronized (this) {
                received.add(message);
            }
            LOG.info("SMS {} to {}", message.get("sid"), to);
            Http.send(exchange, 201, "application/json", JSON.writeValueAsString(message));
        }
    }

    /** Basic auth of the account SID in the path (or an API key's SID) with the auth token, as Twilio takes it. */
    private boolean authorized(String header, String sidInPath) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        return colon > 0 && sidInPath.equals(accountSid) && decoded.substring(0, colon).equals(accountSid)
                && decoded.substring(colon + 1).equals(authToken);
    }

    private Map<String, Object> message(String accountSid, String to, String from, String text) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String sid = "SM" + HexFormat.of().formatHex(id);
        String now = RFC_2822.format(Instant.now());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("sid", sid);
        message.put("account_sid", accountSid);
        message.put("to", to);
        message.put("from", from);
        message.put("body", text);
        message.put("status", "queued");
        message.put("direction", "outbound-api");
        message.put("num_segments", String.valueOf(Math.max(1, (text.length() + 152) / 153)));
        message.put("date_created", now);
        message.put("date_updated", now);
        message.put("api_version", "2010-04-01");
        message.put("uri", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid + ".json");
        return message;
    }

    private void list(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                Http.send(exchange, 405, "text/plain", "read-only: GET only\n");
                return;
            }
            Http.send(exchange, 200, "application/json", JSON.writeValueAsString(Map.of("messages", received())));
        }
    }

    private static void error(com.sun.net.httpserver.HttpExchange exchange, int status, int code, String message)
            throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        error.put("status", status);
        Http.send(exchange, status, "application/json", JSON.writeValueAsString(error));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public void close() {
        http.stop(0);
        LOG.info("SMS receiver stopped");
    }
}
