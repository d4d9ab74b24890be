package io.receivables.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Registers connectors with a Kafka Connect cluster through its REST API: {@code PUT /connectors/{name}/config}
 * creates or updates a connector, so registering twice is harmless.
 */
public final class ConnectorRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRegistrar.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI connectUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ConnectorRegistrar(URI connectUrl) {
        this.connectUrl = connectUrl;
    }

    /** A connector's state and its tasks' states, as {@code GET /connectors/{name}/status} reports them. */
    public record Status(String connector, String connectorState, List<TaskStatus> tasks) {

        public boolean running() {
            return "RUNNING".equals(connectorState) && !tasks.isEmpty()
                    && tasks.stream().allMatch(t -> "RUNNING".equals(t.state()));
        }

        public Optional<String> failure() {
            if ("FAILED".equals(connectorState)) {
                return Optional.of("connector " + connector + " FAILED");
            }
            return tasks.stream().filter(t -> "FAILED".equals(t.state())).findFirst()
                    .map(t -> "task " + t.id() + " of " + connector + " FAILED: " + t.trace());
        }
    }

    public record TaskStatus(int id, String state, String trace) {
    }

    /**
     * Creates or updates {@code name} with {@code config}; leaves it alone when it already has exactly this
     * configuration (a PUT would restart it). Retries while the worker is not ready for it (409 during a rebalance,
     * 5xx while it starts) until {@code timeout}. Returns whether it created or changed the connector.
     */
    public boolean register(String name, Map<String, String> config, Duration timeout) {
        Optional<Map<String, String>> current = config(name);
        if (current.isPresent()) {
            Map<String, String> existing = new java.util.HashMap<>(current.get());
            existing.remove("name");
            if (existing.equals(config)) {
                LOG.info("Connector {} is registered with this configuration already", name);
                return false;
            }
        }
        String body;
        try {
            body = JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(connectorUri(name, "/config"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build();
        Polling.await("Kafka Connect to accept connector " + name, timeout, () -> {
            HttpResponse<String> response = send(request);
            int status = response.statusCode();
            if (status == 200 || status == 201) {
                return true;
            }
            if (status == 409 || status >= 500) {
                // not ready for it yet: a rebalance, or the worker still reading its config topic
                return false;
            }
            throw new IllegalStateException("Kafka Connect rejected connector " + name + ": " + status + " " + response.body());
        });
        LOG.info("Registered connector {}", name);
        return true;
    }

    /** The configuration of a connector, or empty when Connect does not know it. */
    public Optional<Map<String, String>> config(String name) {
        HttpRequest request = HttpRequest.newBuilder(connectorUri(name, "/config")).timeout(Duration.ofSeconds(30)).GET()
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("config of " + name + ": " + response.statusCode() + " " + response.body());
        }
        try {
            return Optional.of(
                    JSON.readValue(response.body(), new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {
                    }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable config of " + name + ": " + response.body(), e);
        }
    }

    /** The status, or empty when Connect does not know the connector (yet). */
    public Optional<Status> status(String name) {
        HttpRequest request = HttpRequest.newBuilder(connectorUri(name, "/status")).timeout(Duration.ofSeconds(30)).GET()
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status of " + name + ": " + response.statusCode() + " " + response.body());
        }
        try {
            JsonNode json = JSON.readTree(response.body());
            List<TaskStatus> tasks = new java.util.ArrayList<>();
            json.path("tasks").forEach(t -> tasks.add(new TaskStatus(t.path("id").asInt(), t.path("state").asText(),
                    t.path("trace").asText(""))));
            return Optional.of(new Status(name, json.path("connector").path("state").asText(), List.copyOf(tasks)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable status of " + name + ": " + response.body(), e);
        }
    }

    /** Waits until the connector and all its tasks are RUNNING; fails at once when one of them FAILED. */
    public void awaitRunning(String name, Duration timeout) {
        Polling.await("connector " + name + " and its task to be RUNNING", timeout, () -> {
            Optional<Status> status = status(name);
            if (status.isEmpty()) {
                return false;
            }
            Optional<String> failure = status.get().failure();
            if (failure.isPresent()) {
                throw new ConnectorFailedException(failure.get());
            }
            return status.get().running();
        });
    }

    /** The names of the registered connectors. */
    public List<String> connectors() {
        HttpRequest request = HttpRequest.newBuilder(connectUrl.resolve("/connectors")).timeout(Duration.ofSeconds(30)).GET()
                .build();
        HttpResponse<String> response = send(request);
        try {
            return List.of(JSON.readValue(response.body(), String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable connector list: " + response.body(), e);
        }
    }

    /** Removes a connector (its source offsets stay in Connect's offsets topic). */
    public void delete(String name) {
        HttpRequest request = HttpRequest.newBuilder(connectorUri(name, "")).timeout(Duration.ofSeconds(30)).DELETE().build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 204 && response.statusCode() != 404) {
            throw new IllegalStateException("could not delete " + name + ": " + response.statusCode() + " " + response.body());
        }
    }

    private URI connectorUri(String name, String suffix) {
        return connectUrl.resolve("/connectors/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + suffix);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.uri(), e);
        }
    }

    /** A connector or one of its tasks is FAILED. */
    public static final class ConnectorFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConnectorFailedException(String message) {
            super(message);
        }
    }
}
