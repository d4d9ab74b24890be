package io.receivables.local;

import java.util.Map;

/**
 * Kafka Connect in a JVM of its own, so that it can crash and be restarted alone:
 * {@code KafkaConnectMain --bootstrap-servers HOST:PORT --port P --log-file FILE}. Its connectors and offsets are in
 * Kafka, so a restarted worker resumes them. Runs until its standard input closes or SIGTERM.
 */
public final class KafkaConnectMain {

    private KafkaConnectMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ChildMain.options(args);
        ChildMain.logTo(options);
        KafkaConnectWorker worker = KafkaConnectWorker.builder()
                .bootstrapServers(ChildMain.required(options, "bootstrap-servers"))
                .port(Integer.parseInt(ChildMain.required(options, "port")))
                .start();
        ChildMain.runUntilStopped(worker);
    }
}
