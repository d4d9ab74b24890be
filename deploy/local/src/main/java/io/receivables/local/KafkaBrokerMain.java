package io.receivables.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * The Kafka broker in a JVM of its own, so that it can crash and be restarted alone:
 * {@code KafkaBrokerMain --log-dir DIR --port P --log-file FILE}. Runs until its standard input closes or SIGTERM.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ChildMain.options(args);
        ChildMain.logTo(options);
        KafkaKraftBroker broker = KafkaKraftBroker.builder()
                .logDir(Path.of(ChildMain.required(options, "log-dir")))
                .port(Integer.parseInt(ChildMain.required(options, "port")))
                .start();
        ChildMain.runUntilStopped(broker);
    }
}
