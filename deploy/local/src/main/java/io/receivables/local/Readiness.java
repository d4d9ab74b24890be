package io.receivables.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;

/** Whether a part that runs in a process of its own serves yet, asked as its clients would. */
final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Readiness() {
    }

    /** The broker answers a client: it has a controller and lists itself. */
    static boolean kafkaAnswers(String bootstrapServers) throws Exception {
        try (Admin admin = KafkaKraftBroker.admin(bootstrapServers)) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        }
    }

    /** {@code GET <url>} answers 200 (Connect's {@code /health}: it has joined its group and read its configs). */
    static boolean answers200(URI url) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
