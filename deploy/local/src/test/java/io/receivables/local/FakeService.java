package io.receivables.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a packaged Quarkus service in tests: reads the same environment variables, runs its "migrations"
 * (the outbox table), answers {@code /q/health/ready}, and shows its {@code AR_*} environment on {@code /env}.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws Exception {
        String url = "jdbc:postgresql://" + System.getenv("AR_DB_HOST") + ":" + System.getenv("AR_DB_PORT") + "/"
                + System.getenv("AR_DB_NAME");
        try (Connection connection = DriverManager.getConnection(url, System.getenv("AR_DB_USER"),
                System.getenv("AR_DB_PASSWORD"))) {
            Outbox.create(connection);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"))), 0);
        server.createContext("/q/health/ready", exchange -> respond(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/env", exchange -> {
            Map<String, String> env = new TreeMap<>();
            System.getenv().forEach((k, v) -> {
                if (k.startsWith("AR_") || k.startsWith("QUARKUS_") || k.startsWith("RECEIVABLES_")) {
                    env.put(k, v);
                }
            });
            StringBuilder body = new StringBuilder();
            env.forEach((k, v) -> body.append(k).append('=').append(v).append('\n'));
            respond(exchange, body.toString());
        });
        server.start();
        System.out.println("fake " + System.getenv("AR_DB_NAME") + " service listening");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
