package io.receivables.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.receivables.local.LocalPlatform;

/**
 * What the platform's SMTP server received, read as a user reads it: its HTTP API ({@code GET /messages}, see
 * deploy/local MailServer). Each element is one recipient's copy: {@code mailbox}, {@code to}, {@code subject},
 * {@code text} (the {@code text/plain} part), {@code attachments}, {@code messageId}.
 */
public final class LocalMail {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI url;

    public LocalMail(LocalPlatform platform) {
        this.url = platform.messaging().orElseThrow(() -> new IllegalStateException("the platform runs no mail server"))
                .mailUrl();
    }

    /** Every copy received for {@code address}, with its text, oldest first. */
    public List<JsonNode> to(String address) {
        return list("/messages?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8));
    }

    /** Every copy received, without the text (for counting many). */
    public List<JsonNode> all() {
        return list("/messages?text=false");
    }

    /** How many copies the server holds ({@code GET /count}: cheap, for polling while it receives many). */
    public int count() {
        try {
            return JSON.readTree(get("/count")).get("count").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One copy's MIME source, by its {@code id}. */
    public String raw(String id) {
        return get("/messages/" + id + "/raw");
    }

    private List<JsonNode> list(String pathAndQuery) {
        try {
            List<JsonNode> messages = new ArrayList<>();
            JSON.readTree(get(pathAndQuery)).get("messages").forEach(messages::add);
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String get(String pathAndQuery) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + pathAndQuery))
                    .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + pathAndQuery + " of the mail server answered " + response.statusCode()
                        + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
