package io.receivables.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The outbox connectors' configuration, from its single source of truth in {@code deploy/connect/} (on the class
 * path as {@value #TEMPLATE} and {@value #CONNECTORS}), also used by the Kubernetes manifests.
 * <p>
 * The template holds {@code {{name}}} placeholders: this syntax clashes neither with Kafka Connect's config
 * providers ({@code ${provider:path:key}}) nor with the Outbox Event Router's {@code ${routedByValue}}. The
 * placeholders are the fields of a {@code connectors.json} entry ({@code name}, {@code service}, {@code database},
 * {@code topic}, {@code topicPrefix}, {@code slot}, {@code publication}) and the environment's database endpoint
 * ({@code db.host}, {@code db.port}, {@code db.user}, {@code db.password}).
 */
public final class OutboxConnectors {

    public static final String TEMPLATE = "deploy/connect/outbox-connector.template.json";
    public static final String CONNECTORS = "deploy/connect/connectors.json";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_.-]+)}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private OutboxConnectors() {
    }

    /** One outbox connector: a producing service's database to its event topic. */
    public record Definition(String name, String service, String database, String topic, String topicPrefix, String slot,
            String publication) {

        public Definition {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(topicPrefix, "topicPrefix");
            Objects.requireNonNull(slot, "slot");
            Objects.requireNonNull(publication, "publication");
        }

        /** The placeholders this entry fills in. */
        public Map<String, String> placeholders() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("name", name);
            values.put("service", service);
            values.put("database", database);
            values.put("topic", topic);
            values.put("topicPrefix", topicPrefix);
            values.put("slot", slot);
            values.put("publication", publication);
            return values;
        }

        /** The connector's configuration for a database server: the template with every placeholder filled in. */
        public Map<String, String> config(DatabaseEndpoint endpoint) {
            Map<String, String> values = placeholders();
            values.putAll(endpoint.placeholders());
            return render(template(), values);
        }

        /** Where Debezium writes this connector's heartbeats: {@code <topic.heartbeat.prefix>.<topic.prefix>}. */
        public String heartbeatTopic() {
            Map<String, String> template = template();
            String prefix = template.getOrDefault("topic.heartbeat.prefix", "__debezium-heartbeat");
            return prefix + "." + fill(template.get("topic.prefix"), placeholders());
        }
    }

    private record Catalogue(List<Definition> connectors) {
    }

    /** How the connectors reach PostgreSQL in one environment. */
    public record DatabaseEndpoint(String host, int port, String user, String password) {

        public Map<String, String> placeholders() {
            return Map.of("db.host", host, "db.port", String.valueOf(port), "db.user", user, "db.password", password);
        }
    }

    /** The entries of {@value #CONNECTORS}. */
    public static List<Definition> load() {
        try (InputStream in = resource(CONNECTORS)) {
            return List.copyOf(JSON.readValue(in, Catalogue.class).connectors());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + CONNECTORS, e);
        }
    }

    /** The entry for a producing service. */
    public static Definition forService(String service) {
        return load().stream().filter(d -> d.service().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no outbox connector for service " + service));
    }

    /** The raw template of {@value #TEMPLATE}, placeholders unfilled. */
    public static Map<String, String> template() {
        try (InputStream in = resource(TEMPLATE)) {
            return JSON.readValue(in, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + TEMPLATE, e);
        }
    }

    /** Fills the placeholders of every value; a placeholder without a value is an error. */
    public static Map<String, String> render(Map<String, String> template, Map<String, String> values) {
        Map<String, String> config = new LinkedHashMap<>();
        template.forEach((key, value) -> config.put(key, fill(value, values)));
        return config;
    }

    static String fill(String value, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = values.get(matcher.group(1));
            if (replacement == null) {
                throw new IllegalArgumentException("no value for placeholder {{" + matcher.group(1) + "}} in '" + value + "'");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = OutboxConnectors.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException(path + " is not on the class path");
        }
        return in;
    }
}
