package io.receivables.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.receivables.local.LocalPlatform;

/**
 * A client of the platform's REST APIs, as an integrating system would be: plain HTTP and JSON, with a bearer token from
 * the platform's Keycloak ({@link #useTokensOf(LocalPlatform)}: the {@code ar-admin} demo user's, unless a request
 * names its own {@code Authorization}).
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keycloak's tokens live 15 minutes (KeycloakRealm); a new one is fetched well before. */
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(10);
    private static volatile LocalPlatform tokenIssuer;
    private static volatile String adminToken;
    private static volatile long adminTokenNanos;

    /** From now on, requests carry an {@code ar-admin} token from this platform's Keycloak. */
    public static void useTokensOf(LocalPlatform platform) {
        tokenIssuer = platform;
        adminToken = null;
    }

    /** The {@code Authorization} value of the default ({@code ar-admin}) token, or null without a Keycloak. */
    public static synchronized String authorization() {
        LocalPlatform platform = tokenIssuer;
        if (platform == null || platform.keycloak().isEmpty()) {
            return null;
        }
        if (adminToken == null || System.nanoTime() - adminTokenNanos > TOKEN_REUSE.toNanos()) {
            adminToken = platform.keycloak().get().passwordGrantToken("ar-admin");
            adminTokenNanos = System.nanoTime();
        }
        return "Bearer " + adminToken;
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param headers the response's headers (e.g. {@code Location}) */
    public record Reply(int status, JsonNode body, java.net.http.HttpHeaders headers) {

        public Reply(int status, JsonNode body) {
            this(status, body, java.net.http.HttpHeaders.of(java.util.Map.of(), (name, value) -> true));
        }

        public java.util.Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /** @param headers further request headers, as name, value, name, value, … */
    public Reply post(String url, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(30));
        boolean ownAuthorization = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            ownAuthorization |= headers[i].equalsIgnoreCase("Authorization");
        }
        return send(ownAuthorization ? request : authorized(request));
    }

    /**
     * A POST of {@code body} as {@code contentType} (a bank statement, a webhook's raw bytes); with the default token, or
     * with none when {@code anonymous} (a payment gateway has no token: its request is signed).
     */
    public Reply post(String url, String contentType, byte[] body, boolean anonymous, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(anonymous ? request : authorized(request));
    }

    /** A PUT of {@code json} with the default token; @param headers further request headers, name, value, … */
    public Reply put(String url, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(authorized(request));
    }

    public Reply get(String url) {
        return send(authorized(HttpRequest.newBuilder(URI.create(url)).GET().timeout(Duration.ofSeconds(30))));
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        String authorization = authorization();
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    public JsonNode created(String url, String json, String... headers) {
        Reply reply = post(url, json, headers);
        if (reply.status() != 201) {
            throw new AssertionError("POST " + url + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.body();
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Reply(response.statusCode(), body == null || body.isEmpty() ? null : JSON.readTree(body),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String customer(String currency) {
        return """
                {"legalName": "E2E Customer %d", "currency": "%s", "paymentTerms": {"type": "NET", "days": 30}}"""
                .formatted(System.nanoTime(), currency);
    }

    public static String invoice(String customerId, String unitPrice) {
        return """
                {"customerId": "%s", "issueDate": "2026-11-02",
                 "lines": [{"description": "Subscription", "quantity": "1", "unitPrice": "%s", "taxRate": "0"}]}"""
                .formatted(customerId, unitPrice);
    }
}
